package io.maple.api.workflow;

import io.maple.persistence.execution.ExecutionRecord;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Kill, cancel, rerun and engine self-report of one execution; all go through its workflow. */
@RestController
@RequestMapping("/api/v1/executions/{id}")
class ExecutionActionsController {

    private final ExecutionWorkflows workflows;

    ExecutionActionsController(ExecutionWorkflows workflows) {
        this.workflows = workflows;
    }

    /** Optional body of kill and cancel. */
    record StopBody(String reason, String requestedBy) {
    }

    /** Body of an engine self-report: a Maple status word (RUNNING, SUCCEED, FAILED) or none for a heartbeat. */
    record ReportBody(String status, String message) {
    }

    record RerunBody(String uniqueId) {
    }

    @PostMapping("/kill")
    StopResult kill(@PathVariable long id, @RequestBody(required = false) StopBody body) {
        return workflows.kill(id, request(body, "killed"));
    }

    @PostMapping("/cancel")
    StopResult cancel(@PathVariable long id, @RequestBody(required = false) StopBody body) {
        return workflows.cancel(id, request(body, "canceled"));
    }

    @PostMapping("/rerun")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> rerun(@PathVariable long id, @RequestBody(required = false) RerunBody body) {
        ExecutionRecord created = workflows.rerun(id, body == null ? null : body.uniqueId());
        return Map.of("id", created.id(), "uniqueId", created.uniqueId(), "rerunOf", id,
                "status", created.status());
    }

    @PostMapping("/report")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void report(@PathVariable long id, @RequestBody(required = false) ReportBody body) {
        workflows.report(id, body == null ? null : body.status(), body == null ? null : body.message());
    }

    @GetMapping("/live")
    ExecutionWorkflows.LiveState live(@PathVariable long id) {
        return workflows.state(id);
    }

    private static StopRequest request(StopBody body, String defaultReason) {
        String reason = body == null || body.reason() == null ? defaultReason + " via API" : body.reason();
        String by = body == null || body.requestedBy() == null ? "api" : body.requestedBy();
        return new StopRequest(reason, by);
    }
}
