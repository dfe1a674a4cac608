package io.maple.engine.spi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A render compared with its golden file. {@code -Dmaple.golden.update=true} rewrites the file (review
 * the diff); a missing one is written on a developer's machine, so a new case starts from its first
 * render, but fails under CI ({@code CI=true}), where writing it would pass whatever was rendered.
 */
public final class GoldenFile {

    private GoldenFile() {
    }

    public static void assertMatches(Path golden, String rendered) throws IOException {
        boolean update = Boolean.getBoolean("maple.golden.update");
        if (!update && !Files.exists(golden) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("golden file " + golden + " is missing: render it on a developer machine"
                    + " (it is written when missing), review it and commit it");
        }
        if (update || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }
}
