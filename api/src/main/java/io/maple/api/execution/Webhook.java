package io.maple.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.maple.domain.ExecutionStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A callback address, optionally limited to some statuses (none listed: every status change).
 * Accepted on the wire as a bare URL string or as {@code {"url": ..., "statuses": [...]}}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Webhook(
        @NotBlank @Size(max = 2048) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http(s) URL")
        String url,
        @Size(max = 10) List<ExecutionStatus> statuses) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Webhook(@JsonProperty("url") String url, @JsonProperty("statuses") List<ExecutionStatus> statuses) {
        this.url = url;
        this.statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Webhook of(String url) {
        return new Webhook(url, List.of());
    }
}
