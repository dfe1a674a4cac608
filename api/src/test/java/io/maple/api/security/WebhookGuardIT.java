package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.api.execution.Webhook;
import io.maple.api.web.BadRequestException;
import java.util.List;
import io.maple.persistence.execution.ExecutionStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Webhook URLs at submit: internal targets refused unless the app lists them; a list limits to its hosts. */
class WebhookGuardIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore executions;
    @Autowired
    Applications applications;

    private HttpApi.Response submitWith(HttpApi client, String app, String uniqueId, String... urls) {
        ObjectNode body = submission(app, uniqueId);
        var hooks = body.putArray("webhooks");
        for (String url : urls) {
            hooks.add(url);
        }
        return client.post("/api/v1/executions", body.toString());
    }

    @Test
    void internalTargetsAre400NamingTheWebhook() {
        String app = newApp();
        String[] internal = {"http://127.0.0.1:8080/x", "http://169.254.169.254/latest/meta-data/",
            "http://localhost/x", "http://10.0.0.5/x", "http://[::1]/x", "http://2130706433/x"};
        for (String url : internal) {
            HttpApi.Response r = submitWith(http, app, "u-" + url.hashCode(), "https://hooks.example/ok", url);
            assertThat(r.status()).as(url + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("webhooks[1].url");
            assertThat(executions.findByAppAndUniqueId(app, "u-" + url.hashCode())).isNull();
        }
    }

    @Test
    void anAppsWebhookHostsLimitAndAllowListedPrivateTargets() {
        String app = newApp();
        HttpApi.Response created = http.post("/api/v1/admin/apps", "{\"name\":\"" + app + "\","
                + "\"webhookHosts\":[\"hooks.partner.example\",\"127.0.0.1\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        HttpApi asApp = http.as(app, created.json().get("key").asText());

        assertThat(submitWith(asApp, app, "listed", "https://hooks.partner.example/a", "http://127.0.0.1:9/cb")
                .status()).isEqualTo(201);
        HttpApi.Response other = submitWith(asApp, app, "unlisted", "https://elsewhere.example/a");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("field").asText()).isEqualTo("webhooks[0].url");
        assertThat(other.json().get("detail").asText()).contains("not among the webhook hosts");
    }

    @Test
    void theDeploymentWideListAdmitsItsInternalHostsForEveryApp() {
        WebhookGuard guard = new WebhookGuard(applications, List.of("127.0.0.1", "localhost"));
        guard.check("unregistered-app", List.of(Webhook.of("http://127.0.0.1:9/x"), Webhook.of("http://localhost/y"),
                Webhook.of("https://hooks.example/z")), Caller.UNSECURED);
        assertThatThrownBy(() -> guard.check("unregistered-app", List.of(Webhook.of("http://10.0.0.1/x")),
                Caller.UNSECURED)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("webhooks[0].url"));
    }
}
