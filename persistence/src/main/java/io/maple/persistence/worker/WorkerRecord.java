package io.maple.persistence.worker;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One row of {@code maple_worker}: a worker process, the task queues it polls, and when it last said so. */
public record WorkerRecord(String identity, String host, String taskQueues, Instant startedTime,
                           Instant heartbeatTime) {

    public static WorkerRecord of(String identity, String host, List<String> taskQueues, Instant startedTime,
                                  Instant heartbeatTime) {
        return new WorkerRecord(identity, host, String.join(",", taskQueues), startedTime, heartbeatTime);
    }

    public List<String> taskQueueList() {
        return taskQueues.isEmpty() ? List.of() : Arrays.asList(taskQueues.split(","));
    }
}
