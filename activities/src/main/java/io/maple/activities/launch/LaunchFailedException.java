package io.maple.activities.launch;

/**
 * The cluster refused the launch for good (validation error, launcher exited non-zero with no
 * application): the execution becomes START_FAILED with this message as the reason.
 */
public class LaunchFailedException extends RuntimeException {
    public LaunchFailedException(String message) {
        super(message);
    }

    public LaunchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
