package io.maple.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workers serving each of Maple's task queues, for operators and the console's clusters page. */
@RestController
@RequestMapping("/api/v1/admin/workers")
@Tag(name = "admin")
class WorkerListController {

    private final WorkerDirectory directory;

    WorkerListController(WorkerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "The workers polling maple-executions and each registered cluster's launch queue: "
            + "from Temporal's DescribeTaskQueue, or from the workers' heartbeats where the server lacks it")
    List<TaskQueueWorkersView> workers() {
        return directory.list();
    }
}
