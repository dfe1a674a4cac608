package io.maple.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.maple.system.harness.Browser;
import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.StackSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console with security on (issue 28): it signs in with an app and its key; a wrong key is
 * refused without saying which part was wrong; app A sees neither app B's execution in the list nor
 * its page by URL, nor the admin pages; it kills its own job from its button (the CSRF header goes
 * along); a page of another site that posts a kill is refused twice over (its request carries no
 * session cookie, and the cookie without the CSRF header is refused too); sign-out ends the session.
 */
class ConsoleSignInIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension(
            StackSettings.local().withApi("maple.security.enabled", "true"));

    @Test
    void appASeesOnlyItsOwnExecutionsAndACrossSitePostIsRefused() throws Exception {
        MapleStack stack = maple.stack();
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String a = "console-a-" + suffix;
        String b = "console-b-" + suffix;
        String keyA = createApp(stack, a);
        createApp(stack, b);
        long ownLong = stack.rest().submit(job(a + "-1", a, 300));
        long ownOther = stack.rest().submit(job(a + "-2", a, 300));
        long others = stack.rest().submit(job(b + "-1", b, 300));
        for (long id : new long[] {ownLong, ownOther, others}) {
            await().atMost(WAIT).until(() -> "RUNNING".equals(stack.executions().status(id)));
        }

        try (Browser browser = Browser.open(stack.dir().resolveSibling("console-sign-in"))) {
            browser.go(stack.api().uri("/").toString());
            browser.await("#sign-in-form", WAIT);
            browser.await("#sign-in-form input[name='app']", WAIT).sendKeys(a);
            browser.await("#sign-in-form input[name='key']", WAIT).sendKeys(keyA + "x");
            browser.await("#sign-in", WAIT).click();
            browser.awaitText("#sign-in-message", "unknown application or wrong key", WAIT);
            assertThat(browser.cookie("maple_session")).isNull();
            browser.screenshot("console-sign-in-refused");

            browser.await("#sign-in-form input[name='key']", WAIT).clear();
            browser.await("#sign-in-form input[name='key']", WAIT).sendKeys(keyA);
            browser.await("#sign-in", WAIT).click();
            browser.awaitText("#signed-in-as", a, WAIT);
            browser.await("#executions tr[data-id='" + ownLong + "']", WAIT);
            assertThat(browser.all("#executions tr[data-id='" + others + "']")).as("app B's execution").isEmpty();
            browser.screenshot("console-signed-in");
            assertThat(browser.await("a[href='/clusters']", WAIT).isDisplayed()).as("admin page link").isFalse();
            // the CSRF token lives in the page's memory: nothing in storage or in the URL
            assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
            assertThat(browser.url()).doesNotContain("csrf");

            browser.go(stack.api().uri("/executions/" + others).toString());
            assertThat(browser.await("#forbidden", WAIT).getText()).contains("not yours");
            assertThat(browser.all("#request")).isEmpty();
            browser.go(stack.api().uri("/clusters").toString());
            browser.awaitText("main", "not an admin application", WAIT);

            // its own job, killed from its button: the console sends the session's CSRF header
            browser.go(stack.api().uri("/executions/" + ownLong).toString());
            browser.await("h1 [data-status='RUNNING']", WAIT);
            // its log's download goes with the session too
            browser.awaitText("#log-lines", "tick 1 of " + a + "-1", WAIT);
            assertThat((String) browser.script("return fetch(document.getElementById('log-download').href)"
                    + ".then(r => r.text())")).contains("tick 1 of " + a + "-1");
            browser.await("#action-kill", WAIT).click();
            browser.await("#confirm-yes", WAIT).click();
            browser.await("h1 [data-status='KILLED']", WAIT);
            assertThat(stack.executions().status(ownLong)).isEqualTo("KILLED");

            // the session cookie without the CSRF header, as a forged request would carry it: refused
            String session = browser.cookie("maple_session");
            assertThat(session).isNotBlank();
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            stack.api().uri("/api/v1/executions/" + ownOther + "/kill"))
                    .header("Cookie", "maple_session=" + session).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"forged\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
            assertThat(forged.body()).contains("X-Maple-CSRF");

            // another site's page (localhost is another site than 127.0.0.1) posts a kill: the browser sends no
            // SameSite=Strict cookie with it, so the api sees no session at all
            HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String kill = stack.api().uri("/api/v1/executions/" + ownOther + "/kill").toString();
            byte[] page = ("<!doctype html><form id=f method=post enctype=text/plain action='" + kill + "'>"
                    + "<input name='{\"reason\":\"csrf\",\"x\":\"' value='\"}'></form><script>f.submit()</script>")
                    .getBytes(StandardCharsets.UTF_8);
            attacker.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            attacker.start();
            try {
                browser.go("http://localhost:" + attacker.getAddress().getPort() + "/");
                String answer = browser.awaitText("body", "\"status\":401", WAIT);
                assertThat(answer).contains("sign in to the console");
            } finally {
                attacker.stop(0);
            }
            assertThat(stack.executions().status(ownOther)).isEqualTo("RUNNING");

            // sign-out ends the session: the page asks to sign in again, and the old cookie opens nothing
            browser.go(stack.api().uri("/").toString());
            browser.await("#sign-out", WAIT).click();
            browser.await("#sign-in-form", WAIT);
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    stack.api().uri("/api/v1/executions/" + ownOther)).header("Cookie", "maple_session=" + session)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(401);

            // an admin app sees every app's executions and the admin pages
            browser.await("#sign-in-form input[name='app']", WAIT).sendKeys(MapleRest.ADMIN_APP);
            browser.await("#sign-in-form input[name='key']", WAIT).sendKeys(MapleRest.ADMIN_KEY);
            browser.await("#sign-in", WAIT).click();
            browser.await("#executions tr[data-id='" + others + "']", WAIT);
            assertThat(browser.await("a[href='/clusters']", WAIT).isDisplayed()).isTrue();
        } finally {
            stack.rest().kill(ownOther, "test over");
            stack.rest().kill(others, "test over");
        }
    }

    private static String createApp(MapleStack stack, String name) {
        MapleRest.Response created = stack.rest().post("/api/v1/admin/apps", Map.of("name", name, "admin", false));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static Map<String, Object> job(String uniqueId, String app, int seconds) {
        Map<String, Object> job = new java.util.LinkedHashMap<>(LightSpark.job(uniqueId, seconds, 0));
        job.put("fromApp", app);
        return job;
    }
}
