package io.maple.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobConfigMergerTest {

    @Test
    void theUsersValuesWinOverTheClusterDefaultsKeyByKey() {
        JobConfig defaults = new JobConfig("1", "1g", "2", null, "1g", null, null, "d.jar", null, null,
                Map.of("a", 1, "b", 2), RunType.SQL, Map.of("sql", "select 1", "keep", "x"));
        JobConfig job = new JobConfig(null, "4g", " ", "3", null, null, null, null, null, null,
                Map.of("b", 20, "c", 30), RunType.JAR, Map.of("sql", "select 2"));

        JobConfig merged = JobConfigMerger.merge(defaults, job);

        assertThat(merged).isEqualTo(new JobConfig("1", "4g", "2", "3", "1g", null, null, "d.jar", null, null,
                Map.of("a", 1, "b", 20, "c", 30), RunType.JAR, Map.of("sql", "select 2", "keep", "x")));
        assertThat(JobConfigMerger.merge(null, job)).isSameAs(job);
        assertThat(JobConfigMerger.merge(defaults, null)).isSameAs(defaults);
    }
}
