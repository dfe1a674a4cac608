package io.maple.activities.launch.yarn;

import io.maple.persistence.cluster.ClusterRecord;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One started YarnClient per YARN cluster, reused by launchers and pollers (a YarnClient is
 * thread-safe and its RPC proxy is costly to build). A changed {@code maple_cluster.config}
 * replaces the cached client. Kerberos clusters run every call as the keytab's user.
 */
@Component
public class YarnClients implements DisposableBean {

    /** One YARN operation, run with the cluster's client (and its Kerberos identity). */
    @FunctionalInterface
    public interface YarnCall<T> {
        T apply(YarnClient client) throws IOException, YarnException;
    }

    private record Entry(String config, YarnClient client, UserGroupInformation ugi) {
    }

    private final Map<String, Entry> byCluster = new ConcurrentHashMap<>();

    public <T> T call(ClusterRecord cluster, YarnCall<T> call) {
        Entry entry = entryFor(cluster);
        try {
            if (entry.ugi() == null) {
                return call.apply(entry.client());
            }
            return entry.ugi().doAs((PrivilegedExceptionAction<T>) () -> call.apply(entry.client()));
        } catch (IOException | YarnException e) {
            throw new YarnUnreachableException(cluster.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YarnUnreachableException(cluster.name(), e);
        }
    }

    private Entry entryFor(ClusterRecord cluster) {
        Entry current = byCluster.get(cluster.name());
        if (current != null && current.config().equals(cluster.config())) {
            return current;
        }
        synchronized (this) {
            current = byCluster.get(cluster.name());
            if (current != null && current.config().equals(cluster.config())) {
                return current;
            }
            Entry created = create(cluster);
            byCluster.put(cluster.name(), created);
            if (current != null) {
                current.client().stop();
            }
            return created;
        }
    }

    private static Entry create(ClusterRecord cluster) {
        YarnClusterConfig config = YarnClusterConfig.parse(cluster.config());
        Configuration conf = config.toHadoopConfiguration();
        UserGroupInformation ugi = null;
        try {
            if (config.kerberos()) {
                UserGroupInformation.setConfiguration(conf);
                ugi = UserGroupInformation.loginUserFromKeytabAndReturnUGI(config.principal(), config.keytab());
            }
        } catch (IOException e) {
            throw new YarnUnreachableException(cluster.name(), e);
        }
        YarnClient client = YarnClient.createYarnClient();
        client.init(conf);
        client.start();
        return new Entry(cluster.config(), client, ugi);
    }

    @Override
    public void destroy() {
        byCluster.values().forEach(e -> e.client().stop());
        byCluster.clear();
    }
}
