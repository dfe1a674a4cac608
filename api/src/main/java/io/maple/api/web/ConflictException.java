package io.maple.api.web;

/** A create that would clash with an existing resource; answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
