package io.maple.activities.launch.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real in-process YARN (shaded MiniYARNCluster: 1 RM + 1 NM), started once per test JVM and shared
 * by every test class that extends with it; stopped when the test run ends. Its client config is
 * written to {@link #confDir()} as core-site.xml + yarn-site.xml, like a cluster's HADOOP_CONF_DIR.
 */
public final class MiniYarn implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static MiniYarn instance;

    private MiniYARNCluster cluster;
    private Path base;
    private Path confDir;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (MiniYarn.class) {
            if (instance == null) {
                start();
                instance = this;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(MiniYarn.class.getName(), this);
            }
        }
    }

    public static Path confDir() {
        return instance.confDir;
    }

    /** The cluster config JSON a {@code maple_cluster} row of category YARN would hold. */
    public static String clusterConfigJson() {
        return "{\"hadoopConfDir\": \"" + confDir() + "\"}";
    }

    private void start() {
        try {
            base = Files.createTempDirectory("maple-miniyarn");
            System.setProperty("test.build.data", base.toString());
            Configuration conf = new YarnConfiguration();
            conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
            conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
            conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            conf.setBoolean("yarn.nodemanager.disk-health-checker.enable", false);
            conf.set("yarn.scheduler.capacity.root.queues", "default");
            conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
            // the AMs are tiny: let them take the whole queue, or concurrent apps wait in ACCEPTED
            conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
            // as production clusters run: a finished container's logs move to the remote app log dir
            conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
            conf.set(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, base.resolve("app-logs").toUri().toString());
            cluster = new MiniYARNCluster("maple-it", 1, 1, 1);
            cluster.init(conf);
            cluster.start();
            confDir = base.resolve("conf");
            Files.createDirectories(confDir);
            try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
                cluster.getConfig().writeXml(out);
            }
            Files.writeString(confDir.resolve("core-site.xml"), """
                    <?xml version="1.0"?>
                    <configuration>
                      <property><name>fs.defaultFS</name><value>file:///</value></property>
                    </configuration>
                    """);
            waitForNodeManager();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitForNodeManager() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (cluster.getResourceManager().getRMContext().getRMNodes().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the NodeManager never registered");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        cluster.stop();
        try (var paths = Files.walk(base)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
