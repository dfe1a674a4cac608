package io.maple.activities.launch.yarn;

import java.util.List;
import java.util.Set;

/**
 * The ResourceManager as the poller sees it: one call returns every application carrying any of
 * the given tags. The real one is {@link YarnClientApplicationsSource}; the benchmark simulates
 * an RM holding more applications than a minicluster can.
 */
public interface ApplicationsSource {

    /** Every application (any state) tagged with one of {@code tags}; one RM round trip. */
    List<YarnApp> applicationsTagged(Set<String> tags);

    /** Asks the RM to kill one application (used for apps past the STARTING bound). */
    void kill(String appId, String diagnostics);
}
