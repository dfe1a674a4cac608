package io.maple.api.web;

/** Input the API refuses with 400; {@code field} names the request field at fault (dotted path). */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
