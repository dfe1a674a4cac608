package io.maple.activities.launch.yarn;

import io.maple.persistence.cluster.ClusterRecord;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/** {@link ApplicationsSource} over a real YarnClient: {@code getApplications} filtered by tags. */
public record YarnClientApplicationsSource(YarnClients clients, ClusterRecord cluster)
        implements ApplicationsSource {

    @Override
    public List<YarnApp> applicationsTagged(Set<String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return clients.call(cluster, client -> fetch(client, tags));
    }

    @Override
    public void kill(String appId, String diagnostics) {
        clients.call(cluster, c -> {
            c.killApplication(org.apache.hadoop.yarn.api.records.ApplicationId.fromString(appId), diagnostics);
            return null;
        });
    }

    static List<YarnApp> fetch(YarnClient client, Set<String> tags) throws IOException, YarnException {
        // null types and states: terminal apps must be seen too, or an ending would be missed
        return client.getApplications(null, null, tags).stream().map(YarnApp::of).toList();
    }
}
