package io.maple.activities.launch.yarn;

/** The ResourceManager could not be asked (network, auth, RM down): retryable, never a verdict. */
public class YarnUnreachableException extends RuntimeException {
    public YarnUnreachableException(String cluster, Throwable cause) {
        super("YARN cluster " + cluster + " is unreachable: " + cause.getMessage(), cause);
    }
}
