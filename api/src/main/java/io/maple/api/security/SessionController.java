package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import io.maple.persistence.application.ApplicationRecord;
import io.maple.persistence.session.ConsoleSessionRecord;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's sign-in: an app name and key give a session cookie ({@link ConsoleSessions}). A failed
 * sign-in says only that the pair was wrong, never which part (nor that the host is not a legal one);
 * attempts are rate limited per remote address and per app, and every one is audited.
 */
@RestController
@RequestMapping(SessionController.PATH)
class SessionController {

    static final String PATH = "/api/v1/session";
    private static final String WRONG = "unknown application or wrong key";

    private final SecurityProperties properties;
    private final Applications applications;
    private final AccessKeys keys;
    private final RateLimiter rateLimiter;
    private final ConsoleSessions sessions;
    private final AuditLog audit;

    SessionController(SecurityProperties properties, Applications applications, AccessKeys keys,
                      RateLimiter rateLimiter, ConsoleSessions sessions, AuditLog audit) {
        this.properties = properties;
        this.applications = applications;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Who the console is signed in as; {@code csrf} goes with every request that changes something. */
    record SessionView(String app, boolean admin, boolean security, String csrf, Instant expires) {
    }

    record SignIn(@NotBlank @Size(max = 64) String app, @NotBlank @Size(max = 256) String key) {
    }

    @Operation(summary = "The console's session: who is signed in (401 when nobody is)")
    @GetMapping
    ResponseEntity<Object> current(HttpServletRequest request) {
        if (!properties.enabled()) {
            return ResponseEntity.ok(unsecured());
        }
        String token = sessions.token(request);
        ConsoleSessionRecord session = sessions.find(token);
        ApplicationRecord app = session == null ? null : applications.find(session.app());
        if (app == null) {
            return problem(HttpStatus.UNAUTHORIZED, "not signed in");
        }
        return ResponseEntity.ok(new SessionView(app.appName(), Boolean.TRUE.equals(app.admin()), true,
                sessions.csrfOf(token), session.expireTime()));
    }

    @Operation(summary = "Sign the console in with an app name and key: sets the session cookie")
    @PostMapping
    ResponseEntity<Object> signIn(@Valid @RequestBody SignIn body, HttpServletRequest request) {
        if (!properties.enabled()) {
            return ResponseEntity.ok(unsecured());
        }
        String remote = request.getRemoteAddr();
        ApplicationRecord app = applications.find(body.app());
        long retryAfter = rateLimiter.acquireSignIn(remote, app == null ? null : app.appName());
        if (retryAfter > 0) {
            audit.record(body.app(), "SIGN_IN", PATH, "RATE_LIMITED", 429, null, remote);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                            "too many sign-in attempts; retry after " + retryAfter + " s"));
        }
        String failure = app == null ? "no such application"
                : !keys.matches(body.key(), app.accessKeyHash()) ? "wrong key"
                : !applications.allowsHost(app, remote) ? "remote address " + remote + " is not a legal host"
                : null;
        if (failure != null) {
            // the audit says which part was wrong; the caller only learns that the pair was
            audit.record(body.app(), "SIGN_IN", PATH, "UNAUTHORIZED", 401, failure, remote);
            return problem(HttpStatus.UNAUTHORIZED, WRONG);
        }
        ConsoleSessions.Opened opened = sessions.open(app.appName(), remote);
        audit.record(app.appName(), "SIGN_IN", PATH, "ALLOWED", 200, null, remote);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, sessions.cookie(opened.token(), request.isSecure())
                        .toString())
                .body(new SessionView(app.appName(), Boolean.TRUE.equals(app.admin()), true, opened.csrf(),
                        opened.expires()));
    }

    @Operation(summary = "Sign the console out: ends the session and clears its cookie")
    @DeleteMapping
    ResponseEntity<Object> signOut(HttpServletRequest request) {
        String token = sessions.token(request);
        ConsoleSessionRecord session = sessions.find(token);
        if (session != null) {
            if (!sessions.csrfMatches(token, request.getHeader(ConsoleSessions.CSRF_HEADER))) {
                audit.record(session.app(), "SIGN_OUT", PATH, "FORBIDDEN", 403, "no CSRF header",
                        request.getRemoteAddr());
                return problem(HttpStatus.FORBIDDEN, "signing out needs the session's "
                        + ConsoleSessions.CSRF_HEADER + " header");
            }
            sessions.close(token);
            audit.record(session.app(), "SIGN_OUT", PATH, "ALLOWED", 204, null, request.getRemoteAddr());
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, sessions.cookie(null, request.isSecure()).toString())
                .build();
    }

    private static SessionView unsecured() {
        return new SessionView(Caller.UNSECURED.app(), true, false, null, null);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
