package io.maple.activities.log;

import io.maple.activities.launch.yarn.YarnStateMapping;
import io.maple.activities.launch.yarn.YarnTags;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * Where an execution's driver log is on YARN: the AM container of its application's current attempt
 * (Spark's driver and Flink's JobManager run there in cluster mode), and while the application runs,
 * the web address of the NodeManager holding it.
 *
 * @param containerId     null while no attempt has an AM container yet
 * @param nodeHttpAddress {@code http://host:port} of its NodeManager; null once the application ended
 */
record YarnAmContainer(ApplicationId appId, String user, ContainerId containerId, String nodeHttpAddress,
                       boolean ended) {

    /** The newest application tagged with the execution id, or empty where the RM knows none. */
    static Optional<YarnAmContainer> find(YarnClient client, long executionId) throws IOException, YarnException {
        Optional<ApplicationReport> newest = client.getApplications(null, null,
                        Set.of(YarnTags.forExecution(executionId))).stream()
                .max(Comparator.comparingLong(ApplicationReport::getStartTime));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        ApplicationReport app = newest.get();
        boolean ended = YarnStateMapping.isTerminal(app.getYarnApplicationState());
        ApplicationAttemptId attempt = app.getCurrentApplicationAttemptId();
        ContainerId container = null;
        String node = null;
        if (attempt != null) {
            try {
                container = client.getApplicationAttemptReport(attempt).getAMContainerId();
                if (!ended && container != null) {
                    node = httpAddress(client.getContainerReport(container).getNodeHttpAddress());
                }
            } catch (YarnException gone) {
                // the RM forgot the attempt or the container (it ended meanwhile): the aggregated log is what is left
            }
        }
        return Optional.of(new YarnAmContainer(app.getApplicationId(), app.getUser(), container, node, ended));
    }

    private static String httpAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.startsWith("http://") || address.startsWith("https://") ? address : "http://" + address;
    }
}
