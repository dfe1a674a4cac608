package io.maple.system.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Maple as real processes, like {@code ./maple dev} runs it: a private MariaDB, Temporal's test
 * server, the worker and the api, each on a free port, plus a registered {@code local} cluster
 * with real Spark and Flink and the {@link LightSpark} stand-in. Every part can be SIGKILLed and
 * started again; logs, data and the LOCAL work directory live in {@code target/system-tests/<name>/}.
 */
public final class MapleStack implements AutoCloseable {

    public static final String LOCAL_CLUSTER = "local";
    public static final String SPARK_VERSION = "3.5.5";
    public static final String FLINK_VERSION = "1.20.1";
    private static final String SCHEMA = "maple";

    private final Path dir;
    private final PrivateMariaDb database;
    private final TemporalServer temporal;
    private final MapleService worker;
    private final MapleService api;
    private final MapleRest rest;
    private final ExecutionTable executions;
    private final EngineProcesses engineProcesses;
    private final LaunchLog launches;
    private final Thread reaper = new Thread(this::killEverything, "maple-stack-reaper");

    private MapleStack(Path dir, PrivateMariaDb database, TemporalServer temporal, MapleService worker,
                       MapleService api) {
        this.dir = dir;
        this.database = database;
        this.temporal = temporal;
        this.worker = worker;
        this.api = api;
        this.rest = new MapleRest(api);
        this.executions = new ExecutionTable(database, SCHEMA);
        this.engineProcesses = new EngineProcesses(workDir());
        this.launches = new LaunchLog(dir.resolve("launches.log"));
    }

    /** Starts a fresh stack in {@code <testsDir>/<name>} and registers the {@code local} cluster. */
    public static MapleStack start(String name, StackSettings settings, BuildOutputs outputs) {
        Path dir = outputs.testsDir().resolve(name);
        Directories.recreate(dir);
        PrivateMariaDb database = PrivateMariaDb.install(dir);
        TemporalServer temporal = new TemporalServer(new ManagedProcess("temporal", dir.resolve("temporal.log"),
                Map.of()), outputs.temporalClasspath(), FreePort.pick());
        int workerPort = FreePort.pick();
        int apiPort = FreePort.pick();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TEMPORAL_ADDRESS", temporal.address());
        env.put("MAPLE_DB_URL", database.url(SCHEMA) + "?createDatabaseIfNotExist=true");
        env.put("MAPLE_DB_USER", "root");
        env.put("MAPLE_DB_PASSWORD", "");
        env.put("MAPLE_API_PORT", String.valueOf(apiPort));
        env.put("MAPLE_WORKER_PORT", String.valueOf(workerPort));
        env.put("MAPLE_LOCAL_WORKDIR", dir.resolve("work").toString());
        // as ./maple dev: no app keys, and webhooks may reach receivers on this machine
        env.put("MAPLE_SECURITY_ENABLED", "false");
        env.put("MAPLE_WEBHOOKS_ALLOWED_INTERNAL_HOSTS", "127.0.0.1,localhost,::1");
        MapleService worker = new MapleService(new ManagedProcess("worker", dir.resolve("worker.log"), env),
                outputs.workerJar(), workerPort, settings.workerProperties(), List.of());
        MapleService api = new MapleService(new ManagedProcess("api", dir.resolve("api.log"), env),
                outputs.apiJar(), apiPort, settings.apiProperties(), List.of(outputs.faultPointsJar()));
        MapleStack stack = new MapleStack(dir, database, temporal, worker, api);
        Runtime.getRuntime().addShutdownHook(stack.reaper);
        try {
            database.start();
            temporal.start();
            // both at once, as ./maple does: on two busy cores each takes tens of seconds
            CompletableFuture<Void> workerUp = CompletableFuture.runAsync(worker::start);
            api.start();
            workerUp.join();
            stack.registerLocalCluster(outputs);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public MapleService worker() {
        return worker;
    }

    public MapleService api() {
        return api;
    }

    public TemporalServer temporal() {
        return temporal;
    }

    public PrivateMariaDb database() {
        return database;
    }

    public MapleRest rest() {
        return rest;
    }

    public ExecutionTable executions() {
        return executions;
    }

    public EngineProcesses engineProcesses() {
        return engineProcesses;
    }

    /** What the light engine recorded: launches per key, independent of Maple's tables. */
    public LaunchLog launches() {
        return launches;
    }

    /** {@code maple.local.work-dir}: one directory per execution id. */
    public Path workDir() {
        return dir.resolve("work");
    }

    public Path dir() {
        return dir;
    }

    /**
     * Brings back whatever an earlier test left dead; the Temporal server is not restarted here: its
     * state is in memory, and only a test that means to lose it does so ({@link #startAfterCrash()}).
     */
    public void ensureRunning() {
        if (!temporal.process().alive()) {
            throw new IllegalStateException("the Temporal test server died; its state is gone, see "
                    + temporal.process().log());
        }
        if (!database.alive()) {
            database.start();
        }
        CompletableFuture<Void> workerUp = worker.alive() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(worker::start);
        if (!api.alive()) {
            api.start();
        }
        workerUp.join();
    }

    /**
     * SIGKILL to the api, the worker, the Temporal server and MariaDB at once, as when the host's
     * Maple processes all die: the engine processes they launched live on, and every workflow is
     * gone with the in-memory Temporal server.
     */
    public void crash() {
        api.kill();
        worker.kill();
        temporal.process().kill();
        database.kill();
    }

    /** Starts everything {@link #crash()} killed, in {@code ./maple dev}'s order; Temporal starts empty. */
    public void startAfterCrash() {
        database.start();
        temporal.start();
        CompletableFuture<Void> workerUp = CompletableFuture.runAsync(worker::start);
        api.start();
        workerUp.join();
    }

    /** Writes the test's name into each log at the next start of a process. */
    public void label(String test) {
        for (ManagedProcess p : List.of(database.process(), temporal.process(), worker.process(), api.process())) {
            p.label(test);
        }
    }

    @Override
    public void close() {
        killEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private void killEverything() {
        api.process().stop();
        worker.process().stop();
        engineProcesses.killAll();
        temporal.process().stop();
        database.stop();
    }

    /** The {@code local} cluster as {@code ./maple}'s seed_local_cluster registers it, plus the light Spark. */
    private void registerLocalCluster(BuildOutputs outputs) {
        rest.createIfAbsent("/api/v1/admin/clusters", Map.of("name", LOCAL_CLUSTER, "category", "LOCAL",
                "config", Map.of(), "description", "processes on the worker host"));
        registerEngine("spark", SPARK_VERSION, outputs.sparkHome(), Map.of());
        registerEngine("flink", FLINK_VERSION, outputs.flinkHome(), Map.of());
        registerEngine("spark", LightSpark.VERSION, LightSpark.create(dir.resolve("light-spark")),
                Map.of("MAPLE_LAUNCH_LOG", launches.file().toString()));
    }

    private void registerEngine(String category, String version, Path home, Map<String, String> envs) {
        rest.createIfAbsent("/api/v1/admin/clusters/" + LOCAL_CLUSTER + "/engines", Map.of(
                "engineCategory", category, "engineVersion", version, "engineHome", home.toString(),
                "extInfo", Map.of("envs", envs, "forbiddenConfs", List.of())));
    }
}
