package io.maple.api.history;

import io.maple.activities.workflow.WorkflowStates;
import io.maple.api.config.ApiProperties;
import io.maple.api.web.BadRequestException;
import io.maple.persistence.execution.ExecutionStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An execution's Temporal workflow history, for the console and for anyone without a Temporal UI
 * (the dev server has none). Who may read it is the rule of {@code GET /executions/{id}}.
 */
@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "executions")
@Import(WorkflowStates.class)
class ExecutionHistoryController {

    private static final Pattern RUN_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final ExecutionStore executions;
    private final WorkflowHistories histories;
    private final ApiProperties properties;

    ExecutionHistoryController(ExecutionStore executions, WorkflowHistories histories, ApiProperties properties) {
        this.executions = executions;
        this.histories = histories;
        this.properties = properties;
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A page of the execution's Temporal workflow history, oldest event first: the newest run "
            + "unless run names another; continuedFromRunId leads to the run before, nextPageToken to the next page")
    ExecutionHistoryView history(@PathVariable long id, @RequestParam(required = false) String run,
                                 @RequestParam(required = false) String pageToken,
                                 @RequestParam(defaultValue = "200") int size) {
        if (size < 1 || size > properties.maxHistoryEvents()) {
            throw new BadRequestException("size", "must be between 1 and " + properties.maxHistoryEvents());
        }
        if (run != null && !RUN_ID.matcher(run).matches()) {
            throw new BadRequestException("run", "must be a workflow run id (a UUID), as continuedFromRunId gives");
        }
        if (pageToken != null && run == null) {
            // the newest run may have changed since the first page: a page token belongs to one run
            throw new BadRequestException("run", "is required with pageToken: the runId of the page that gave it");
        }
        executions.require(id);
        return histories.page(id, run, pageToken, size);
    }
}
