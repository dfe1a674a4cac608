package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slot turnover on YARN (issue 29, item 4): short applications on MiniYARN through a queue of
 * limit 2, all submitted at once, so a slot is always awaited. A YARN application's end is seen by
 * the worker's poller ({@code maple.yarn.poll-interval}, 1 s here), which signals the workflow; its
 * release grants the next waiter. Checked: every application ran and ended SUCCEED, never more than
 * the limit at once, and no waiter started before a slot was given back. Measured and written to
 * {@code target/yarn-slot-turnover.txt} (not asserted: a speed belongs in a benchmark): from an
 * application's finish on the RM to the next waiter's STARTING.
 */
@ExtendWith(MiniYarn.class)
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.yarn.poll-interval=1s",
        "maple.yarn.not-found-grace=1s",
        "maple.yarn.starting-timeout=60s",
        "maple.admission.limits[yarn1-turnover]=2"})
class YarnSlotTurnoverIT {

    private static final String CLUSTER = "yarn1";
    private static final String QUEUE = "turnover";
    private static final int LIMIT = 2;
    private static final int JOBS = 10;
    private static final Duration WAIT = Duration.ofMinutes(5);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.registerYarn(registry, "yarn_turnover");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    YarnClients yarn;
    @Autowired
    DataSource dataSource;

    @Test
    void aFinishedApplicationsSlotGoesToTheNextWaiter() throws Exception {
        TestDatabase.startExecutionIdsAt(dataSource, 700_000L);
        Instant now = Instant.now();
        harness.start(List.of(new ClusterRecord(null, CLUSTER, ClusterCategory.YARN, MiniYarn.clusterConfigJson(),
                "in-process MiniYARNCluster", now, now)));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            long id = harness.create(CLUSTER, QUEUE, 1, Map.of("yarnApp", Map.of("mode", "succeed", "millis", 1000)),
                    null);
            harness.startWorkflow(id);
            ids.add(id);
        }
        for (long id : ids) {
            harness.awaitStatus(id, SUCCEED, WAIT);
        }

        long[] starts = new long[JOBS];
        long[] ends = new long[JOBS];
        long[][] held = new long[JOBS][];
        YarnClientApplicationsSource apps = new YarnClientApplicationsSource(yarn, clusters.findClusterByName(CLUSTER));
        for (int i = 0; i < JOBS; i++) {
            long id = ids.get(i);
            List<YarnApp> tagged = apps.applicationsTagged(Set.of(YarnTags.forExecution(id)));
            assertThat(tagged).as("execution %d: one application", id).singleElement()
                    .extracting(YarnApp::state).hasToString("FINISHED");
            starts[i] = millisOf(id, ExecutionStatus.STARTING);
            ends[i] = tagged.get(0).finishTimeMillis();
            held[i] = new long[] {starts[i], millisOf(id, SUCCEED)};
        }
        assertThat(mostAtOnce(held)).as("executions holding a slot at once").isLessThanOrEqualTo(LIMIT);

        Arrays.sort(starts);
        Arrays.sort(ends);
        long[] turnovers = new long[JOBS - LIMIT];
        for (int k = 0; k < turnovers.length; k++) {
            // the (k + LIMIT)th start took the slot of the kth application to finish
            turnovers[k] = starts[k + LIMIT] - ends[k];
            assertThat(turnovers[k]).as("a waiter started before any slot came back").isNotNegative();
        }
        Arrays.sort(turnovers);
        String figure = String.format("YARN slot turnover (MiniYARN, poller every 1 s, %d one-second applications, "
                        + "limit %d): p50 %d ms, p99 %d ms, max %d ms, all %s%n", JOBS, LIMIT,
                turnovers[turnovers.length / 2], turnovers[(int) Math.ceil(turnovers.length * 0.99) - 1],
                turnovers[turnovers.length - 1], Arrays.toString(turnovers));
        System.out.print(figure);
        Files.writeString(Path.of("target", "yarn-slot-turnover.txt"), figure);
    }

    /** When the execution's first {@code status} row was written, in epoch milliseconds. */
    private long millisOf(long id, ExecutionStatus status) {
        return store.history(id).stream().filter(h -> h.toStatus() == status).findFirst()
                .map(StatusHistoryRecord::createTime).orElseThrow().toEpochMilli();
    }

    /** The most intervals (start, end) that overlap at one instant. */
    private static int mostAtOnce(long[][] intervals) {
        int most = 0;
        for (long[] at : intervals) {
            int open = 0;
            for (long[] other : intervals) {
                if (other[0] <= at[0] && at[0] < other[1]) {
                    open++;
                }
            }
            most = Math.max(most, open);
        }
        return most;
    }
}
