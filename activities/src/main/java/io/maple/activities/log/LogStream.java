package io.maple.activities.log;

import java.util.Locale;
import java.util.Optional;

/** Which output of an execution a log read is about. */
public enum LogStream {
    /** The application's standard output (the driver's or JobManager's). */
    STDOUT,
    /** The application's standard error (the driver's or JobManager's). */
    STDERR,
    /** The launch command's own output (spark-submit, flink run): what a START_FAILED user needs. */
    LAUNCH;

    /** The name as the REST API spells it. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogStream> parse(String value) {
        for (LogStream stream : values()) {
            if (stream.apiName().equals(value)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }
}
