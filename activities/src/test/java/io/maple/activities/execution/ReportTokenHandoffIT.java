package io.maple.activities.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.local.LocalLauncher;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.domain.report.ReportTokens;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.client.WorkflowStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The launch activity hands a LOCAL process its report token through the environment only: the
 * process sees its own token (the one the api derives from the same secret), and neither the token
 * nor the secret appears anywhere in the execution's Temporal history.
 */
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.report.secret=" + ReportTokenHandoffIT.SECRET,
        "maple.report.api-url=http://maple-api.test:8080"})
class ReportTokenHandoffIT {

    static final String SECRET = "handoff-secret-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "report_token");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    LocalLauncher localLauncher;

    @Test
    void theLaunchedProcessSeesItsOwnTokenAndTheHistoryNeverDoes() throws Exception {
        harness.start();
        // the token goes to a file, not to stdout: a failure's output tail ends up in the status history
        long id = harness.submit("report", 1, "printf '%s\\n%s\\n%s\\n' \"$MAPLE_REPORT_TOKEN\" \"$MAPLE_REPORT_URL\" "
                + "\"$MAPLE_EXECUTION_ID\" > engine-env.txt; test -n \"$MAPLE_REPORT_TOKEN\"");
        ExecutionOutcome outcome = WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
        assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEED);

        String token = new ReportTokens(SECRET).token(id);
        List<String> seen = Files.readAllLines(localLauncher.dirOf(id).resolve("engine-env.txt"));
        assertThat(seen).containsExactly(token, "http://maple-api.test:8080/api/v1/executions/" + id + "/report",
                Long.toString(id));
        assertThat(new ReportTokens(SECRET).verify(id, seen.get(0))).isEqualTo(ReportTokens.Verdict.VALID);
        assertThat(Files.readString(localLauncher.dirOf(id).resolve("script.sh"))).doesNotContain(token);

        // payload data is raw bytes inside the history's protobuf: search them, and the JSON form too
        var history = harness.client().fetchHistory(WorkflowIds.forExecution(id));
        String raw = new String(history.getHistory().toByteArray(), StandardCharsets.ISO_8859_1);
        String json = history.toJson(false);
        assertThat(raw).as("the search sees payloads").contains("slot granted in");
        for (String secret : List.of(token, token.substring(token.lastIndexOf('.') + 1), SECRET)) {
            assertThat(raw).doesNotContain(secret);
            assertThat(json).doesNotContain(secret);
        }
        assertThat(raw).doesNotContain(ReportTokens.TOKEN_ENV);
    }
}
