package io.maple.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ExecutionMdcFilterTest {

    private String seenDuring(String uri) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        new ExecutionMdcFilter().doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(),
                (req, res) -> seen.set(MDC.get(ExecutionMdcFilter.MDC_KEY)));
        return seen.get();
    }

    @Test
    void executionPathsCarryTheirIdAndNothingLeaksAfterwards() throws Exception {
        assertThat(seenDuring("/api/v1/executions/42")).isEqualTo("42");
        assertThat(seenDuring("/api/v1/executions/42/kill")).isEqualTo("42");
        assertThat(MDC.get(ExecutionMdcFilter.MDC_KEY)).isNull();
        assertThat(seenDuring("/api/v1/executions")).isNull();
        assertThat(seenDuring("/api/v1/executions/abc")).isNull();
    }

    @Test
    void anIdPutByTheSubmissionIsClearedWhenTheRequestEnds() throws Exception {
        new ExecutionMdcFilter().doFilter(new MockHttpServletRequest("POST", "/api/v1/executions"),
                new MockHttpServletResponse(), (req, res) -> MDC.put(ExecutionMdcFilter.MDC_KEY, "7"));
        assertThat(MDC.get(ExecutionMdcFilter.MDC_KEY)).isNull();
    }
}
