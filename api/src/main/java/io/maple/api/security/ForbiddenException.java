package io.maple.api.security;

/** The caller is known but may not do this; answered 403 and audited. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
