package io.maple.activities.launch.k8s;

import static io.maple.activities.launch.k8s.Resources.map;
import static io.maple.activities.launch.k8s.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.workflows.contract.ClusterPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkApplicationStatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'',                PENDING",
            "NEW,               PENDING",
            "SUBMITTED,         PENDING",
            "PENDING_RERUN,     PENDING",
            "INVALIDATING,      PENDING",
            "RESUMING,          PENDING",
            "SUSPENDED,         PENDING",
            "RUNNING,           RUNNING",
            "SUCCEEDING,        RUNNING",
            "FAILING,           RUNNING",
            "SUSPENDING,        RUNNING",
            "COMPLETED,         SUCCEEDED",
            "FAILED,            FAILED",
            "UNKNOWN,           UNREACHABLE",
            "SOMETHING_NEW,     UNREACHABLE",
    })
    void everyApplicationStateHasAPhase(String state, ClusterPhase expected) {
        var app = resource("SparkApplication", map(),
                map("applicationState", map("state", state, "errorMessage", "boom")));

        MappedState mapped = SparkApplicationStates.map(app);

        assertThat(mapped.phase()).isEqualTo(expected);
        assertThat(mapped.rawState()).isEqualTo(state);
        assertThat(mapped.diagnostics()).isEqualTo("boom");
    }

    @Test
    void aResourceTheOperatorHasNotTouchedIsPending() {
        MappedState mapped = SparkApplicationStates.map(resource("SparkApplication", map(), null));

        assertThat(mapped.phase()).isEqualTo(ClusterPhase.PENDING);
        assertThat(mapped.rawState()).isEmpty();
        assertThat(mapped.diagnostics()).isNull();
    }

    /** SUBMISSION_FAILED is PENDING while the operator will resubmit, START_FAILED once it will not. */
    @ParameterizedTest(name = "policy={0} retries={1} attempts={2} -> {3}")
    @CsvSource({
            "OnFailure, 3,  1, PENDING",
            "OnFailure, 3,  3, PENDING",
            "OnFailure, 3,  4, START_FAILED",
            "Always,    1,  1, PENDING",
            "Always,    1,  2, START_FAILED",
            "OnFailure, 0,  1, START_FAILED",
            "OnFailure,  ,  1, START_FAILED",
            "Never,     3,  1, START_FAILED",
            "        ,  3,  1, START_FAILED",
    })
    void submissionFailureRetriesThenStartFails(String policy, Integer retries, Integer attempts, ClusterPhase expected) {
        var app = resource("SparkApplication",
                map("restartPolicy", map("type", policy, "onSubmissionFailureRetries", retries)),
                map("applicationState", map("state", "SUBMISSION_FAILED"), "submissionAttempts", attempts));

        assertThat(SparkApplicationStates.map(app).phase()).isEqualTo(expected);
    }
}
