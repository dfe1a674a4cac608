package io.maple.api.execution;

import io.maple.engine.catalog.EngineCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.maple.api.security.Caller;
import io.maple.api.security.WebhookGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dry run: shows what a submission would launch, storing and launching nothing. */
@RestController
@RequestMapping("/api/v1/executions")
class RenderController {

    private final EngineCatalog catalog;
    private final WebhookGuard webhooks;

    RenderController(EngineCatalog catalog, WebhookGuard webhooks) {
        this.catalog = catalog;
        this.webhooks = webhooks;
    }

    @Operation(summary = "Render the launch script or resource of a submission without storing or launching it",
            description = "Names derived from the execution id use id 0.")
    @PostMapping("/render")
    RenderedLaunch render(@Valid @RequestBody SubmitExecutionRequest request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        ExecutionController.requireActsFor(caller, request.fromApp());
        // the same answer as a submit would get, so a dry run never passes what a submit refuses
        webhooks.check(request.fromApp(), request.webhooks(), caller);
        return RenderedLaunch.of(JobRejections.check(() -> catalog.render(request.subject(0))));
    }
}
