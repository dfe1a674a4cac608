package io.maple.faults;

import io.maple.api.execution.StoredSubmissionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Arms the crash points whose settings are present; found by Boot when this jar is on the api's classpath. */
@AutoConfiguration
public class FaultPointsAutoConfiguration {

    @Bean
    @ConditionalOnProperty("maple.faults.halt-after-insert-prefix")
    StoredSubmissionListener haltAfterInsert(@Value("${maple.faults.halt-after-insert-prefix}") String prefix) {
        return new HaltAfterInsert(prefix);
    }
}
