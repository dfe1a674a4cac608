package io.maple.api.web;

import java.io.IOException;

/**
 * Thrown while a body is read once it passes {@code maple.api.max-body-size}. It is an
 * {@link IOException} so that it travels up through Jackson and Spring's message conversion,
 * where {@link ApiExceptionHandler} finds it in the cause chain and answers 413.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
