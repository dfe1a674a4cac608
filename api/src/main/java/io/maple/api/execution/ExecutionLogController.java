package io.maple.api.execution;

import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.log.ExecutionLogConfiguration;
import io.maple.activities.log.ExecutionLogs;
import io.maple.activities.log.LogPage;
import io.maple.activities.log.LogStream;
import io.maple.activities.log.OpenedLog;
import io.maple.api.config.ApiProperties;
import io.maple.api.web.BadRequestException;
import io.maple.api.web.NotFoundException;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Import;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An execution's log, paged by lines as Livy pages a batch's. Who may read it is the rule of
 * {@code GET /executions/{id}} (AuthenticationFilter: another app's execution is refused).
 */
@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "executions")
@Import({ExecutionLogConfiguration.class, K8sClients.class, YarnClients.class})
class ExecutionLogController {

    private static final String STREAMS = Arrays.stream(LogStream.values()).map(LogStream::apiName)
            .collect(Collectors.joining(", "));

    private final ExecutionStore executions;
    private final ClusterMapper clusters;
    private final ExecutionLogs logs;
    private final ApiProperties properties;

    ExecutionLogController(ExecutionStore executions, ClusterMapper clusters, ExecutionLogs logs,
                           ApiProperties properties) {
        this.executions = executions;
        this.clusters = clusters;
        this.logs = logs;
        this.properties = properties;
    }

    @GetMapping("/{id}/log")
    @Operation(summary = "A page of the execution's log: from counts lines from 0, a negative from counts from "
            + "the end (the tail); stream is stdout, stderr or launch (the launch command's own output)")
    ExecutionLogView log(@PathVariable long id, @RequestParam(defaultValue = "0") long from,
                         @RequestParam(defaultValue = "100") int size,
                         @RequestParam(defaultValue = "stdout") String stream) {
        LogStream which = parse(stream);
        if (size < 1 || size > properties.maxLogLines()) {
            throw new BadRequestException("size", "must be between 1 and " + properties.maxLogLines());
        }
        ExecutionRecord execution = executions.require(id);
        LogPage page = logs.read(execution, clusterOf(execution), which, from, size);
        return new ExecutionLogView(id, which.apiName(), page.lines().from(), page.lines().total(),
                page.lines().lines(), page.source(), execution.status().isTerminal());
    }

    /**
     * Written here, on the request's thread, rather than as an async body: a slow download of a large log
     * must not meet the servlet container's async timeout.
     */
    @GetMapping("/{id}/log/download")
    @Operation(summary = "The whole of one stream of the execution's log as a text file, streamed as it is read "
            + "(a log still being written: as far as it has been written)")
    void download(@PathVariable long id, @RequestParam(defaultValue = "stdout") String stream,
                  HttpServletResponse response) throws IOException {
        LogStream which = parse(stream);
        ExecutionRecord execution = executions.require(id);
        try (OpenedLog log = logs.open(execution, clusterOf(execution), which)) {
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("maple-" + id + "-" + which.apiName() + ".log").build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Maple-Log-Source", log.source());
            log.content().transferTo(response.getOutputStream());
        }
    }

    private static LogStream parse(String stream) {
        return LogStream.parse(stream).orElseThrow(() -> new BadRequestException("stream", "must be one of " + STREAMS));
    }

    private ClusterRecord clusterOf(ExecutionRecord execution) {
        ClusterRecord cluster = clusters.findClusterByName(execution.cluster());
        if (cluster == null) {
            throw new NotFoundException("execution " + execution.id() + " ran on cluster '" + execution.cluster()
                    + "', which is no longer registered: its log cannot be found");
        }
        return cluster;
    }
}
