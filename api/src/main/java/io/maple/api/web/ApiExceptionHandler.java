package io.maple.api.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.maple.activities.log.LogNotFoundException;
import io.maple.persistence.execution.ExecutionNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refused request into {@code application/problem+json}. Bad input names the field at
 * fault in {@code field} (the first) and {@code errors} (all), so callers can fix requests without
 * reading server logs.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return badRequest(e.field() + ": " + e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler({NotFoundException.class, ExecutionNotFoundException.class, LogNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.isBindingFailure()
                        // a query parameter that did not convert (enum, number, ISO-8601 time)
                        ? "invalid value '" + f.getRejectedValue() + "'" + allowedValues(fieldType(ex, f.getField()))
                        : f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return badRequest(detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String message = "invalid value '" + ex.getValue() + "'" + allowedValues(ex.getRequiredType());
        return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (hasCause(ex, PayloadTooLargeException.class)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, NestedExceptionUtils.getMostSpecificCause(ex).getMessage(),
                    List.of());
        }
        FieldError error = describe(cause);
        return badRequest(error.field() + ": " + error.message(), List.of(error));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    /** Names the field of an unreadable body from Jackson's path, or the parser's position for malformed JSON. */
    private static FieldError describe(@Nullable Throwable cause) {
        JsonParseException parse = findCause(cause, JsonParseException.class);
        if (parse != null) {
            // malformed JSON: the parser knows where it stopped, even inside a map or a list
            String field = parse.getProcessor() == null ? "" : path(parse.getProcessor().getParsingContext());
            if (field.isEmpty() && cause instanceof JsonMappingException mapping) {
                field = path(mapping.getPath());
            }
            return new FieldError(field.isEmpty() ? "body" : field, "malformed JSON: " + parse.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            if (mapping instanceof InvalidFormatException invalid) {
                return new FieldError(field, "invalid value '" + invalid.getValue() + "'"
                        + allowedValues(invalid.getTargetType()));
            }
            if (mapping instanceof ValueInstantiationException instantiation) {
                Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
                return new FieldError(field, "invalid value" + allowedValues(type));
            }
            if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return new FieldError(field, "expected " + describeType(mismatched.getTargetType())
                        + allowedValues(mismatched.getTargetType()));
            }
            return new FieldError(field, "unreadable value");
        }
        if (cause instanceof JsonProcessingException json) {
            return new FieldError("body", "malformed JSON: " + json.getOriginalMessage());
        }
        return new FieldError("body", "request body is missing or unreadable");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    @Nullable
    private static Class<?> fieldType(MethodArgumentNotValidException ex, String field) {
        try {
            return ex.getBindingResult().getFieldType(field);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of the listed values";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()
                || com.fasterxml.jackson.databind.node.ObjectNode.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a value of type " + type.getSimpleName();
    }

    /** Lists an enum's values as they are written on the wire (lower case for engines and run types). */
    private static String allowedValues(@Nullable Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        return "; allowed: " + Arrays.stream(type.getEnumConstants())
                .map(ApiExceptionHandler::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String wireName(Object constant) {
        try {
            return String.valueOf(constant.getClass().getMethod("wireName").invoke(constant));
        } catch (ReflectiveOperationException e) {
            return ((Enum<?>) constant).name();
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return findCause(e, type) != null;
    }

    @Nullable
    private static <T extends Throwable> T findCause(@Nullable Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private ResponseEntity<Object> badRequest(String detail, List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, detail, errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
