package io.maple.activities.launch.k8s;

import static io.maple.activities.launch.k8s.Resources.map;
import static io.maple.activities.launch.k8s.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.workflows.contract.ClusterPhase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlinkDeploymentStatesTest {

    /** Columns: jobStatus.state, jobManagerDeploymentStatus, lifecycleState, spec.job.state; empty = absent. */
    @ParameterizedTest(name = "job={0} jm={1} lifecycle={2} desired={3} -> {4}")
    @CsvSource({
            // nothing reported yet / deploying
            "            ,                   ,          ,          , PENDING",
            "            , DEPLOYING         , DEPLOYED ,          , PENDING",
            "            , DEPLOYED_NOT_READY, DEPLOYED ,          , PENDING",
            "            , MISSING           , UPGRADING,          , PENDING",
            "            , READY             , CREATED  ,          , PENDING",
            "INITIALIZING, DEPLOYING         , DEPLOYED , running  , PENDING",
            "CREATED     , READY             , DEPLOYED , running  , PENDING",
            // the JobManager never came up
            "            , ERROR             , DEPLOYED ,          , START_FAILED",
            "INITIALIZING, ERROR             , DEPLOYED ,          , START_FAILED",
            // running in all its forms
            "RUNNING     , READY             , STABLE   , running  , RUNNING",
            "RESTARTING  , READY             , DEPLOYED ,          , RUNNING",
            "FAILING     , READY             , DEPLOYED ,          , RUNNING",
            "RECONCILING , DEPLOYING         , DEPLOYED ,          , RUNNING",
            "CANCELLING  , READY             , DEPLOYED ,          , RUNNING",
            "RUNNING     , ERROR             , STABLE   ,          , RUNNING",
            "RUNNING     , READY             , STABLE   , suspended, RUNNING",
            // terminal
            "FINISHED    , READY             , STABLE   , running  , SUCCEEDED",
            "FAILED      , READY             , DEPLOYED ,          , FAILED",
            "RUNNING     , READY             , FAILED   ,          , FAILED",
            "            , ERROR             , FAILED   ,          , FAILED",
            "CANCELED    , READY             , DEPLOYED ,          , CANCELED",
            "SUSPENDED   , READY             , DEPLOYED ,          , CANCELED",
            "FINISHED    ,                   , SUSPENDED, suspended, CANCELED",
            "FINISHED    , READY             , STABLE   , suspended, CANCELED",
            "CANCELED    , MISSING           , SUSPENDED, suspended, CANCELED",
            // words this mapping does not know yet
            "SOMETHING   , READY             , STABLE   ,          , UNREACHABLE",
            "            , SOMETHING         , DEPLOYED ,          , UNREACHABLE",
    })
    void everyStatusCombinationHasAPhase(String job, String jm, String lifecycle, String desired, ClusterPhase expected) {
        var deployment = resource("FlinkDeployment",
                map("job", map("state", desired)),
                map("jobStatus", map("state", job), "jobManagerDeploymentStatus", jm, "lifecycleState", lifecycle,
                        "error", "why"));

        MappedState mapped = FlinkDeploymentStates.map(deployment);

        assertThat(mapped.phase()).isEqualTo(expected);
        assertThat(mapped.rawState()).isEqualTo(job != null ? job : jm != null ? jm : "");
        assertThat(mapped.diagnostics()).isEqualTo("why");
    }
}
