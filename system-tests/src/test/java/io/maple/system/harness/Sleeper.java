package io.maple.system.harness;

import java.time.Duration;

/** Sleeping in a harness loop; an interrupt ends the test instead of being swallowed. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
