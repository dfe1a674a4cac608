package io.maple.api.web;

/** One offending field of a request, as listed in a problem's {@code errors}. */
public record FieldError(String field, String message) {
}
