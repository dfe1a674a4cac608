package io.maple.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.domain.report.ReportTokens.Verdict;
import org.junit.jupiter.api.Test;

class ReportTokensTest {

    private final ReportTokens tokens = new ReportTokens("s3cret");

    @Test
    void aTokenIsValidForItsOwnExecutionOnly() {
        String token = tokens.token(42);
        assertThat(tokens.verify(42, token)).isEqualTo(Verdict.VALID);
        assertThat(tokens.verify(43, token)).isEqualTo(Verdict.OTHER_EXECUTION);
    }

    @Test
    void anotherSecretOrATamperedTokenIsInvalid() {
        String token = tokens.token(42);
        assertThat(new ReportTokens("other").verify(42, token)).isEqualTo(Verdict.INVALID);
        // the id in the token is covered by the MAC: renaming it does not make it another execution's
        assertThat(tokens.verify(43, token.replace("r1.42.", "r1.43."))).isEqualTo(Verdict.INVALID);
        assertThat(tokens.verify(42, token.substring(0, token.length() - 1))).isEqualTo(Verdict.INVALID);
        for (String junk : new String[] {null, "", "r1", "r1.42", "r2.42." + token.substring(6), "r1.x.y",
                "r1.99999999999999999999.a", "r1.42.a.b"}) {
            assertThat(tokens.verify(42, junk)).as(junk).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void theEnvironmentNamesTheTokenTheReportUrlAndTheExecution() {
        assertThat(tokens.environment(7, "http://api:8080/")).containsOnly(
                org.assertj.core.api.Assertions.entry("MAPLE_REPORT_TOKEN", tokens.token(7)),
                org.assertj.core.api.Assertions.entry("MAPLE_REPORT_URL", "http://api:8080/api/v1/executions/7/report"),
                org.assertj.core.api.Assertions.entry("MAPLE_EXECUTION_ID", "7"));
        assertThat(tokens.toString()).doesNotContain("s3cret");
    }
}
