package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.audit.AuditMapper;
import io.maple.persistence.audit.AuditRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's sign-in over real HTTP (issue 28): the session cookie's attributes, acting as the app
 * signed in (its executions only, no admin paths), the CSRF header every change needs, sign-out, and a
 * failed sign-in that names no part, audited and rate limited per app.
 */
class ConsoleSessionIT extends ApiIntegrationTest {

    @Autowired
    AuditMapper audit;
    @Autowired
    ExecutionStore executions;

    @Test
    void aSignedInConsoleActsAsItsAppAndEveryChangeNeedsTheCsrfHeader() {
        String[] a = createApp(newApp(), false, List.of());
        String[] b = createApp(newApp(), false, List.of());
        long ownId = submit(http.as(a[0], a[1]), a[0], "own-1");
        long othersId = submit(http.as(b[0], b[1]), b[0], "others-1");

        HttpApi.Response signIn = anonymous().post("/api/v1/session", signIn(a[0], a[1]));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.json().get("app").asText()).isEqualTo(a[0]);
        assertThat(signIn.json().get("admin").asBoolean()).isFalse();
        String csrf = signIn.json().get("csrf").asText();
        assertThat(csrf).hasSizeGreaterThan(30);
        String cookie = signIn.header("Set-Cookie").get(0);
        assertThat(cookie).startsWith("maple_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=28800").doesNotContain("Secure"); // plain http here
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(signIn.body()).as("the token stays in the cookie").doesNotContain(session.substring(14));

        HttpApi console = http.withHeaders(Map.of("Cookie", session));
        assertThat(console.get("/api/v1/session").json().get("csrf").asText()).isEqualTo(csrf);
        // its own executions only, in the list and by URL; no admin pages
        List<Long> listed = console.get("/api/v1/executions?size=100").json().get("items").findValues("id").stream()
                .map(n -> n.asLong()).toList();
        assertThat(listed).contains(ownId).doesNotContain(othersId);
        assertThat(console.get("/api/v1/executions/" + ownId).status()).isEqualTo(200);
        assertThat(console.get("/api/v1/executions/" + othersId).status()).isEqualTo(403);
        assertThat(console.get("/api/v1/admin/clusters").status()).isEqualTo(403);

        // the cookie alone, as a cross-site form would send it, changes nothing
        HttpApi.Response forged = console.post("/api/v1/executions", submission(a[0], "forged-1").toString());
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().get("detail").asText()).contains("X-Maple-CSRF");
        assertThat(executions.findByAppAndUniqueId(a[0], "forged-1")).isNull();
        assertThat(audit.recentByActor(a[0], 1).get(0).outcome()).isEqualTo("FORBIDDEN");
        HttpApi.Response wrong = http.withHeaders(Map.of("Cookie", session, "X-Maple-CSRF", csrf + "x"))
                .post("/api/v1/executions/" + ownId + "/kill", "{}");
        assertThat(wrong.status()).isEqualTo(403);
        HttpApi.Response otherSessions = http.withHeaders(Map.of("Cookie", session, "X-Maple-CSRF", csrf))
                .post("/api/v1/executions/" + othersId + "/kill", "{}");
        assertThat(otherSessions.status()).as("another app's execution").isEqualTo(403);

        HttpApi protectedConsole = http.withHeaders(Map.of("Cookie", session, "X-Maple-CSRF", csrf));
        HttpApi.Response submitted = protectedConsole.post("/api/v1/executions", submission(a[0], "console-1").toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(protectedConsole.post("/api/v1/executions", submission(b[0], "console-2").toString()).status())
                .as("for another app").isEqualTo(403);

        // sign-out needs the header too, then ends the session for every request
        assertThat(console.raw("DELETE", "/api/v1/session", null, null).status()).isEqualTo(403);
        HttpApi.Response out = protectedConsole.raw("DELETE", "/api/v1/session", null, null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie").get(0)).startsWith("maple_session=;").contains("Max-Age=0");
        assertThat(console.get("/api/v1/session").status()).isEqualTo(401);
        HttpApi.Response after = console.get("/api/v1/executions/" + ownId);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("sign in again");
        assertThat(audit.recentByActor(a[0], 20)).extracting(AuditRecord::action, AuditRecord::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("SIGN_IN", "ALLOWED"),
                        org.assertj.core.groups.Tuple.tuple("SIGN_OUT", "ALLOWED"));
    }

    @Test
    void aFailedSignInNamesNoPartAndIsAuditedAndRateLimitedPerApp() {
        String[] app = createApp(newApp(), false, List.of());
        String[] fenced = createApp(newApp(), false, List.of("10.1.2.3/32"));
        HttpApi anonymous = anonymous();

        HttpApi.Response wrongKey = anonymous.post("/api/v1/session", signIn(app[0], app[1] + "x"));
        HttpApi.Response noSuchApp = anonymous.post("/api/v1/session", signIn(newApp(), app[1]));
        HttpApi.Response illegalHost = anonymous.post("/api/v1/session", signIn(fenced[0], fenced[1]));
        for (HttpApi.Response r : List.of(wrongKey, noSuchApp, illegalHost)) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.json().get("detail").asText()).isEqualTo("unknown application or wrong key");
            assertThat(r.header("Set-Cookie")).isEmpty();
        }
        // the audit tells which part was wrong
        AuditRecord row = audit.recentByActor(app[0], 1).get(0);
        assertThat(row.action()).isEqualTo("SIGN_IN");
        assertThat(row.outcome()).isEqualTo("UNAUTHORIZED");
        assertThat(row.detail()).isEqualTo("wrong key");
        assertThat(row.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(audit.recentByActor(fenced[0], 1).get(0).detail()).contains("not a legal host");

        // five attempts a minute per app (one spent above): then even the right key waits
        for (int i = 0; i < 4; i++) {
            assertThat(anonymous.post("/api/v1/session", signIn(app[0], "guess-" + i)).status()).isEqualTo(401);
        }
        HttpApi.Response limited = anonymous.post("/api/v1/session", signIn(app[0], app[1]));
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(Long.parseLong(limited.retryAfter())).isPositive();
        assertThat(limited.header("Set-Cookie")).isEmpty();
        assertThat(audit.recentByActor(app[0], 1).get(0).outcome()).isEqualTo("RATE_LIMITED");
        // another app is not held up by it
        String[] other = createApp(newApp(), false, List.of());
        assertThat(anonymous.post("/api/v1/session", signIn(other[0], other[1])).status()).isEqualTo(200);
    }

    private HttpApi anonymous() {
        return http.withHeaders(Map.of());
    }

    private long submit(HttpApi as, String app, String uniqueId) {
        HttpApi.Response r = as.post("/api/v1/executions", submission(app, uniqueId).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private String signIn(String app, String key) {
        return json.createObjectNode().put("app", app).put("key", key).toString();
    }
}
