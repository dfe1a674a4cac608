package io.maple.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the execution id of {@code /api/v1/executions/{id}...} requests into the MDC
 * ({@value #MDC_KEY}) so every log line of the request carries it; the submission service sets it
 * itself once the id exists. Always cleared afterwards, because servlet threads are pooled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ExecutionMdcFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "executionId";
    private static final Pattern EXECUTION_PATH = Pattern.compile("^/api/v1/executions/(\\d+)(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = EXECUTION_PATH.matcher(request.getRequestURI());
        if (m.matches()) {
            MDC.put(MDC_KEY, m.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
