package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.START_FAILED;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static io.maple.domain.ExecutionStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnStateMapping;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.activities.support.SwitchableTcpProxy;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import io.temporal.client.WorkflowStub;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The YARN ResourceManager unreachable, then back: Maple reaches the in-process MiniYARN only
 * through a TCP proxy that the test switches off (connections refused). Running and starting
 * executions go UNKNOWN after the grace; when the proxy is back each resolves to what its application
 * really did meanwhile (one that never ran back to STARTING, or START_FAILED), and every execution has
 * exactly one YARN application.
 */
@ExtendWith(MiniYarn.class)
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.yarn.poll-interval=300ms",
        "maple.yarn.not-found-grace=1s",
        "maple.workflow.cluster-poll-interval=1s",
        "maple.workflow.unknown-grace=3s"})
class YarnOutageIT {

    private static final String CLUSTER = "yarn-flaky";
    private static final Duration WAIT = Duration.ofSeconds(300); // AM JVMs start slowly on a loaded host
    /**
     * Until all five are UNKNOWN: each of their polls blocks in the RM client's connect retries (Maple's
     * bounds, up to 15 s a call, 30-50 s seen on a loaded host) before it says UNREACHABLE; one CI run took
     * about 260 s, close to {@link #WAIT}.
     */
    private static final Duration UNKNOWN_WAIT = Duration.ofSeconds(600);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.registerYarn(registry, "yarn_outage");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    YarnClients yarn;
    @Autowired
    DataSource dataSource;

    private SwitchableTcpProxy proxy;

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The RM's client address, read from the conf dir MiniYarn wrote. */
    private static InetSocketAddress rmAddress() {
        Configuration conf = new YarnConfiguration();
        conf.addResource(new org.apache.hadoop.fs.Path(MiniYarn.confDir().resolve("yarn-site.xml").toUri()));
        return NetUtils.createSocketAddr(conf.get(YarnConfiguration.RM_ADDRESS));
    }

    /**
     * MiniYarn's client config with the RM address pointing at the proxy. Its yarn-site.xml lists every
     * property, Hadoop's defaults included; the RM connect bounds are taken out so that Maple's own
     * apply, as they do for a site file that does not set them.
     */
    private static String proxiedConfDir(int port) throws java.io.IOException {
        Configuration conf = new Configuration(false);
        conf.addResource(new org.apache.hadoop.fs.Path(MiniYarn.confDir().resolve("yarn-site.xml").toUri()));
        conf.set(YarnConfiguration.RM_ADDRESS, "127.0.0.1:" + port);
        for (String key : List.of(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS,
                YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, "ipc.client.connect.max.retries")) {
            conf.unset(key);
        }
        java.nio.file.Path dir = Files.createTempDirectory("maple-yarn-proxied");
        try (var out = Files.newOutputStream(dir.resolve("yarn-site.xml"))) {
            conf.writeXml(out);
        }
        Files.copy(MiniYarn.confDir().resolve("core-site.xml"), dir.resolve("core-site.xml"));
        return dir.toString();
    }

    private List<YarnApp> appsTagged(long id) {
        // straight to the RM, not through the proxy: what really runs there
        ClusterRecord direct = new ClusterRecord(null, "yarn-direct", ClusterCategory.YARN,
                MiniYarn.clusterConfigJson(), null, null, null);
        return new YarnClientApplicationsSource(yarn, direct).applicationsTagged(Set.of(YarnTags.forExecution(id)));
    }

    /**
     * An application that runs until the test creates {@code release} (or {@link #WAIT} ran out): the
     * test, not a guessed duration, decides whether it ends during the outage or after it.
     */
    private long submit(String mode, Path release) {
        long id = harness.create(CLUSTER, "default", 1, Map.of("yarnApp", Map.of("mode", mode,
                "millis", WAIT.toMillis(), "releaseFile", release.toString())), null);
        harness.startWorkflow(id);
        return id;
    }

