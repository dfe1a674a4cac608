package io.maple.api.execution;

import io.maple.api.security.Caller;
import io.maple.api.security.ForbiddenException;
import io.maple.api.security.WebhookGuard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Submit, read and list engine executions. */
@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "executions")
class ExecutionController {

    private final SubmissionService submissions;
    private final ExecutionReader reader;
    private final WebhookGuard webhooks;

    ExecutionController(SubmissionService submissions, ExecutionReader reader, WebhookGuard webhooks) {
        this.submissions = submissions;
        this.reader = reader;
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Submit an execution; 201 when stored, 200 with duplicated=true when (fromApp, uniqueId) exists")
    ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody SubmitExecutionRequest request,
                                              HttpServletRequest http) {
        Caller caller = Caller.of(http);
        requireActsFor(caller, request.fromApp());
        webhooks.check(request.fromApp(), request.webhooks(), caller);
        SubmissionResult result = submissions.submit(request);
        URI location = URI.create("/api/v1/executions/" + result.execution().id());
        return ResponseEntity.status(result.duplicated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(location)
                .body(SubmissionResponse.of(result));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One execution with its configuration, exec info and status history")
    ExecutionDetail get(@PathVariable long id) {
        return reader.detail(id);
    }

    @GetMapping
    @Operation(summary = "List executions, newest first (create time, then id)")
    ExecutionPage list(@ParameterObject ExecutionFilter filter, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        if (!caller.admin()) {
            // an app lists only its own executions: no fromApp means its own
            requireActsFor(caller, filter.fromApp() == null ? caller.app() : filter.fromApp());
            filter = filter.withFromApp(caller.app());
        }
        return reader.page(filter, page, size);
    }

    /** An app submits and lists only as itself; admins for any app. */
    static void requireActsFor(Caller caller, String fromApp) {
        if (fromApp != null && !caller.mayActFor(fromApp)) {
            throw new ForbiddenException("application '" + caller.app() + "' may not act for fromApp '" + fromApp
                    + "'; fromApp must be the authenticated application");
        }
    }
}
