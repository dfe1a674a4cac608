package io.maple.activities.log;

import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnClusterConfig;
import io.maple.activities.launch.yarn.YarnProperties;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * The logs of a YARN execution: {@code stdout}/{@code stderr} of its driver's container (the AM in
 * cluster mode), from its NodeManager while the application runs ({@code yarn-live}) and from log
 * aggregation once it ended ({@code yarn-aggregated}); {@code launch} is spark-submit's / flink's
 * output, {@code launch.log} in the execution's directory on the worker host ({@code local}).
 */
public class YarnLogs implements ExecutionLogSource {

    private final YarnClients clients;
    private final YarnProperties yarn;
    private final LogProperties properties;
    private final NodeManagerLogs live;
    private final AggregatedLogs aggregated;

    public YarnLogs(YarnClients clients, YarnProperties yarn, LogProperties properties) {
        this.clients = clients;
        this.yarn = yarn;
        this.properties = properties;
        StreamedLog streamed = new StreamedLog(properties.countLimit().toBytes());
        this.live = new NodeManagerLogs(streamed, properties.countLimit().toBytes());
        this.aggregated = new AggregatedLogs(streamed);
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.YARN;
    }

    @Override
    public LogPage read(ExecutionRecord execution, ClusterRecord cluster, LogStream stream, long from, int size) {
        if (stream == LogStream.LAUNCH) {
            return launchOutput(execution.id(), from, size);
        }
        String file = fileOf(stream);
        YarnAmContainer am = driverContainer(execution, cluster);
        if (am.nodeHttpAddress() != null) {
            try {
                return new LogPage("yarn-live", live.read(am, file, from, size));
            } catch (LogNotFoundException | UncheckedIOException endedMeanwhile) {
                // the container ended between the RM's answer and the NodeManager's: try aggregation
            }
        }
        // as the cluster's client user (its keytab's on a Kerberos cluster): the logs are on its file system
        LogLines lines = clients.call(cluster, client -> aggregated.read(
                YarnClusterConfig.parse(cluster.config()).toHadoopConfiguration(), am, file, from, size));
        return new LogPage("yarn-aggregated", lines);
    }

    @Override
    public OpenedLog open(ExecutionRecord execution, ClusterRecord cluster, LogStream stream) {
        if (stream == LogStream.LAUNCH) {
            try {
                return new OpenedLog("local", launchLog(execution.id()).open());
            } catch (NoSuchFileException notYet) {
                throw noLaunchOutput(execution.id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String file = fileOf(stream);
        YarnAmContainer am = driverContainer(execution, cluster);
        if (am.nodeHttpAddress() != null) {
            try {
                return new OpenedLog("yarn-live", live.open(am, file));
            } catch (LogNotFoundException | UncheckedIOException endedMeanwhile) {
                // as in read: the container ended meanwhile, its log is aggregated
            }
        }
        InputStream log = clients.call(cluster, client -> AggregatedLogs.open(
                YarnClusterConfig.parse(cluster.config()).toHadoopConfiguration(), am, file));
        return new OpenedLog("yarn-aggregated", log);
    }

    private static String fileOf(LogStream stream) {
        return stream == LogStream.STDOUT ? "stdout" : "stderr";
    }

    private YarnAmContainer driverContainer(ExecutionRecord execution, ClusterRecord cluster) {
        YarnAmContainer am = clients.call(cluster, client -> YarnAmContainer.find(client, execution.id()))
                .orElseThrow(() -> new LogNotFoundException("the cluster keeps no log for execution "
                        + execution.id() + " yet: no YARN application is tagged " + YarnTags.forExecution(execution.id())));
        if (am.containerId() == null) {
            throw new LogNotFoundException("the cluster keeps no log for application " + am.appId()
                    + " yet: it has no ApplicationMaster container");
        }
        return am;
    }

    private LogPage launchOutput(long executionId, long from, int size) {
        try {
            return new LogPage("local", launchLog(executionId).read(from, size));
        } catch (NoSuchFileException notYet) {
            throw noLaunchOutput(executionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LogFile launchLog(long executionId) {
        return new LogFile(yarn.workDir().resolve(Long.toString(executionId)).resolve("launch.log"),
                properties.countLimit().toBytes());
    }

    private LogNotFoundException noLaunchOutput(long executionId) {
        return new LogNotFoundException("execution " + executionId + " has no launch output on this host: "
                + "it has not been launched yet, or by a worker elsewhere (" + yarn.workDir() + ")");
    }
}
