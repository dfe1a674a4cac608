package io.maple.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultPropertiesTest {

    @Test
    void unsetOrEmptyNeverHalts() {
        assertThat(new FaultProperties(null).haltsAfterInsert("halt-after-insert-1")).isFalse();
        assertThat(new FaultProperties("").haltsAfterInsert("anything")).isFalse();
    }

    @Test
    void haltsOnlyForUniqueIdsWithThePrefix() {
        FaultProperties faults = new FaultProperties("halt-after-insert-");

        assertThat(faults.haltsAfterInsert("halt-after-insert-7")).isTrue();
        assertThat(faults.haltsAfterInsert("nightly-halt-after-insert-7")).isFalse();
        assertThat(faults.haltsAfterInsert(null)).isFalse();
    }
}
