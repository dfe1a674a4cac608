package io.maple.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster queues holding work, for operators and the console's queues page. */
@RestController
@RequestMapping({"/api/v1/queues", "/api/v1/admin/queues"})
@Tag(name = "admin")
class QueueListController {

    private final QueueOverview overview;

    QueueListController(QueueOverview overview) {
        this.overview = overview;
    }

    @GetMapping
    @Operation(summary = "Each cluster queue with executions queued or launched: its limit, how many run, how many "
            + "wait per priority, and since when the longest-waiting one waits")
    List<QueueView> queues() {
        return overview.queues();
    }
}
