package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.audit.AuditMapper;
import io.maple.persistence.audit.AuditRecord;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each authentication and authorization rule over real HTTP, with the audit rows it leaves. */
class AuthenticationIT extends ApiIntegrationTest {

    @Autowired
    AuditMapper audit;
    @Autowired
    ExecutionStore executions;

    private static void assertProblem(HttpApi.Response r, int status, String detailFragment) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(detailFragment);
    }

    private AuditRecord lastAuditOf(String actor) {
        List<AuditRecord> rows = audit.recentByActor(actor, 1);
        assertThat(rows).as("audit rows of " + actor).isNotEmpty();
        return rows.get(0);
    }

    @Test
    void anAppWithItsKeySubmitsAsItselfOnly() {
        String[] app = createApp(newApp(), false, List.of());
        HttpApi asApp = http.as(app[0], app[1]);
        HttpApi.Response own = asApp.post("/api/v1/executions", submission(app[0], "u1").toString());
        assertThat(own.status()).as(own.body()).isEqualTo(201);

        HttpApi.Response other = asApp.post("/api/v1/executions", submission("someone-else", "u2").toString());
        assertProblem(other, 403, "fromApp must be the authenticated application");
        assertThat(executions.findByAppAndUniqueId("someone-else", "u2")).isNull();
        assertThat(lastAuditOf(app[0]).outcome()).isEqualTo("FORBIDDEN");
    }

    @Test
    void missingHeadersWrongKeyAndUnknownAppAre401AndAudited() {
        String[] app = createApp(newApp(), false, List.of());
        assertProblem(http.withHeaders(Map.of()).get("/api/v1/executions"), 401, "X-Maple-App");
        assertProblem(http.withHeaders(Map.of("X-Maple-App", app[0])).get("/api/v1/executions"), 401,
                "X-Maple-Key");
        assertProblem(http.as(app[0], app[1] + "x").get("/api/v1/executions"), 401, "wrong key");
        // another app's valid key does not open this app
        assertProblem(http.as(app[0], HttpApi.ADMIN_KEY).get("/api/v1/executions"), 401, "wrong key");
        String ghost = newApp();
        assertProblem(http.as(ghost, app[1]).get("/api/v1/executions"), 401, "unknown application or wrong key");

        AuditRecord row = lastAuditOf(ghost);
        assertThat(row.outcome()).isEqualTo("UNAUTHORIZED");
        assertThat(row.httpStatus()).isEqualTo(401);
        assertThat(row.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(row.target()).isEqualTo("/api/v1/executions");
        assertThat(lastAuditOf(app[0]).outcome()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void callsFromOutsideTheLegalHostsAre403() {
        String[] far = createApp(newApp(), false, List.of("10.20.0.0/16", "fd00::/8"));
        assertProblem(http.as(far[0], far[1]).get("/api/v1/executions"), 403, "is not a legal host");
        assertThat(lastAuditOf(far[0]).outcome()).isEqualTo("FORBIDDEN");

        String[] near = createApp(newApp(), false, List.of("10.20.0.0/16", "127.0.0.0/8"));
        assertThat(http.as(near[0], near[1]).get("/api/v1/executions").status()).isEqualTo(200);
    }

    @Test
    void anotherAppsExecutionCannotBeReadKilledCancelledOrRerun() {
        String[] owner = createApp(newApp(), false, List.of());
        String[] intruder = createApp(newApp(), false, List.of());
        HttpApi asOwner = http.as(owner[0], owner[1]);
        long id = asOwner.post("/api/v1/executions", submission(owner[0], "mine").toString()).json().get("id")
                .asLong();
        HttpApi asIntruder = http.as(intruder[0], intruder[1]);
        for (String path : List.of("", "/live", "/log", "/log?stream=launch&from=-10", "/history",
                "/webhooks")) {
            assertProblem(asIntruder.get("/api/v1/executions/" + id + path), 403, "belongs to another application");
        }
        // the ownership check reads decimal ids; another spelling of the same number must not slip past it
        for (String spelling : List.of("0x" + Long.toHexString(id), "#" + Long.toHexString(id), "0" + id)) {
            HttpApi.Response r = asIntruder.get("/api/v1/executions/" + spelling.replace("#", "%23"));
            assertThat(r.status()).as("GET /executions/%s: %s", spelling, r.body()).isIn(400, 403, 404);
        }
        for (String action : List.of("kill", "cancel", "rerun")) {
            assertProblem(asIntruder.post("/api/v1/executions/" + id + "/" + action, "{}"), 403,
                    "belongs to another application");
        }
        assertThat(executions.require(id).status().isTerminal()).isFalse();
        // listing shows only one's own executions, and asking for another app's is refused
        assertThat(asIntruder.get("/api/v1/executions").json().get("items")).isEmpty();
        assertProblem(asIntruder.get("/api/v1/executions?fromApp=" + owner[0]), 403, "may not act for");

        assertThat(asOwner.get("/api/v1/executions/" + id).status()).isEqualTo(200);
        assertThat(asOwner.get("/api/v1/executions").json().get("items")).hasSize(1);
        // the owner may ask to kill it (409 here: no worker runs in this context, so it is ended first), and that
        // kill is audited with its answer
        executions.transition(StatusTransition.to(id, ExecutionStatus.CANCELED, "ended by the test", "test"));
        HttpApi.Response kill = asOwner.post("/api/v1/executions/" + id + "/kill", "{\"reason\":\"done\"}");
        assertThat(kill.status()).as(kill.body()).isEqualTo(409);
        AuditRecord row = lastAuditOf(owner[0]);
        assertThat(row.action()).isEqualTo("KILL");
        assertThat(row.httpStatus()).isEqualTo(409);
        assertThat(row.target()).isEqualTo("/api/v1/executions/" + id + "/kill");
    }

    @Test
    void adminEndpointsNeedAnAdminApp() {
        String[] plain = createApp(newApp(), false, List.of());
        HttpApi asPlain = http.as(plain[0], plain[1]);
        assertProblem(asPlain.get("/api/v1/admin/clusters"), 403, "is not an admin application");
        assertProblem(asPlain.get("/api/v1/admin/workers"), 403, "is not an admin application");
        assertProblem(asPlain.post("/api/v1/admin/apps", "{\"name\":\"sneaky\",\"admin\":true}"), 403,
                "is not an admin application");
        assertThat(http.get("/api/v1/admin/apps").body()).doesNotContain("\"sneaky\"");

        String[] admin = createApp(newApp(), true, List.of());
        assertThat(http.as(admin[0], admin[1]).get("/api/v1/admin/clusters").status()).isEqualTo(200);
        // creating that admin was an audited admin change
        List<AuditRecord> rows = audit.recentByActor(HttpApi.ADMIN_APP, 20);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("ADMIN POST");
            assertThat(r.target()).isEqualTo("/api/v1/admin/apps");
            assertThat(r.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void signedRequestsAreAcceptedOnceInsideTheWindow() {
        String[] app = createApp(newApp(), false, List.of());
        String body = submission(app[0], "signed").toString();
        Map<String, String> headers = signed(app, "POST", "/api/v1/executions", body, Instant.now());
        HttpApi signedClient = http.withHeaders(headers);
        HttpApi.Response first = signedClient.post("/api/v1/executions", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        assertProblem(signedClient.post("/api/v1/executions", body), 401, "replay");

        // a changed body does not match the signature
        String tampered = submission(app[0], "tampered").toString();
        Map<String, String> fresh = signed(app, "POST", "/api/v1/executions", body, Instant.now().plusSeconds(1));
        assertProblem(http.withHeaders(fresh).post("/api/v1/executions", tampered), 401, "wrong signature");

        Map<String, String> stale = signed(app, "GET", "/api/v1/executions", "", Instant.now().minusSeconds(3600));
        assertProblem(http.withHeaders(stale).get("/api/v1/executions"), 401, "outside the allowed window");

        Map<String, String> get = signed(app, "GET", "/api/v1/executions?size=5", "", Instant.now());
        assertThat(http.withHeaders(get).get("/api/v1/executions?size=5").status()).isEqualTo(200);
    }

    @Test
    void actuatorAndApiDocsStayOpen() {
        HttpApi anonymous = http.withHeaders(Map.of());
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void theBootstrapAdminExistsAndListsAppsWithoutSecrets() {
        JsonNode apps = http.get("/api/v1/admin/apps").json();
        assertThat(apps.findValuesAsText("name")).contains(HttpApi.ADMIN_APP);
        assertThat(apps.toString()).doesNotContain("v1$").doesNotContain(HttpApi.ADMIN_KEY);
    }

    private static Map<String, String> signed(String[] app, String method, String target, String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String canonical = AuthenticationFilter.canonical(method, target, timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        return Map.of("X-Maple-App", app[0], "X-Maple-Timestamp", timestamp,
                "X-Maple-Signature", AccessKeys.hmacHex(app[1], canonical));
    }
}
