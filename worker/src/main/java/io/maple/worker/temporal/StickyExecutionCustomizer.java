package io.maple.worker.temporal;

import io.maple.worker.WorkerProperties;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Turns sticky execution off when {@code maple.worker.sticky-execution=false}. Temporal's Java test
 * server ({@code ./maple dev}, the system tests) has no sticky schedule-to-start timeout: a workflow
 * task queued for a worker that crashed stays on that worker's sticky queue for ever, so every
 * workflow the dead worker had cached would be stranded. A real Temporal server reroutes such
 * tasks after a few seconds and keeps the default (on).
 */
@Component
class StickyExecutionCustomizer implements WorkerOptionsCustomizer {

    private final WorkerProperties properties;

    StickyExecutionCustomizer(WorkerProperties properties) {
        this.properties = properties;
    }

    @Override
    public WorkerOptions.Builder customize(WorkerOptions.Builder options, String workerName, String taskQueue) {
        if (!properties.stickyExecution()) {
            // with a zero timeout the SDK stops asking the server for sticky dispatch: every workflow
            // task goes to the task queue that any live worker polls
            options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        }
        return options;
    }
}
