package io.maple.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.api.config.SecurityProperties;
import io.maple.api.web.PayloadTooLargeException;
import io.maple.domain.report.ReportTokens;
import io.maple.persistence.application.ApplicationRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.session.ConsoleSessionRecord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/} request as one application and applies what follows from it:
 * legal hosts, the rate limit, admin-only paths and execution ownership. The engine self-report is
 * authenticated by its per-execution token instead. Refusals are problem+json and audited; so are
 * kills, cancels and admin changes that pass.
 *
 * <p>Credentials: {@code X-Maple-App} plus either {@code X-Maple-Key}, or {@code X-Maple-Timestamp}
 * (epoch seconds) and {@code X-Maple-Signature} = hex HMAC-SHA256 with the app key over
 * {@code METHOD\nPATH?QUERY\nTIMESTAMP\nhex(SHA-256(body))}; or, from the console, the session cookie
 * of a sign-in ({@link ConsoleSessions}), with its CSRF header on every request that changes something.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after BodySizeLimitFilter: a signed body is read through its limit
class AuthenticationFilter extends OncePerRequestFilter {

    static final String APP = "X-Maple-App";
    static final String KEY = "X-Maple-Key";
    static final String TIMESTAMP = "X-Maple-Timestamp";
    static final String SIGNATURE = "X-Maple-Signature";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    // every path under an execution is its owner's (group 2: the first segment after the id, e.g. kill or log)
    private static final Pattern EXECUTION = Pattern.compile("^/api/v1/executions/(\\d{1,18})(/[a-z]+)?(?:/[a-z]+)*/?$");

    private final SecurityProperties properties;
    private final Applications applications;
    private final AccessKeys keys;
    private final ReportTokens reportTokens;
    private final ReplayGuard replays;
    private final RateLimiter rateLimiter;
    private final ExecutionStore executions;
    private final AuditLog audit;
    private final ConsoleSessions sessions;
    private final ObjectMapper json;
    private final Clock clock;

