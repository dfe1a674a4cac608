package io.maple.api.execution;

import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calls made to an execution's webhooks; who may read them is the rule of {@code GET /executions/{id}}. */
@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "executions")
class WebhookAttemptsController {

    private final ExecutionStore executions;
    private final WebhookAttemptMapper attempts;

    WebhookAttemptsController(ExecutionStore executions, WebhookAttemptMapper attempts) {
        this.executions = executions;
        this.attempts = attempts;
    }

    @GetMapping("/{id}/webhooks")
    @Operation(summary = "Every call made to the execution's webhooks, oldest first: what it announced, the answer "
            + "or the error")
    List<WebhookAttemptView> webhooks(@PathVariable long id) {
        executions.require(id);
        return attempts.findByExecutionId(id).stream().map(a -> new WebhookAttemptView(a.deliveryId(), a.url(),
                a.newStatus(), a.attempt(), a.httpStatus(), a.error(), a.createTime())).toList();
    }
}
