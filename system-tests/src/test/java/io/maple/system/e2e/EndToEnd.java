package io.maple.system.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.StackSettings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the end-to-end classes share: one stack (equal settings, so MapleStackExtension starts it
 * once for all of them) whose worker follows YARN and K8S clusters registered after it started,
 * quickly enough for a test; the submission body; and exec_info as MySQL holds it.
 */
final class EndToEnd {

    static final String YARN_CLUSTER = "mini-yarn";
    static final String K8S_CLUSTER = "mock-k8s";

    /**
     * The LOCAL stack, with a 1 s YARN poll and K8S clusters picked up within 2 s of their registration,
     * and the worker polling the launch queues of the YARN and K8S clusters these classes register.
     */
    /** The worker serves the clusters' launch queues as the tests register them (cluster-refresh). */
    static final StackSettings SETTINGS = StackSettings.local()
            .withWorker("maple.yarn.poll-interval", "1s")
            // spark-submit on a loaded host takes long before its app exists: no NOT_FOUND meanwhile
            .withWorker("maple.yarn.not-found-grace", "3m")
            .withWorker("maple.k8s.informers.cluster-refresh", "2s");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEnd() {
    }

    /** A Spark submission as a REST caller writes it. */
    static Map<String, Object> sparkSubmission(String uniqueId, String cluster, String queue, Map<String, Object> job) {
        return submission(uniqueId, cluster, queue, "spark", MapleStack.SPARK_VERSION, job);
    }

    /** A submission as a REST caller writes it. */
    static Map<String, Object> submission(String uniqueId, String cluster, String queue, String engine,
                                          String version, Map<String, Object> job) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("uniqueId", uniqueId);
        submission.put("execName", uniqueId.replace('-', '_'));
        submission.put("fromApp", "system-tests");
        submission.put("cluster", cluster);
        submission.put("clusterQueue", queue);
        submission.put("engineCategory", engine);
        submission.put("engineVersion", version);
        submission.put("priority", 1);
        submission.put("group", "maple");
        submission.put("user", "system-tests");
        submission.put("job", job);
        return submission;
    }

    /** A Spark SQL job. */
    static Map<String, Object> sql(String sql) {
        return Map.of("runType", "sql", "jobConf", Map.of("sql", sql));
    }

    /** POST or PUT that must succeed (admin registrations). */
    static void require(MapleRest.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.raw());
        }
    }

    /** {@code maple_engine_execution_ext_info.exec_info} of an execution (a JSON null node when absent). */
    static JsonNode execInfo(MapleStack stack, long id) throws SQLException, IOException {
        try (Connection c = stack.database().connect("maple");
             PreparedStatement s = c.prepareStatement(
                     "SELECT exec_info FROM maple_engine_execution_ext_info WHERE execution_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? JSON.readTree(rs.getString(1)) : JSON.nullNode();
            }
        }
    }
}
