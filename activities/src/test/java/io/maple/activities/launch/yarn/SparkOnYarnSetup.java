package io.maple.activities.launch.yarn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterEngineRecord;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.cluster.DefaultConfRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a YARN cluster and its Spark engine must be registered with so that the Spark plugin's
 * rendered spark-submit runs in cluster mode on it, here on the in-process {@link MiniYarn}; the
 * same three bodies go to the admin API ({@code POST /admin/clusters}, {@code POST
 * /admin/clusters/{name}/engines}, {@code PUT .../engines/spark/3.5.5/default-conf}).
 *
 * <ul>
 *   <li>cluster config: {@code hadoopConfDir}, loaded by Maple's YarnClient and exported to the
 *       launch script as HADOOP_CONF_DIR, where spark-submit finds the RM and which it ships to the AM;</li>
 *   <li>engine: the Spark home (Spark's jars plus {@code hadoop-yarn-server-web-proxy} for the AM's
 *       AmIpFilter) and {@code JAVA_HOME} for spark-submit itself;</li>
 *   <li>default conf, i.e. cluster-side facts merged under every job: {@code spark.yarn.jars=local:}
 *       the home's jars (present on every NodeManager, so nothing is uploaded per job), a staging dir
 *       on the cluster's file system, JAVA_HOME for the AM and executors (a NodeManager started
 *       without it would run {@code /bin/java}), one AM attempt, and container sizes that fit.</li>
 * </ul>
 * Spark's YARN client adds its Java 17 {@code --add-opens} options to the AM and executors itself.
 *
 * @param hadoopConfDir the cluster's client configuration (core-site.xml + yarn-site.xml)
 * @param sparkHome     a Spark 3.5 home as local-stack/spark-home assembles it
 * @param stagingDir    where spark-submit stages the application (a directory on fs.defaultFS)
 * @param javaHome      the Java 17 the driver, AM and executors run on
 */
public record SparkOnYarnSetup(Path hadoopConfDir, Path sparkHome, Path stagingDir, Path javaHome) {

    public static final String SPARK_VERSION = "3.5.5";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMALL_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    /** For the in-process MiniYARN; the Spark home comes from {@code -Dmaple.spark.home} (set by the build). */
    public static SparkOnYarnSetup forMiniYarn(Path stagingDir) {
        String home = System.getProperty("maple.spark.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "spark-submit"))) {
            throw new IllegalStateException("no Spark home at -Dmaple.spark.home=" + home
                    + " (built by local-stack/spark-home, a test dependency of this module)");
        }
        return new SparkOnYarnSetup(MiniYarn.confDir(), Path.of(home), stagingDir,
                Path.of(System.getProperty("java.home")));
    }

    /** {@code maple_cluster.config} / the {@code config} of {@code POST /admin/clusters} (category YARN). */
    public Map<String, Object> clusterConfig() {
        return Map.of("hadoopConfDir", hadoopConfDir.toString());
    }

    /** {@code maple_cluster_engine.ext_info} / the {@code extInfo} of {@code POST /admin/clusters/{name}/engines}. */
    public Map<String, Object> engineExtInfo() {
        return Map.of("envs", Map.of("JAVA_HOME", javaHome.toString(), "SPARK_SUBMIT_OPTS", SMALL_JVM),
                "forbiddenConfs", List.of());
    }

    /** The engine's default conf (a job configuration) / the body of {@code PUT .../default-conf}. */
    public Map<String, Object> defaultConf() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("spark.yarn.jars", "local:" + sparkHome.resolve("jars") + "/*");
        conf.put("spark.yarn.stagingDir", stagingDir.toUri().toString());
        conf.put("spark.yarn.appMasterEnv.JAVA_HOME", javaHome.toString());
        conf.put("spark.executorEnv.JAVA_HOME", javaHome.toString());
        conf.put("spark.yarn.maxAppAttempts", "1");
        // a test machine has 2 shared cores: short-lived JVMs do better without C2 and parallel GC threads
        conf.put("spark.driver.extraJavaOptions", SMALL_JVM);
        conf.put("spark.executor.extraJavaOptions", SMALL_JVM);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("driverMemory", "512m");
        job.put("executorMemory", "512m");
        job.put("numExecutors", "1");
        job.put("executorCores", "1");
        job.put("conf", conf);
        return job;
    }

    /** Inserts the cluster, its Spark engine and the engine's default conf, as the admin API would. */
    public ClusterRecord register(ClusterMapper clusters, String clusterName) {
        Instant now = Instant.now();
        ClusterRecord cluster = clusters.findClusterByName(clusterName);
        if (cluster == null) {
            clusters.insertCluster(new ClusterRecord(null, clusterName, ClusterCategory.YARN, json(clusterConfig()),
                    "in-process MiniYARNCluster with Spark " + SPARK_VERSION, now, now), new GeneratedId());
            cluster = clusters.findClusterByName(clusterName);
        }
        ClusterEngineRecord engine = clusters.findEngine(cluster.id(), EngineCategory.SPARK, SPARK_VERSION);
        if (engine == null) {
            clusters.insertEngine(new ClusterEngineRecord(null, cluster.id(), EngineCategory.SPARK, SPARK_VERSION,
                    sparkHome.toString(), json(engineExtInfo()), now, now), new GeneratedId());
            engine = clusters.findEngine(cluster.id(), EngineCategory.SPARK, SPARK_VERSION);
        }
        clusters.upsertDefaultConf(new DefaultConfRecord(null, engine.id(), json(defaultConf()), now, now));
        return cluster;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
