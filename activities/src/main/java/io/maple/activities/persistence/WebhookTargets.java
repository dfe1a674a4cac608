package io.maple.activities.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.WebhookTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code webhooks} column. Accepted shapes: {@code ["http://a"]},
 * {@code [{"url":"http://a","statuses":["SUCCEED"]}]} and {@code {"urls":[...],"statuses":[...]}}.
 */
final class WebhookTargets {

    private WebhookTargets() {
    }

    static List<WebhookTarget> parse(ObjectMapper json, String column) {
        List<WebhookTarget> result = new ArrayList<>();
        if (column == null || column.isBlank()) {
            return result;
        }
        JsonNode root;
        try {
            root = json.readTree(column);
        } catch (IOException e) {
            throw new IllegalArgumentException("webhooks column is not JSON: " + e.getMessage(), e);
        }
        if (root.isObject()) {
            Set<ExecutionStatus> statuses = statuses(root.path("statuses"));
            for (JsonNode url : root.path("urls")) {
                result.add(new WebhookTarget(url.asText(), statuses));
            }
        } else if (root.isArray()) {
            for (JsonNode item : root) {
                if (item.isTextual()) {
                    result.add(new WebhookTarget(item.asText(), Set.of()));
                } else if (item.hasNonNull("url")) {
                    JsonNode filter = item.has("statuses") ? item.get("statuses") : item.path("events");
                    result.add(new WebhookTarget(item.get("url").asText(), statuses(filter)));
                }
            }
        } else if (root.isTextual()) {
            result.add(new WebhookTarget(root.asText(), Set.of()));
        }
        return result;
    }

    private static Set<ExecutionStatus> statuses(JsonNode node) {
        Set<ExecutionStatus> result = EnumSet.noneOf(ExecutionStatus.class);
        for (JsonNode s : node) {
            result.add(ExecutionStatus.valueOf(s.asText().trim().toUpperCase(java.util.Locale.ROOT)));
        }
        return result;
    }
}
