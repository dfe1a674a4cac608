package io.maple.activities.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.local.LocalLauncher;
import io.maple.activities.support.ClusterWorkers;
import io.maple.activities.support.ForwardingLauncher;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cluster worker dies after the process started but before the launch was reported; a new
 * worker retries the launch, adopts the process, and the execution finishes with one launch.
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class WorkerCrashIT {

    private static final String CLUSTER = "local-crash";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "crash");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    LocalLauncher localLauncher;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ClusterWorkers clusterWorkers;

    /** The real LOCAL launcher, then a hang that ignores interrupts: the worker "dies" with the launch unreported. */
    static final class DiesAfterLaunch extends ForwardingLauncher {
        private final CountDownLatch released = new CountDownLatch(1);

        DiesAfterLaunch(LocalLauncher real) {
            super(real);
        }

        @Override
        public LaunchResult launch(LaunchTarget target) {
            real.launch(target);
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException ignored) {
                    // a dead process does not answer interrupts either
                }
            }
            throw new IllegalStateException("this worker is dead");
        }
    }

    private WorkerFactory clusterWorker(ClusterLauncher launcher) {
        return clusterWorkers.start(CLUSTER, launcher);
    }

    @Test
    void launchIsAdoptedAfterTheWorkerDiedWhileStarting() throws Exception {
        harness.start();
        harness.ensureCluster(CLUSTER);
        Path launches = Files.createTempFile("maple-launches", ".txt");
        DiesAfterLaunch dying = new DiesAfterLaunch(localLauncher);
        WorkerFactory first = clusterWorker(dying);

        long id = harness.create(CLUSTER, "crash", 1,
                WorkflowHarness.conf("echo launched >> " + launches + "; sleep 2; exit 0"), null);
        harness.startWorkflow(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.readAllLines(launches).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readAllLines(launches)).hasSize(1);
        assertThat(harness.status(id)).isEqualTo(ExecutionStatus.STARTING);

        first.shutdownNow();
        WorkerFactory second = clusterWorker(localLauncher);
        try {
            ExecutionOutcome outcome = WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
            assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEED);
            assertThat(Files.readAllLines(launches)).containsExactly("launched");
            assertThat(harness.workflow(id).state().launchAttempts()).isEqualTo(1);
        } finally {
            dying.released.countDown();
            second.shutdownNow();
        }
    }
}
