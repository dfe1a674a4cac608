package io.maple.activities.launch.k8s;

/**
 * The API server could not do it now (conflict, throttling, 5xx, connection failure): the
 * activity retries it. Anything that retrying cannot fix is a {@code LaunchFailedException}.
 */
public class K8sRetryableException extends RuntimeException {

    private final int statusCode;

    public K8sRetryableException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** HTTP status from the API server, 0 when it was not reached. */
    public int statusCode() {
        return statusCode;
    }
}