    AuthenticationFilter(SecurityProperties properties, Applications applications, AccessKeys keys,
                         ReportTokens reportTokens, ReplayGuard replays, RateLimiter rateLimiter,
                         ExecutionStore executions, AuditLog audit, ConsoleSessions sessions, ObjectMapper json,
                         Clock clock) {
        this.properties = properties;
        this.applications = applications;
        this.keys = keys;
        this.reportTokens = reportTokens;
        this.replays = replays;
        this.rateLimiter = rateLimiter;
        this.executions = executions;
        this.audit = audit;
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // actuator, swagger-ui and /v3/api-docs stay open
        return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String remote = request.getRemoteAddr();
        Matcher execution = EXECUTION.matcher(path);
        boolean onExecution = execution.matches();
        String action = onExecution && execution.group(2) != null ? execution.group(2).substring(1) : null;

        if (onExecution && "report".equals(action) && "POST".equals(request.getMethod())) {
            long id = Long.parseLong(execution.group(1));
            switch (reportTokens.verify(id, request.getHeader(ReportTokens.HEADER))) {
                case VALID -> {
                    chain.doFilter(request, response);
                    return;
                }
                case OTHER_EXECUTION -> {
                    // a genuine token of another execution: a job trying to write a status not its own
                    refuse(request, response, null, HttpStatus.FORBIDDEN, "FORBIDDEN",
                            "this report token belongs to another execution");
                    return;
                }
                default -> {
                    refuse(request, response, null, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                            "the engine report needs this execution's " + ReportTokens.HEADER + " header");
                    return;
                }
            }
        }

        if (path.equals(SessionController.PATH)) {
            chain.doFilter(request, response); // signing in is how a console gets credentials: it checks them itself
            return;
        }

        String appName = request.getHeader(APP);
        boolean named = appName != null && !appName.isBlank();
        String sessionToken = named ? null : sessions.token(request);
        if (!named && sessionToken == null) {
            refuse(request, response, null, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "name the calling application in the " + APP + " header, or sign in to the console");
            return;
        }
        ApplicationRecord app;
        HttpServletRequest forwarded = request;
        String failure;
        if (sessionToken != null) {
            ConsoleSessionRecord session = sessions.find(sessionToken);
            if (session == null) {
                refuse(request, response, null, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                        "the console session has ended or is unknown: sign in again");
                return;
            }
            appName = session.app();
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !sessions.csrfMatches(sessionToken, request.getHeader(ConsoleSessions.CSRF_HEADER))) {
                // the cookie alone may come from another site's page: a change needs what only the console can read
                refuse(request, response, appName, HttpStatus.FORBIDDEN, "FORBIDDEN", "a console request that "
                        + "changes something needs its session's " + ConsoleSessions.CSRF_HEADER + " header");
                return;
            }
            app = applications.find(appName);
            failure = app == null ? "the signed-in application no longer exists" : null;
        } else if (request.getHeader(KEY) != null) {
            app = applications.find(appName);
            failure = app != null && keys.matches(request.getHeader(KEY), app.accessKeyHash())
                    ? null : "unknown application or wrong key";
        } else if (request.getHeader(SIGNATURE) != null || request.getHeader(TIMESTAMP) != null) {
            app = applications.find(appName);
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes();
            } catch (PayloadTooLargeException e) {
                problem(response, HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), null);
                return;
            }
            forwarded = new CachedBody(request, body);
            failure = checkSignature(request, app, appName, body);
        } else {
            app = null;
            failure = "send " + KEY + ", or " + TIMESTAMP + " and " + SIGNATURE;
        }
        if (failure != null) {
            refuse(request, response, appName, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", failure);
            return;
        }

        if (!applications.allowsHost(app, remote)) {
            refuse(request, response, appName, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "remote address " + remote + " is not a legal host of application '" + appName + "'");
            return;
        }
        long retryAfter = rateLimiter.acquire(appName);
        if (retryAfter > 0) {
            audit.record(appName, request.getMethod() + " " + path, path, "RATE_LIMITED", 429, null, remote);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            problem(response, HttpStatus.TOO_MANY_REQUESTS,
                    "rate limit of application '" + appName + "' exceeded; retry after " + retryAfter + " s", null);
            return;
        }
        Caller caller = new Caller(appName, Boolean.TRUE.equals(app.admin()), applications.webhookHosts(app));
        boolean adminPath = path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin");
        if (adminPath && !caller.admin()) {
            refuse(request, response, appName, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "application '" + appName + "' is not an admin application");
            return;
        }
        if (onExecution) {
            ExecutionRecord target = executions.find(Long.parseLong(execution.group(1)));
            // an unknown id falls through to the controller's 404
            if (target != null && !caller.mayActFor(target.fromApp())) {
                refuse(request, response, appName, HttpStatus.FORBIDDEN, "FORBIDDEN", "execution " + target.id()
                        + " belongs to another application; only it or an admin may access it");
                return;
            }
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        chain.doFilter(forwarded, response);

        boolean stop = "kill".equals(action) || "cancel".equals(action);
        boolean adminChange = adminPath && !"GET".equals(request.getMethod());
        if (stop || adminChange) {
            int status = response.getStatus();
            audit.record(appName, stop ? action.toUpperCase() : "ADMIN " + request.getMethod(), path,
                    status < 400 ? "ALLOWED" : "FAILED", status, null, remote);
        }
    }

    private String checkSignature(HttpServletRequest request, ApplicationRecord app, String appName, byte[] body) {
        String timestamp = request.getHeader(TIMESTAMP);
        String signature = request.getHeader(SIGNATURE);
        if (timestamp == null || signature == null) {
            return "a signed request needs both " + TIMESTAMP + " and " + SIGNATURE;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return TIMESTAMP + " must be epoch seconds";
        }
        long skew = Math.abs(clock.millis() / 1000 - seconds);
        if (skew > properties.signatureWindow().toSeconds()) {
            return TIMESTAMP + " is outside the allowed window of " + properties.signatureWindow().toSeconds() + " s";
        }
        String key = app == null ? null : keys.signingKey(appName, app.accessKeyHash());
        if (key == null) {
            return "unknown application or wrong signature";
        }
        String expected = AccessKeys.hmacHex(key, canonical(request, timestamp.trim(), body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            return "unknown application or wrong signature";
        }
        if (!replays.firstUse(appName, expected)) {
            return "this signature was used already (replay)";
        }
        return null;
    }

    /** What a signature covers; public so clients and tests build it the same way. */
    static String canonical(HttpServletRequest request, String timestamp, byte[] body) {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return canonical(request.getMethod(), target, timestamp, body);
    }

    static String canonical(String method, String pathAndQuery, String timestamp, byte[] body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + AccessKeys.sha256Hex(body);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String actor, HttpStatus status,
                        String outcome, String detail) throws IOException {
        audit.record(actor, request.getMethod() + " " + request.getRequestURI(), request.getRequestURI(), outcome,
                status.value(), detail, request.getRemoteAddr());
        problem(response, status, detail, status == HttpStatus.UNAUTHORIZED ? "Maple-Key" : null);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail, String challenge)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Replays a body that was read to check its signature. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
