package io.maple.activities.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.WebhookTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every stored form of an execution's webhooks column, and which status changes each target wants. */
class WebhookTargetsParseTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void plainUrlsWantEveryChange() {
        List<WebhookTarget> targets = WebhookTargets.parse(json, "[\"http://a/1\", \"http://a/2\"]");
        assertThat(targets).extracting(WebhookTarget::url).containsExactly("http://a/1", "http://a/2");
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertThat(targets).allMatch(t -> t.wants(status));
        }
        assertThat(WebhookTargets.parse(json, "\"http://a/only\"")).singleElement()
                .satisfies(t -> assertThat(t.wants(ExecutionStatus.RUNNING)).isTrue());
    }

    @Test
    void objectsWithStatusesOrEventsWantOnlyThose() {
        List<WebhookTarget> targets = WebhookTargets.parse(json, "[{\"url\":\"http://a/s\",\"statuses\":[\"SUCCEED\",\"FAILED\"]},"
                + "{\"url\":\"http://a/e\",\"events\":[\" killed \"]}, {\"url\":\"http://a/all\"}]");
        assertThat(targets).extracting(WebhookTarget::url).containsExactly("http://a/s", "http://a/e", "http://a/all");
        assertThat(targets.get(0).statuses()).isEqualTo(Set.of(ExecutionStatus.SUCCEED, ExecutionStatus.FAILED));
        assertThat(targets.get(0).wants(ExecutionStatus.FAILED)).isTrue();
        assertThat(targets.get(0).wants(ExecutionStatus.RUNNING)).isFalse();
        // events is the other spelling; names are trimmed and case-insensitive
        assertThat(targets.get(1).statuses()).isEqualTo(Set.of(ExecutionStatus.KILLED));
        assertThat(targets.get(1).wants(ExecutionStatus.SUCCEED)).isFalse();
        assertThat(targets.get(2).wants(ExecutionStatus.ACCEPTED)).isTrue();
    }

    @Test
    void theUrlsObjectSharesOneFilter() {
        List<WebhookTarget> targets = WebhookTargets.parse(json,
                "{\"urls\":[\"http://a/1\",\"http://a/2\"],\"statuses\":[\"succeed\"]}");
        assertThat(targets).extracting(WebhookTarget::url).containsExactly("http://a/1", "http://a/2");
        assertThat(targets).allMatch(t -> t.wants(ExecutionStatus.SUCCEED) && !t.wants(ExecutionStatus.STARTING));
    }

    @Test
    void noColumnIsNoTarget() {
        assertThat(WebhookTargets.parse(json, null)).isEmpty();
        assertThat(WebhookTargets.parse(json, " ")).isEmpty();
        assertThat(WebhookTargets.parse(json, "[]")).isEmpty();
    }
}
