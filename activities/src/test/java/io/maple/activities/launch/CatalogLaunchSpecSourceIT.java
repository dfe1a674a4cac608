package io.maple.activities.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterEngineRecord;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's own launch spec source (the one deployed; the other suites reach it through
 * ConfiguredScriptSource for their real jobs): the stored job rendered by the engine plugin from the
 * cluster engine row, and its two failures, a job stored without configuration and a job the plugin
 * refuses at launch because the engine changed since the submission, which ends START_FAILED.
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class CatalogLaunchSpecSourceIT {

    private static final String CLUSTER = "catalog-local";
    private static final Map<String, Object> SQL_JOB = Map.of("runType", "sql", "jobConf", Map.of("sql", "SELECT 1"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "catalog_launch_spec");
    }

    @Autowired
    CatalogLaunchSpecSource source;
    @Autowired
    WorkflowHarness harness;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ExecutionStore store;
    @Autowired
    JdbcTemplate jdbc;

    private ClusterRecord cluster;

    @BeforeEach
    void register() {
        Instant now = Instant.now();
        cluster = clusters.findClusterByName(CLUSTER);
        if (cluster == null) {
            clusters.insertCluster(new ClusterRecord(null, CLUSTER, ClusterCategory.LOCAL, "{}", "this host", now, now),
                    new GeneratedId());
            cluster = clusters.findClusterByName(CLUSTER);
            clusters.insertEngine(new ClusterEngineRecord(null, cluster.id(), EngineCategory.SPARK, "3.5.5",
                    "/opt/spark-3.5.5", "{}", now, now), new GeneratedId());
        }
        harness.start(List.of(cluster));
    }

    @Test
    void rendersTheStoredJobWithTheEnginePlugin() {
        long id = harness.create(CLUSTER, "default", 1, SQL_JOB, null);

        LaunchSpec spec = source.specFor(store.require(id), cluster);

        assertThat(spec).isInstanceOfSatisfying(LaunchSpec.Script.class, script -> {
            assertThat(script.applicationTag()).isEqualTo("maple-id=" + id);
            assertThat(script.script()).contains("/opt/spark-3.5.5/bin/spark-submit", "--master");
        });
    }

    @Test
    void aJobStoredWithoutConfigurationCannotLaunch() {
        long id = harness.create(CLUSTER, "default", 1, SQL_JOB, null);
        jdbc.update("UPDATE maple_engine_execution_ext_info SET configuration = NULL WHERE execution_id = ?", id);

        assertThatThrownBy(() -> source.specFor(store.require(id), cluster))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("execution " + id + " has no stored job configuration");
    }

    @Test
    void aJobThePluginRefusesAtLaunchEndsStartFailedWithItsReason() {
        Map<String, Object> job = Map.of("runType", "sql", "jobConf", Map.of("sql", "SELECT 1"),
                "conf", Map.of("spark.eventLog.dir", "hdfs:///mine"));
        long id = harness.create(CLUSTER, "refused", 1, job, null);
        // after the submission (which passed), the admin forbids that conf on the engine
        jdbc.update("UPDATE maple_cluster_engine SET ext_info = ? WHERE cluster_id = ?",
                "{\"forbiddenConfs\":[{\"name\":\"spark.eventLog.dir\",\"desc\":\"the platform keeps event logs\"}]}",
                cluster.id());

        assertThatThrownBy(() -> source.specFor(store.require(id), cluster))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("the engine plugin refused the job (conf.spark.eventLog.dir)");

        harness.startWorkflow(id);
        harness.awaitStatus(id, ExecutionStatus.START_FAILED, Duration.ofSeconds(60));
        assertThat(store.history(id)).extracting(StatusHistoryRecord::toStatus)
                .containsExactly(ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                        ExecutionStatus.START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("conf.spark.eventLog.dir");
    }
}
