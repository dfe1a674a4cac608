package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceUsageTest {

    @ParameterizedTest(name = "{0} -> {1} MiB")
    @CsvSource({
            "512m,      512",
            "1g,        1024",
            "1Gi,       1024",
            "1024Mi,    1024",
            "2048 mb,   2048",
            "1.5g,      1536",
            "1073741824, 1024",
            "1t,        1048576",
    })
    void quantitiesAreReadAsMebibytes(String quantity, long expected) {
        assertThat(ResourceUsage.mebibytes(quantity)).isEqualTo(expected);
    }

    @Test
    void unreadableQuantitiesAreUnknown() {
        assertThat(ResourceUsage.mebibytes("lots")).isNull();
        assertThat(ResourceUsage.mebibytes("5x")).isNull();
        assertThat(ResourceUsage.mebibytes(null)).isNull();
    }

    @Test
    void sparkUsageIsDriverPlusExecutors() {
        // driver 512m/1 core, 2 executors of 1g/2 cores
        ResourceUsage usage = ResourceUsage.ofSparkApplication(RenderedResources.sparkApplication(1, "ns"));

        assertThat(usage).isEqualTo(new ResourceUsage("2560", "5"));
    }

    @Test
    void flinkUsageIsJobManagerPlusTaskManagers() {
        // JM 1024m/1 cpu, 2 TMs of 2g/0.5 cpu
        ResourceUsage usage = ResourceUsage.ofFlinkDeployment(RenderedResources.flinkDeployment(1, "ns"));

        assertThat(usage).isEqualTo(new ResourceUsage("5120", "2"));
    }
}
