package io.maple.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.bench.load.KeepAliveHttp;
import io.maple.api.config.SecurityProperties;
import io.maple.domain.EngineCategory;
import io.maple.persistence.execution.ExecutionRecord;
import java.io.IOException;
import java.util.List;

/**
 * Submits executions to a {@link MapleStack} two ways: through {@code POST /api/v1/executions}, and
 * "bare", the same MySQL insert and Temporal workflow start done directly (the limit the API is
 * compared with). Both submit the same Spark SQL job on the bench cluster.
 */
public final class Submitter {

    private static final String FROM_APP = MapleStack.SECURED_APP;

    private final MapleStack stack;
    private final ObjectMapper json = new ObjectMapper();
    private final KeepAliveHttp http;
    private final String headers;
    private final String jobJson;

    public Submitter(MapleStack stack) {
        this(stack, stack.apiPort(), "");
    }

    private Submitter(MapleStack stack, int apiPort, String headers) {
        this.stack = stack;
        this.http = new KeepAliveHttp("127.0.0.1", apiPort);
        this.headers = headers;
        this.jobJson = job().toString();
    }

    /**
     * Submits to the stack's secured api as {@link MapleStack#SECURED_APP} with its app key, after
     * registering the app through the admin API with the bootstrap admin's local key.
     */
    public static Submitter secured(MapleStack stack) {
        int port = stack.securedApiPort();
        Submitter admin = new Submitter(stack, port, credentials(SecurityProperties.LOCAL_ADMIN_APP,
                SecurityProperties.LOCAL_ADMIN_KEY));
        String key = admin.post("/admin/apps", "{\"name\":\"" + MapleStack.SECURED_APP + "\"}", 201)
                .path("key").asText();
        return new Submitter(stack, port, credentials(MapleStack.SECURED_APP, key));
    }

    private static String credentials(String app, String key) {
        return "X-Maple-App: " + app + "\r\nX-Maple-Key: " + key + "\r\n";
    }

    /** Registers the bench cluster and its engine through the admin API, as an operator would. */
    public void registerCluster() {
        registerCluster(MapleStack.CLUSTER, "YARN");
    }

    public void registerCluster(String name, String category) {
        registerCluster(name, category, "/opt/spark");
    }

    /** A cluster whose Spark 3.5.5 lives in {@code sparkHome}. */
    public void registerCluster(String name, String category, String sparkHome) {
        post("/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"" + category + "\"}", 201);
        post("/admin/clusters/" + name + "/engines", json.createObjectNode().put("engineCategory", "spark")
                .put("engineVersion", "3.5.5").put("engineHome", sparkHome).toString(), 201);
    }

    /** {@code POST /executions}; returns the new execution's id. */
    public long viaApi(String uniqueId, String queue, List<String> webhooks) {
        return viaApi(uniqueId, queue, 3, webhooks);
    }

    public long viaApi(String uniqueId, String queue, int priority, List<String> webhooks) {
        ObjectNode body = json.createObjectNode().put("uniqueId", uniqueId).put("execName", "bench")
                .put("fromApp", FROM_APP).put("cluster", MapleStack.CLUSTER).put("clusterQueue", queue)
                .put("engineCategory", "spark").put("engineVersion", "3.5.5").put("priority", priority)
                .put("group", "g").put("user", "u");
        body.set("job", job());
        if (webhooks != null && !webhooks.isEmpty()) {
            ArrayNode hooks = body.putArray("webhooks");
            webhooks.forEach(hooks::add);
        }
        return post("/executions", body.toString(), 201).path("id").asLong();
    }

    /** The bare limit: the same insert and the same workflow start, with no HTTP, validation or lookups. */
    public long direct(String uniqueId, String queue) {
        return direct(uniqueId, MapleStack.CLUSTER, queue);
    }

    /** The same, on any cluster the worker launches on. */
    public long direct(String uniqueId, String cluster, String queue) {
        long id = insert(uniqueId, cluster, queue);
        stack.starter().start(id, 3, "bench");
        return id;
    }

    /** Only the insert (CREATED, ext info, history row), for baselines that start their own workflow. */
    public long insert(String uniqueId, String queue) {
        return insert(uniqueId, MapleStack.CLUSTER, queue);
    }

    /** Only the insert, on any cluster: no workflow will launch it. */
    public long insert(String uniqueId, String cluster, String queue) {
        return insert(uniqueId, cluster, queue, 3);
    }

    public long insert(String uniqueId, String cluster, String queue, int priority) {
        return stack.store().create(new ExecutionRecord(null, uniqueId, "bench", null, FROM_APP + "-direct",
                cluster, queue, EngineCategory.SPARK, "3.5.5", priority, null, "g", "u", null, null, null, null,
                null, null, null, null, null, null), jobJson, null, "bench").id();
    }

    private ObjectNode job() {
        ObjectNode job = json.createObjectNode().put("runType", "sql").put("driverMemory", "1g");
        job.putObject("jobConf").put("sql", "select 1");
        return job;
    }

    private JsonNode post(String path, String body, int expected) {
        try {
            KeepAliveHttp.Response r = http.post("/api/v1" + path, body, headers);
            if (r.status() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + r.status() + ": " + r.body());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }
}
