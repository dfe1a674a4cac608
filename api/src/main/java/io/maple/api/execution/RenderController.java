package io.maple.api.execution;

import io.maple.engine.catalog.EngineCatalog;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.api.security.Caller;
import io.maple.api.security.Secrets;
import io.maple.persistence.cluster.ClusterEngineRecord;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.cluster.DefaultConfRecord;
import java.util.ArrayList;
import java.util.List;
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
    private final ClusterMapper clusters;
    private final ObjectMapper json;

    RenderController(EngineCatalog catalog, WebhookGuard webhooks, ClusterMapper clusters, ObjectMapper json) {
        this.catalog = catalog;
        this.webhooks = webhooks;
        this.clusters = clusters;
        this.json = json;
    }

    @Operation(summary = "Render the launch script or resource of a submission without storing or launching it",
            description = "Names derived from the execution id use id 0.")
    @PostMapping("/render")
    RenderedLaunch render(@Valid @RequestBody SubmitExecutionRequest request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        ExecutionController.requireActsFor(caller, request.fromApp());
        // the same answer as a submit would get, so a dry run never passes what a submit refuses
        webhooks.check(request.fromApp(), request.webhooks(), caller);
        RenderedLaunch rendered = RenderedLaunch.of(JobRejections.check(() -> catalog.render(request.subject(0))));
        return rendered.scrubbed(Secrets.values(secretSources(request)));
    }

    /** Where secret values may come from: the cluster's config, the engine's default conf and the job itself. */
    private List<JsonNode> secretSources(SubmitExecutionRequest request) {
        List<JsonNode> sources = new ArrayList<>();
        sources.add(json.valueToTree(request.job()));
        ClusterRecord cluster = clusters.findClusterByName(request.cluster());
        if (cluster != null) {
            sources.add(tree(cluster.config()));
            ClusterEngineRecord engine = clusters.findEngine(cluster.id(), request.engineCategory(),
                    request.engineVersion());
            DefaultConfRecord conf = engine == null ? null : clusters.findDefaultConf(engine.id());
            if (conf != null) {
                sources.add(tree(conf.configuration()));
            }
        }
        return sources;
    }

    private JsonNode tree(String document) {
        try {
            return document == null ? null : json.readTree(document);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
