package io.maple.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedLookupTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final Map<String, String> table = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    private RememberedLookup<String, String> lookup(Duration ttl) {
        return new RememberedLookup<>(name -> {
            asked.add(name);
            return table.get(name);
        }, ttl, clock);
    }

    @Test
    void whatWasFoundIsReusedUntilItsTimeIsUpThenAskedAgain() {
        RememberedLookup<String, String> apps = lookup(Duration.ofSeconds(5));
        table.put("etl", "key-1");
        assertThat(apps.get("etl")).isEqualTo("key-1");
        table.put("etl", "key-2"); // changed by hand in the database
        clock.advance(Duration.ofMillis(4_999));
        assertThat(apps.get("etl")).as("within the time remembered").isEqualTo("key-1");
        clock.advance(Duration.ofMillis(1));
        assertThat(apps.get("etl")).as("after it").isEqualTo("key-2");
        assertThat(asked).containsExactly("etl", "etl");
    }

    @Test
    void anAbsenceIsNeverRememberedSoWhatIsCreatedIsFoundAtOnce() {
        RememberedLookup<String, String> apps = lookup(Duration.ofMinutes(5));
        assertThat(apps.get("new-app")).isNull();
        table.put("new-app", "key");
        assertThat(apps.get("new-app")).isEqualTo("key");
        assertThat(apps.get("typo")).isNull();
        assertThat(apps.get("typo")).isNull();
        assertThat(asked).containsExactly("new-app", "new-app", "typo", "typo");
    }

    @Test
    void whatWasRemovedIsForgottenWhenTheLookupFindsNothing() {
        RememberedLookup<String, String> apps = lookup(Duration.ofSeconds(5));
        table.put("gone", "key");
        apps.get("gone");
        table.remove("gone");
        clock.advance(Duration.ofSeconds(5));
        assertThat(apps.get("gone")).isNull();
        table.put("gone", "again");
        assertThat(apps.get("gone")).as("not an old copy").isEqualTo("again");
    }

    @Test
    void forgetAndAZeroTimeAskEveryTime() {
        RememberedLookup<String, String> apps = lookup(Duration.ofSeconds(5));
        table.put("etl", "key-1");
        apps.get("etl");
        table.put("etl", "key-2");
        apps.forget();
        assertThat(apps.get("etl")).isEqualTo("key-2");

        RememberedLookup<String, String> never = lookup(Duration.ZERO);
        asked.clear();
        never.get("etl");
        never.get("etl");
        assertThat(asked).containsExactly("etl", "etl");
    }
}
