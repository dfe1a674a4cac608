package io.maple.activities.log;

/** The cluster keeps no log of this kind for the execution (not launched yet, or already gone). */
public class LogNotFoundException extends RuntimeException {

    public LogNotFoundException(String message) {
        super(message);
    }
}
