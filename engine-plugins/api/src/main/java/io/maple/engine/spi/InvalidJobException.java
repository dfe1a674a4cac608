package io.maple.engine.spi;

/** A job configuration that cannot be launched; {@code field} names the offending request field. */
public class InvalidJobException extends RuntimeException {

    private final String field;

    public InvalidJobException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
