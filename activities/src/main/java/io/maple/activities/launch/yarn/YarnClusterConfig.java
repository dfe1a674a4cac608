package io.maple.activities.launch.yarn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A YARN cluster's connection, parsed from {@code maple_cluster.config}. Either a
 * {@code hadoopConfDir} (its core-site.xml and yarn-site.xml are loaded explicitly: Hadoop never reads
 * HADOOP_CONF_DIR by itself) or {@code rmAddresses} (one address, or several for RM HA), plus
 * optional Kerberos and raw Hadoop properties, which win over both.
 *
 * <pre>{"hadoopConfDir": "/etc/hadoop/conf"}
 * {"rmAddresses": ["rm1:8032", "rm2:8032"], "rmIds": ["rm1", "rm2"], "clusterId": "prod",
 *  "principal": "maple@EXAMPLE.COM", "keytab": "/etc/maple.keytab", "properties": {"k": "v"}}</pre>
 *
 * @param rmIds HA ids in the order of {@code rmAddresses}; defaults to rm1, rm2, ...
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record YarnClusterConfig(
        String hadoopConfDir,
        List<String> rmAddresses,
        List<String> rmIds,
        String clusterId,
        String principal,
        String keytab,
        Map<String, String> properties) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How long one RM call may keep retrying to connect. Hadoop's defaults wait 15 minutes (30 s
     * apart, each try itself 10 connects 1 s apart): an unreachable RM would then block the poller's
     * single thread and outlast the observe activity's timeout, so the workflow would never hear
     * UNREACHABLE and never go UNKNOWN. Site files and {@code properties} still win.
     */
    static final Map<String, String> UNREACHABLE_BOUNDS = Map.of(
            "yarn.resourcemanager.connect.max-wait.ms", "15000",
            "yarn.resourcemanager.connect.retry-interval.ms", "5000",
            "ipc.client.connect.max.retries", "2");

    public YarnClusterConfig {
        rmAddresses = rmAddresses == null ? List.of() : List.copyOf(rmAddresses);
        rmIds = rmIds == null ? List.of() : List.copyOf(rmIds);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if ((hadoopConfDir == null || hadoopConfDir.isBlank()) && rmAddresses.isEmpty()) {
            throw new IllegalArgumentException("YARN cluster config needs hadoopConfDir or rmAddresses");
        }
        if (!rmIds.isEmpty() && rmIds.size() != rmAddresses.size()) {
            throw new IllegalArgumentException("rmIds must name every address in rmAddresses");
        }
        if ((principal == null) != (keytab == null)) {
            throw new IllegalArgumentException("Kerberos needs both principal and keytab");
        }
    }

    public static YarnClusterConfig parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("YARN cluster has no config");
        }
        try {
            return JSON.readValue(json, YarnClusterConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("YARN cluster config is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** True when no site file set {@code key}: only Hadoop's *-default.xml (or nothing) has it. */
    private static boolean onlyDefault(Configuration conf, String key) {
        String[] sources = conf.getPropertySources(key);
        return sources == null || java.util.Arrays.stream(sources).allMatch(s -> s.endsWith("-default.xml"));
    }

    public boolean highAvailability() {
        return rmAddresses.size() > 1;
    }

    public boolean kerberos() {
        return principal != null;
    }

    /** The Hadoop configuration a YarnClient for this cluster starts from. */
    public Configuration toHadoopConfiguration() {
        Configuration conf = new Configuration();
        if (hadoopConfDir != null && !hadoopConfDir.isBlank()) {
            for (String file : List.of("core-site.xml", "yarn-site.xml")) {
                Path p = Path.of(hadoopConfDir, file);
                if (Files.isReadable(p)) {
                    conf.addResource(new org.apache.hadoop.fs.Path(p.toUri()));
                } else if (file.equals("yarn-site.xml")) {
                    throw new UncheckedIOException(new IOException("no readable " + p));
                }
            }
        }
        return applyStatedSettings(conf);
    }

    /**
     * Only what this config states (RM address or HA, Kerberos, {@code properties}), no Hadoop
     * defaults: the client configuration a launch script gets when the cluster has no hadoopConfDir.
     */
    public Configuration statedSettings() {
        return applyStatedSettings(new Configuration(false));
    }

    /**
     * Writes {@link #statedSettings()} as {@code core-site.xml} and {@code yarn-site.xml} into
     * {@code dir}: submitters read the file system from one and the RM from the other.
     */
    public void writeClientConf(Path dir) {
        try {
            Files.createDirectories(dir);
            Configuration stated = statedSettings();
            for (String file : List.of("core-site.xml", "yarn-site.xml")) {
                try (java.io.OutputStream out = Files.newOutputStream(dir.resolve(file))) {
                    stated.writeXml(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Configuration applyStatedSettings(Configuration conf) {
        if (rmAddresses.size() == 1) {
            conf.set("yarn.resourcemanager.address", rmAddresses.get(0));
        } else if (highAvailability()) {
            List<String> ids = rmIds.isEmpty()
                    ? java.util.stream.IntStream.rangeClosed(1, rmAddresses.size()).mapToObj(i -> "rm" + i).toList()
                    : rmIds;
            conf.setBoolean("yarn.resourcemanager.ha.enabled", true);
            conf.set("yarn.resourcemanager.ha.rm-ids", String.join(",", ids));
            conf.set("yarn.resourcemanager.cluster-id", clusterId == null ? "maple" : clusterId);
            for (int i = 0; i < ids.size(); i++) {
                conf.set("yarn.resourcemanager.address." + ids.get(i), rmAddresses.get(i));
            }
        }
        if (kerberos()) {
            conf.set("hadoop.security.authentication", "kerberos");
        }
        UNREACHABLE_BOUNDS.forEach((key, bound) -> {
            if (onlyDefault(conf, key)) {
                conf.set(key, bound);
            }
        });
        properties.forEach(conf::set);
        return conf;
    }
}
