package io.maple.api.execution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One execution with its ext info documents (as JSON objects) and its status history, oldest first. */
public record ExecutionDetail(
        @JsonUnwrapped ExecutionView execution,
        JsonNode configuration,
        JsonNode extInfo,
        JsonNode execInfo,
        List<StatusChange> history) {
}
