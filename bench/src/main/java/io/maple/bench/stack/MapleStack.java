package io.maple.bench.stack;

import io.maple.api.MapleApiApplication;
import io.maple.bench.admission.SlotTurnoverWorkload;
import io.maple.devserver.TemporalDevServer;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.workflows.contract.TaskQueues;
import io.maple.worker.MapleWorkerApplication;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * One Maple inside this JVM: a fresh MariaDB database, Temporal's test server, the real api
 * (MapleApiApplication from its plain jar, on a random port) and the real worker
 * (MapleWorkerApplication) whose cluster queue is served by the {@link InstantCluster}. Neither
 * module's application.yml is read: everything they need is passed here, so nothing depends on
 * which jar comes first on the classpath.
 */
public final class MapleStack implements AutoCloseable {

    /** The one cluster of every benchmark; its engine is Spark 3.5.5. */
    public static final String CLUSTER = "bench";
    /** {@code maple.local.work-dir} of the api and the worker: where LOCAL executions' logs are read. */
    public static final Path LOCAL_WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "maple-bench-local");
    /** The bare dispatch baseline's task queue. */
    public static final String BARE_QUEUE = "bench-bare";

    /** The api's default pool (api application.yml, {@code MAPLE_DB_POOL_SIZE}). */
    static final int DB_POOL_SIZE = 32;
    /** The worker's workflow cache (worker application.yml, {@code MAPLE_WORKFLOW_CACHE}, {@code MAPLE_WORKFLOW_THREADS}). */
    static final int WORKFLOW_CACHE = 4000;
    static final int WORKFLOW_THREADS = 6000;
    /** Workflow tasks and local activities at a time (worker application.yml, {@code MAPLE_WORKFLOW_TASK_SLOTS}, {@code MAPLE_LOCAL_ACTIVITY_SLOTS}). */
    static final int EXECUTION_SLOTS = 16;

    /** The app the secured api's calls come from; its rate limit is set out of the way. */
    public static final String SECURED_APP = "bench";

    private final TestServer.PortBoundTestServer temporal;
    private final ConfigurableApplicationContext api;
    private final ConfigurableApplicationContext worker;
    private final List<String> apiArgs;
    private ConfigurableApplicationContext securedApi;

    private MapleStack(TestServer.PortBoundTestServer temporal, ConfigurableApplicationContext api,
                       ConfigurableApplicationContext worker, List<String> apiArgs) {
        this.temporal = temporal;
        this.api = api;
        this.worker = worker;
        this.apiArgs = apiArgs;
    }

    /**
     * Database {@code maple_test_bench}, a port-bound test server in real time (time skipping
     * locked), the api and the worker. {@code workerProperties} adds or overrides worker settings.
     */
    public static MapleStack start(Map<String, String> workerProperties) {
        String url = TestDatabase.recreate("bench");
        // a fresh database numbers executions from 1 again: an earlier run's process directories would be
        // taken for theirs (a LOCAL launch adopts the claim it finds)
        FileSystemUtils.deleteRecursively(LOCAL_WORK_DIR.toFile());
        int port = freePort();
        TestServer.PortBoundTestServer temporal = TemporalDevServer.start(port, true);
        String target = "--spring.temporal.connection.target=127.0.0.1:" + port;
        ConfigurableApplicationContext worker = new SpringApplicationBuilder(MapleWorkerApplication.class,
                BenchWorkerBeans.class).web(WebApplicationType.NONE)
                .run(workerArgs(url, target, workerProperties));
        List<String> apiArgs = new ArrayList<>(common(url));
        apiArgs.add(apiConfigLocation());
        apiArgs.add(target);
        apiArgs.add("--server.port=0");
        // every call would otherwise need an app key, and the default rate limit (100/s) would be the figure
        ConfigurableApplicationContext api = startApi(apiArgs, "--maple.security.enabled=false");
        return new MapleStack(temporal, api, worker, apiArgs);
    }

    private static ConfigurableApplicationContext startApi(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new SpringApplicationBuilder(MapleApiApplication.class).web(WebApplicationType.SERVLET)
                .run(all.toArray(String[]::new));
    }

    /**
     * A second api on the same database and Temporal server with security on, as deployed: every call
     * is authenticated, checked and rate-limited (the {@link #SECURED_APP}'s bucket is set high enough
     * that its limit is not the figure). Started on first use.
     */
    public synchronized int securedApiPort() {
        if (securedApi == null) {
            String limit = "--maple.security.app-rate-limits." + SECURED_APP;
            securedApi = startApi(apiArgs, "--maple.security.enabled=true", limit + ".capacity=1000000",
                    limit + ".per-second=1000000");
        }
        return ((WebServerApplicationContext) securedApi).getWebServer().getPort();
    }

    /**
     * The api runs with its shipped {@code application.yml} (its observations, metrics and caches as
     * deployed), with only the database, Temporal, port and security given here. The worker's
     * {@code application.yml} sits at the same classpath root, so the api's is named by its own jar or
     * classes directory, not looked up on the classpath.
     */
    static String apiConfigLocation() {
        try {
            Path codeSource = Path.of(MapleApiApplication.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            String yml = Files.isDirectory(codeSource) ? codeSource.resolve("application.yml").toUri().toString()
                    : "jar:" + codeSource.toUri() + "!/application.yml";
            return "--spring.config.location=" + yml;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the api's classes", e);
        }
    }

    private static String[] workerArgs(String url, String temporal, Map<String, String> extra) {
        List<String> args = new ArrayList<>(common(url));
        args.add(temporal);
        // the worker's application.yml defaults (not read here): a burst's waiters all stay cached
        args.add("--spring.temporal.workflow-cache.max-instances=" + WORKFLOW_CACHE);
        args.add("--spring.temporal.workflow-cache.max-threads=" + WORKFLOW_THREADS);
        String w = "--spring.temporal.workers";
        args.addAll(List.of(
                w + "[0].name=executions", w + "[0].task-queue=" + TaskQueues.EXECUTIONS,
                w + "[0].capacity.max-concurrent-workflow-task-executors=" + EXECUTION_SLOTS,
                w + "[0].capacity.max-concurrent-local-activity-executors=" + EXECUTION_SLOTS,
                w + "[0].workflow-classes[0]=io.maple.workflows.execution.EngineExecutionWorkflowImpl",
                w + "[0].workflow-classes[1]=io.maple.workflows.admission.QueueAdmissionWorkflowImpl",
                w + "[0].workflow-classes[2]=io.maple.workflows.webhook.WebhookDeliveryWorkflowImpl",
                w + "[0].activity-beans[0]=executionActivitiesImpl",
                w + "[0].activity-beans[1]=admissionActivitiesImpl",
                w + "[0].activity-beans[2]=webhookActivitiesImpl",
                w + "[0].activity-beans[3]=queueSlotActivitiesImpl",
                w + "[1].name=cluster-" + CLUSTER, w + "[1].task-queue=" + TaskQueues.forCluster(CLUSTER),
                w + "[1].activity-beans[0]=instantCluster",
                w + "[2].name=bare", w + "[2].task-queue=" + BARE_QUEUE,
                w + "[2].workflow-classes[0]=io.maple.bench.dispatch.BareDispatchWorkflowImpl",
                w + "[2].activity-beans[0]=bareDispatchActivities",
                // a LOCAL cluster launched for real (slot turnover): the worker's own launch activities
                w + "[3].name=cluster-" + SlotTurnoverWorkload.CLUSTER,
                w + "[3].task-queue=" + TaskQueues.forCluster(SlotTurnoverWorkload.CLUSTER),
                w + "[3].activity-beans[0]=clusterActivitiesImpl",
                // the bench cluster is YARN-shaped but has no RM: the instant cluster stands in for it
                "--maple.yarn.poller-enabled=false",
                // only the configured workers serve launch queues: the instant cluster the bench cluster's
                "--maple.worker.serve-cluster-queues=false",
                // baselines leave CREATED rows without an execution workflow on purpose: the reconciler must not start one
                "--maple.worker.reconcile-age=3650d",
                "--maple.webhooks.allowed-internal-hosts[0]=127.0.0.1"));
        extra.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }

    private static List<String> common(String url) {
        return List.of("--spring.config.name=maple-bench-none",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                // the api's own default (its application.yml), given to the worker too (whose application.yml is
                // not read here), so the bare path (the worker's store) has the same pool as the api
                "--spring.datasource.hikari.maximum-pool-size=" + DB_POOL_SIZE,
                "--spring.temporal.namespace=default",
                "--maple.local.work-dir=" + LOCAL_WORK_DIR,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.temporal=ERROR");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int apiPort() {
        return ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    public <T> T apiBean(Class<T> type) {
        return api.getBean(type);
    }

    public <T> T workerBean(Class<T> type) {
        return worker.getBean(type);
    }

    public <T> org.springframework.beans.factory.ObjectProvider<T> workerBeans(Class<T> type) {
        return worker.getBeanProvider(type);
    }

    public WorkflowClient client() {
        return worker.getBean(WorkflowClient.class);
    }

    public ExecutionStore store() {
        return worker.getBean(ExecutionStore.class);
    }

    public ExecutionStarter starter() {
        return new ExecutionStarter(client());
    }

    public JdbcTemplate jdbc() {
        return worker.getBean(JdbcTemplate.class);
    }

    /** Stops the worker taking tasks (workflows started meanwhile wait on the server), or lets it go on. */
    public void workersPolling(boolean polling) {
        WorkerFactory factory = worker.getBean(WorkerFactory.class);
        if (polling) {
            factory.resumePolling();
        } else {
            factory.suspendPolling();
        }
    }

    @Override
    public void close() {
        if (securedApi != null) {
            securedApi.close();
        }
        if (api != null) {
            api.close();
        }
        worker.close();
        if (temporal != null) {
            temporal.close();
        }
    }
}
