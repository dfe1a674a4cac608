package io.maple.api.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path and query numbers are decimal only. Spring's default number editor also reads {@code 0x10},
 * {@code #10} and {@code 010} as numbers, and is the fallback when a converter refuses one, so
 * {@code /executions/0x10} was execution 16, past the ownership check (which matches decimal ids).
 * A custom editor comes before both.
 */
@ControllerAdvice
class DecimalNumbers {

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        if (binder.getTarget() != null && binder.getTarget().getClass().isRecord()) {
            // a record already made (a request body Jackson has read) is only validated: no text left to convert
            return;
        }
        binder.registerCustomEditor(long.class, editor(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, editor(Long::valueOf, true));
        binder.registerCustomEditor(int.class, editor(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, editor(Integer::valueOf, true));
    }

    private static PropertyEditorSupport editor(Function<String, ? extends Number> parse, boolean nullable) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String value = text == null ? "" : text.trim();
                if (value.isEmpty() && nullable) {
                    setValue(null);
                } else if (!value.matches("-?[0-9]{1,19}")) {
                    throw new IllegalArgumentException("not a decimal number: " + text);
                } else {
                    // NumberFormatException (an IllegalArgumentException) for one out of range
                    setValue(parse.apply(value));
                }
            }
        };
    }
}
