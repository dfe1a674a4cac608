package io.maple.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.worker.WorkerProperties;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StickyExecutionCustomizerTest {

    @Test
    void offMeansTheWorkerNeverAsksForStickyDispatch() {
        WorkerOptions options = customized(false);

        assertThat(options.getStickyQueueScheduleToStartTimeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void onKeepsTheSdkDefault() {
        WorkerOptions options = customized(true);

        assertThat(options.getStickyQueueScheduleToStartTimeout())
                .isEqualTo(WorkerOptions.newBuilder().validateAndBuildWithDefaults()
                        .getStickyQueueScheduleToStartTimeout())
                .isPositive();
    }

    private static WorkerOptions customized(boolean sticky) {
        var customizer = new StickyExecutionCustomizer(
                new WorkerProperties(Duration.ofSeconds(10), Duration.ofSeconds(5), true, sticky, java.util.List.of(), Duration.ofSeconds(10), true,
                        Duration.ofMinutes(5), 8,
                        Duration.ofSeconds(10)));
        return customizer.customize(WorkerOptions.newBuilder(), "executions", "maple-executions")
                .validateAndBuildWithDefaults();
    }
}