    /** Waits until the workflow has seen the execution's application waiting on the RM (ACCEPTED: PENDING). */
    private void awaitObservedPending(long id) {
        harness.awaitStatus(id, STARTING, WAIT);
        await("execution " + id + " observed PENDING").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var last = harness.workflow(id).state().lastObservation();
                    return last != null && last.phase() == ClusterPhase.PENDING;
                });
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    @Test
    void runningExecutionsGoUnknownWhileTheRmIsUnreachableAndResolveToWhatReallyHappened() throws Exception {
        TestDatabase.startExecutionIdsAt(dataSource, 500_000L);
        InetSocketAddress rm = rmAddress();
        proxy = SwitchableTcpProxy.to(rm.getHostString(), rm.getPort());
        proxy.on();
        // every RM call of the worker and of the launch script goes through the proxy
        String config = "{\"hadoopConfDir\": \"" + proxiedConfDir(proxy.port()) + "\"}";
        Instant now = Instant.now();
        harness.start(List.of(new ClusterRecord(null, CLUSTER, ClusterCategory.YARN, config,
                "MiniYARN behind a switchable proxy", now, now)));

        Path releases = Files.createTempDirectory("maple-yarn-outage-release");
        Path endDuringOutage = releases.resolve("end-during-outage");
        Path endAfterOutage = releases.resolve("end-after-outage");
        Map<String, Long> executions = new LinkedHashMap<>();
        // all three run until released: the short ones while the proxy is off, the other once it is back
        executions.put("outlives the outage", submit("succeed", endAfterOutage));
        executions.put("succeeds during the outage", submit("succeed", endDuringOutage));
        executions.put("fails during the outage", submit("fail", endDuringOutage));
        for (long id : executions.values()) {
            harness.awaitStatus(id, RUNNING, WAIT);
        }
        // two never run: their AMs do not register, so YARN keeps them ACCEPTED and Maple STARTING; one AM gives
        // up during the outage, the other waits on a file nobody creates
        Map<String, Long> neverRun = new LinkedHashMap<>();
        neverRun.put("starts after the outage", submit("pending", releases.resolve("never")));
        neverRun.put("gives up starting during the outage", submit("pending", endDuringOutage));
        neverRun.values().forEach(this::awaitObservedPending);
        executions.putAll(neverRun);

        proxy.off();
        long downAt = System.nanoTime();
        for (long id : executions.values()) {
            harness.awaitStatus(id, UNKNOWN, UNKNOWN_WAIT);
        }
        // the two short applications end on the RM while Maple cannot see it; stay down until they have
        Files.createFile(endDuringOutage);
        for (String name : List.of("succeeds during the outage", "fails during the outage",
                "gives up starting during the outage")) {
            long id = executions.get(name);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (appsTagged(id).stream().noneMatch(a -> YarnStateMapping.isTerminal(a.state()))) {
                assertThat(System.nanoTime()).as(name + " ends on the RM").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        long outageMillis = (System.nanoTime() - downAt) / 1_000_000;
        List.of(executions.values().toArray(Long[]::new)).forEach(id ->
                assertThat(store.require(id).status()).as("still UNKNOWN while down").isEqualTo(UNKNOWN));
        proxy.on();

        long outlives = executions.get("outlives the outage");
        harness.awaitStatus(outlives, RUNNING, WAIT);
        harness.awaitStatus(executions.get("succeeds during the outage"), SUCCEED, WAIT);
        harness.awaitStatus(executions.get("fails during the outage"), FAILED, WAIT);
        harness.awaitStatus(executions.get("gives up starting during the outage"), START_FAILED, WAIT);
        long waiting = executions.get("starts after the outage");
        harness.awaitStatus(waiting, STARTING, WAIT);
        assertThat(appsTagged(waiting)).as("the waiting application is still ACCEPTED on the RM")
                .singleElement().extracting(YarnApp::state).hasToString("ACCEPTED");
        StopResult stopped = harness.workflow(waiting).kill(new StopRequest("no longer needed", "alice"));
        assertThat(stopped.status()).isEqualTo(KILLED);
        assertThat(appsTagged(outlives)).as("the long application still runs after the outage")
                .singleElement().extracting(YarnApp::state).hasToString("RUNNING");
        Files.createFile(endAfterOutage);
        harness.awaitStatus(outlives, SUCCEED, WAIT);

        assertThat(path(outlives)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN, RUNNING, SUCCEED);
        assertThat(path(executions.get("succeeds during the outage")))
                .containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN, SUCCEED);
        assertThat(path(executions.get("fails during the outage")))
                .containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN, FAILED);
        // the two that never ran: back to STARTING when observable again, or START_FAILED through it
        assertThat(path(waiting)).containsExactly(CREATED, ACCEPTED, STARTING, UNKNOWN, STARTING, KILLED);
        List<StatusHistoryRecord> gaveUp = store.history(executions.get("gives up starting during the outage"));
        assertThat(gaveUp).extracting(StatusHistoryRecord::toStatus)
                .containsExactly(CREATED, ACCEPTED, STARTING, UNKNOWN, STARTING, START_FAILED);
        assertThat(gaveUp.get(4).reason()).startsWith("observable again");
        int lost = 0;
        for (long id : executions.values()) {
            ExecutionOutcome outcome = WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
            assertThat(outcome.status()).isEqualTo(store.require(id).status());
            assertThat(appsTagged(id)).as("one YARN application for execution " + id).hasSize(1);
            lost += outcome.status().isTerminal() ? 0 : 1;
        }
        System.out.printf("yarn-outage: executions=%d faults=%d outage=%d ms unknown=%d resolved=%d lost=%d "
                        + "proxied-connections=%d%n", executions.size(), proxy.faults(), outageMillis,
                executions.size(), executions.size(), lost, proxy.connections());
    }
}
