package io.maple.api.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.api.web.BadRequestException;
import io.maple.api.web.ExecutionMdcFilter;
import io.maple.api.workflow.ExecutionWorkflows;
import io.maple.engine.catalog.EngineCatalog;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.LaunchTargetRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts a submission: checks it against the registered clusters and engines, stores it in
 * CREATED, and returns the existing execution when (fromApp, uniqueId) was seen before. The
 * unique key on (from_app, unique_id) is the arbiter of duplicates, so concurrent twins are safe.
 *
 * <p>Deliberately not {@code @Transactional}: the insert commits on its own, so that the re-read
 * after a lost duplicate-key race runs in a fresh snapshot and sees the winner's row.
 */
@Service
public class SubmissionService {

    static final String SOURCE = "api";
    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final ExecutionStore store;
    private final ClusterMapper clusters;
    private final LaunchTargets launchTargets;
    private final EngineCatalog catalog;
    private final ExecutionWorkflows workflows;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final List<StoredSubmissionListener> listeners;
    // registered once: a registration per request looked the meter up by its id and tags every time
    private final Timer createdTimer;
    private final Timer duplicatedTimer;
    private final Timer rejectedTimer;
    private final Timer failedTimer;

    public SubmissionService(ExecutionStore store, ClusterMapper clusters, LaunchTargets launchTargets,
                             EngineCatalog catalog, ExecutionWorkflows workflows, ObjectMapper json,
                             MeterRegistry meters, ObjectProvider<StoredSubmissionListener> listeners) {
        this.store = store;
        this.clusters = clusters;
        this.launchTargets = launchTargets;
        this.catalog = catalog;
        this.workflows = workflows;
        this.json = json;
        this.meters = meters;
        this.listeners = listeners.orderedStream().toList();
        this.createdTimer = submissions(meters, "created");
        this.duplicatedTimer = submissions(meters, "duplicated");
        this.rejectedTimer = submissions(meters, "rejected");
        this.failedTimer = submissions(meters, "failed");
    }

    public SubmissionResult submit(SubmitExecutionRequest request) {
        Timer.Sample sample = Timer.start(meters);
        Timer outcome = failedTimer;
        try {
            SubmissionResult result = doSubmit(request);
            outcome = result.duplicated() ? duplicatedTimer : createdTimer;
            return result;
        } catch (BadRequestException e) {
            outcome = rejectedTimer;
            throw e;
        } finally {
            sample.stop(outcome);
        }
    }

    private static Timer submissions(MeterRegistry meters, String outcome) {
        return Timer.builder("maple.submissions")
                .description("POST /executions handled by the submission service")
                .tag("outcome", outcome)
                .register(meters);
    }

    private SubmissionResult doSubmit(SubmitExecutionRequest request) {
        if (request.job().runType() == null) {
            throw new BadRequestException("job.runType", "must not be null");
        }
        // The happy path costs one lookup (cluster, engine and default conf in one query) plus the insert:
        // a duplicate is found by the unique key.
        LaunchTargetRecord target = launchTargets.find(request.cluster(), request.engineCategory(),
                request.engineVersion());
        if (target == null) {
            // A retry of a known submission answers with what exists, even if its cluster changed since.
            ExecutionRecord existing = store.findByAppAndUniqueId(request.fromApp(), request.uniqueId());
            if (existing != null) {
                return new SubmissionResult(existing, true);
            }
            throw unknownReference(request);
        }
        // The engine plugin refuses here what it could not launch, so a bad job is a 400 and never a launch failure.
        JobRejections.check(() -> catalog.validate(request.subject(0), target));

        ExecutionRecord created;
        try {
            created = store.create(draft(request), toJson(request.job()), null, SOURCE);
        } catch (DuplicateKeyException raced) {
            // A retry, or a concurrent twin that committed first: the unique key (from_app, unique_id) decides.
            ExecutionRecord winner = store.findByAppAndUniqueId(request.fromApp(), request.uniqueId());
            if (winner == null) {
                throw raced;
            }
            return new SubmissionResult(winner, true);
        }
        MDC.put(ExecutionMdcFilter.MDC_KEY, String.valueOf(created.id()));
        log.info("execution stored: fromApp={} uniqueId={} cluster={} queue={} engine={}-{}", created.fromApp(),
                created.uniqueId(), created.cluster(), created.clusterQueue(),
                created.engineCategory().wireName(), created.engineVersion());

        for (StoredSubmissionListener listener : listeners) {
            listener.stored(created);
        }
        // The row is committed in CREATED; a crash or a Temporal outage before the start is repaired by
        // the worker's reconciler, which starts workflows for old CREATED rows (the workflow id keeps it single).
        try {
            workflows.start(created);
        } catch (RuntimeException e) {
            log.warn("workflow start deferred to the reconciler: {}", e.toString());
        }
        return new SubmissionResult(created, false);
    }

    /** Says which field is wrong when the cluster engine was not found. */
    private BadRequestException unknownReference(SubmitExecutionRequest request) {
        if (clusters.findClusterByName(request.cluster()) == null) {
            return new BadRequestException("cluster", "unknown cluster '" + request.cluster() + "'");
        }
        return new BadRequestException("engineVersion", request.engineCategory().wireName() + " "
                + request.engineVersion() + " is not registered on cluster '" + request.cluster() + "'");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private ExecutionRecord draft(SubmitExecutionRequest r) {
        String webhooks = r.webhooks() == null || r.webhooks().isEmpty() ? null : toJson(r.webhooks());
        return new ExecutionRecord(null, r.uniqueId(), r.execName(), r.comment(), r.fromApp(), r.cluster(),
                r.clusterQueue(), r.engineCategory(), r.engineVersion(), r.priority(), null, r.group(), r.user(),
                webhooks, r.requestType(), r.execType(), null, null, null, null, null, null, null);
    }
}
