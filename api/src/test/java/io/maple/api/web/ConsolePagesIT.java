package io.maple.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.api.ApiIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console is served by the api itself, from the static files in its jar: the page at {@code /}
 * and at every deep link, its modules, and all of it small (issue 26: under 300 KB, no CDN).
 */
class ConsolePagesIT extends ApiIntegrationTest {

    @Test
    void thePageIsServedAtTheRootAndAtDeepLinks() throws Exception {
        for (String path : new String[] {"/", "/executions/42", "/executions/not-a-number", "/submit"}) {
            HttpResponse<String> page = browse(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<title>Maple</title>").contains("/console/app.js");
        }
        HttpResponse<String> script = browse("/console/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
    }

    @Test
    void theConsoleLearnsWhereTheTemporalUiIs() {
        var settings = http.get("/api/v1/console").json();
        assertThat(settings.get("temporalUiUrl").asText()).isEqualTo("http://temporal-ui.test:8088");
        assertThat(settings.get("namespace").asText()).isEqualTo("default");
        assertThat(settings.get("examplesJar").asText()).isEqualTo("/opt/maple/maple-examples.jar");
    }

    /** As a browser asks: no app key, HTML first. */
    private HttpResponse<String> browse(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleIsSmallAndSelfContained() throws IOException {
        Path statics = Path.of("src/main/resources/static");
        long bytes;
        try (Stream<Path> files = Files.walk(statics)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(bytes).as("all static assets").isLessThan(300 * 1024);
        try (Stream<Path> files = Files.walk(statics)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    assertThat(Files.readString(p)).as("%s loads nothing from another host", p)
                            .doesNotContainPattern("(src|href)=\"https?://").doesNotContain("import 'http")
                            .doesNotContain("from 'http");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
