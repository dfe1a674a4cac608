package io.maple.engine.spi.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The CRD check fails on what the operator would refuse, so the golden tests that use it can fail. */
class CrdSchemaTest {

    private static final String SPARK = """
            apiVersion: "sparkoperator.k8s.io/v1beta2"
            kind: "SparkApplication"
            metadata: {name: "maple-1"}
            spec: {type: "%s", sparkVersion: "3.5.5", mainApplicationFile: "a.jar", %s}
            """;

    @Test
    void aMissingRequiredFieldAWrongEnumAndAWrongTypeAreCaught() {
        String executor = "executor: {instances: 1}";
        CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION, SPARK.formatted("Java", "driver: {cores: 1}, " + executor));
        assertThatThrownBy(() -> CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION, SPARK.formatted("Java", executor)))
                .hasMessageContaining("requires driver");
        assertThatThrownBy(() -> CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION,
                SPARK.formatted("Go", "driver: {cores: 1}, " + executor))).hasMessageContaining("is one of");
        assertThatThrownBy(() -> CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION,
                SPARK.formatted("Java", "driver: {cores: \"1\"}, " + executor))).hasMessageContaining(".spec.driver.cores");
    }
}
