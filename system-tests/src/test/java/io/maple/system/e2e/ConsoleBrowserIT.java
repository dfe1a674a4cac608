package io.maple.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.Browser;
import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console in a real headless Chromium against the running stack: a LOCAL execution submitted
 * over the API shows up in the list and on its own page as it runs to SUCCEED, with its status
 * timeline and its Temporal history from start to completion; the list's filters live in the URL
 * and survive a reload; an unknown id says so. Screenshots land in {@code target/system-tests/console/}.
 */
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void anExecutionIsFollowedFromTheListToItsPageAndItsHistory() throws Exception {
        MapleStack stack = maple.stack();
        String key = "console-" + System.currentTimeMillis();
        try (Browser browser = Browser.open(stack.dir().resolveSibling("console"))) {
            browser.go(stack.api().uri("/").toString());
            browser.await("#executions", WAIT);

            long id = stack.rest().submit(LightSpark.job(key, 2, 0));
            browser.await("#executions tr[data-id='" + id + "'] [data-status='SUCCEED']", WAIT);
            browser.screenshot("console-list");

            browser.await("#executions tr[data-id='" + id + "'] a", WAIT).click();
            browser.await("#timeline tr[data-to='SUCCEED']", WAIT);
            browser.await("#history tr[data-type='WorkflowExecutionCompleted']", WAIT);
            assertThat(browser.url()).endsWith("/executions/" + id);
            assertThat(texts(browser.all("#timeline tr[data-to] td:first-child")))
                    .containsSubsequence("CREATED", "ACCEPTED", "STARTING", "RUNNING", "SUCCEED");
            List<String> events = texts(browser.all("#history tr[data-type] td:nth-child(2)"));
            assertThat(events.get(0)).isEqualTo("WorkflowExecutionStarted");
            assertThat(events).last().isEqualTo("WorkflowExecutionCompleted");
            assertThat(browser.await("#request", WAIT).getText()).contains(key);
            browser.screenshot("console-execution");

            // filters are in the URL: a reload keeps them, and the table obeys them
            browser.go(stack.api().uri("/?status=SUCCEED&fromApp=system-tests").toString());
            browser.await("#executions tr[data-id='" + id + "']", WAIT);
            browser.reload();
            browser.await("#executions tr[data-id='" + id + "']", WAIT);
            assertThat(browser.await("#status-chips [data-status='SUCCEED']", WAIT).getAttribute("class"))
                    .contains("on");
            assertThat(browser.await("#filters input[name='fromApp']", WAIT).getDomProperty("value"))
                    .isEqualTo("system-tests");
            assertThat(texts(browser.all("#executions tbody [data-status]"))).isNotEmpty().containsOnly("SUCCEED");

            browser.go(stack.api().uri("/executions/987654321").toString());
            assertThat(browser.await("#not-found", WAIT).getText()).contains("987654321").contains("not found");

            // the search box: a uniqueId lists that execution
            WebElement search = browser.await("#search input", WAIT);
            search.sendKeys(key, Keys.ENTER);
            browser.await("#executions tr[data-id='" + id + "']", WAIT);
            assertThat(browser.all("#executions tbody tr")).hasSize(1);

            // the queues page: a running job holds a slot of local/default, whose limit the queue tables recorded
            long busy = stack.rest().submit(LightSpark.job(key + "-busy", 60, 0));
            await().atMost(WAIT).until(() -> "RUNNING".equals(stack.executions().status(busy)));
            browser.go(stack.api().uri("/queues").toString());
            WebElement queue = browser.await("#queues tr[data-queue='local/default']", WAIT);
            assertThat(texts(queue.findElements(By.cssSelector("td")))).element(2).isEqualTo("10");
            assertThat(Integer.parseInt(texts(queue.findElements(By.cssSelector("td"))).get(3))).isPositive();
            assertThat(Integer.parseInt(texts(queue.findElements(By.cssSelector("td"))).get(4))).isPositive();
            browser.screenshot("console-queues");
            stack.rest().kill(busy, "seen on the queues page");

            // the clusters page: the local cluster, its engines, and the worker polling its queues
            browser.go(stack.api().uri("/clusters").toString());
            browser.await("section[data-cluster='local'] .engines tbody tr", WAIT);
            assertThat(browser.await("#workers tr[data-queue='maple-cluster-local'] td:nth-child(3)", WAIT).getText())
                    .contains("@");
            browser.screenshot("console-clusters");
        }
    }

    /**
     * Issue 28's actions: a long LOCAL job killed from its button (after a confirm) ends KILLED and
     * its buttons go off; a kill confirmed after someone else's gets the 409 in words; a failed
     * refresh keeps the page; a rerun opens the new execution, which links back to the first.
     */
    @Test
    void anExecutionIsKilledAndRerunFromItsPage() throws Exception {
        MapleStack stack = maple.stack();
        String key = "actions-" + System.currentTimeMillis();
        long id = stack.rest().submit(LightSpark.job(key, 300, 0));
        await().atMost(WAIT).until(() -> "RUNNING".equals(stack.executions().status(id)));
        try (Browser browser = Browser.open(stack.dir().resolveSibling("console-actions"))) {
            browser.go(stack.api().uri("/executions/" + id).toString());
            browser.await("h1 [data-status='RUNNING']", WAIT);
            // the log pane shows stdout's tail and follows it: the job ticks a line a second
            String seen = browser.awaitText("#log-lines", "tick 1 of " + key, WAIT);
            int last = Integer.parseInt(seen.replaceAll("(?s).*tick (\\d+) of .*", "$1"));
            browser.awaitText("#log-lines", "tick " + (last + 2) + " of " + key, WAIT);
            browser.await("#log [data-stream='stderr']", WAIT).click();
            assertThat(browser.await("#log [data-stream='stderr']", WAIT).getAttribute("class")).contains("on");
            await().atMost(WAIT).until(() -> !browser.await("#log-lines", WAIT).getText().contains("tick"));
            browser.await("#log [data-stream='stdout']", WAIT).click();
            browser.awaitText("#log-lines", "tick " + (last + 3) + " of " + key, WAIT);
            browser.screenshot("console-log");
            browser.await("#action-kill", WAIT).click();
            assertThat(browser.await("#action-confirm", WAIT).getText()).contains("Kill execution " + id + "?");
            // "No" takes the question back and sends nothing
            browser.await("#confirm-no", WAIT).click();
            assertThat(browser.await("#action-confirm", WAIT).getText()).isEmpty();
            assertThat(stack.executions().status(id)).isEqualTo("RUNNING");

            browser.await("#action-kill", WAIT).click();
            browser.await("#confirm-yes", WAIT).click();
            browser.awaitText("#action-message", "is KILLED", WAIT);
            browser.await("h1 [data-status='KILLED']", WAIT);
            assertThat(stack.executions().status(id)).isEqualTo("KILLED");
            assertThat(browser.await("#action-kill", WAIT).isEnabled()).isFalse();
            assertThat(browser.await("#action-cancel", WAIT).isEnabled()).isFalse();
            assertThat(texts(browser.all("#timeline tr[data-to] td:first-child"))).last().isEqualTo("KILLED");
            browser.screenshot("console-killed");

            long other = stack.rest().submit(LightSpark.job(key + "-other", 300, 0));
            await().atMost(WAIT).until(() -> "RUNNING".equals(stack.executions().status(other)));
            browser.go(stack.api().uri("/executions/" + other).toString());
            browser.await("h1 [data-status='RUNNING']", WAIT);
            // a refresh that fails (the api out of reach) keeps the page as it was, and says so
            browser.blockRequests("*/api/v1/executions/*");
            browser.awaitText("#stale", "Could not refresh", WAIT);
            assertThat(browser.all("h1 [data-status='RUNNING']")).hasSize(1);
            browser.blockRequests();
            await().atMost(WAIT).until(() -> browser.await("#stale", WAIT).getText().isEmpty());

            // someone else kills it while this page asks for a confirm: the page learns it ended (its buttons go
            // off), and the confirm then gets the api's 409, in words
            browser.await("#action-kill", WAIT).click();
            browser.await("#confirm-yes", WAIT);
            assertThat(stack.rest().kill(other, "killed elsewhere").ok()).isTrue();
            browser.await("h1 [data-status='KILLED']", WAIT);
            assertThat(browser.await("#action-kill", WAIT).isEnabled()).isFalse();
            browser.await("#confirm-yes", WAIT).click();
            String refused = browser.awaitText("#action-message", "Not killed", WAIT);
            assertThat(refused).contains("execution " + other + " is already KILLED");
            assertThat(browser.await("#action-message", WAIT).getAttribute("class")).contains("error");

            // rerun: a new execution, opened at once, linked to the first
            browser.go(stack.api().uri("/executions/" + id).toString());
            browser.await("h1 [data-status='KILLED']", WAIT);
            browser.await("#action-rerun", WAIT).click();
            browser.await("#confirm-yes", WAIT).click();
            browser.await("#rerun-of", WAIT);
            long rerun = Long.parseLong(browser.url().replaceAll(".*/executions/", ""));
            assertThat(rerun).isNotEqualTo(id);
            assertThat(browser.await("#rerun-of", WAIT).getText()).isEqualTo(String.valueOf(id));
            assertThat(stack.rest().execution(rerun).path("rerunOf").asLong()).isEqualTo(id);
            browser.await("#rerun-of", WAIT).click();
            browser.await("h1 [data-status='KILLED']", WAIT);
            assertThat(browser.url()).endsWith("/executions/" + id);
            stack.rest().kill(rerun, "rerun seen");
        }
    }

    /**
     * Issue 28's submit form and log pane: a 400 from the dry run is shown next to the field it names and
     * offers no submit, and a job the plugin refuses is shown at the job box; the README's Spark SQL template
     * pasted whole into the job box fills the form and renders (spark-submit's script), a change takes the
     * submit back until it renders again, and the submit opens the new execution, whose log pane shows the
     * query's result line from real Spark on the LOCAL cluster.
     */
    @Test
    void aSparkSqlJobIsSubmittedFromTheFormAfterItsDryRun() throws Exception {
        MapleStack stack = maple.stack();
        try (Browser browser = Browser.open(stack.dir().resolveSibling("console-submit"))) {
            browser.go(stack.api().uri("/submit").toString());
            WebElement uniqueId = browser.await("#submit-form input[name='uniqueId']", WAIT);
            assertThat(uniqueId.getDomProperty("value")).startsWith("spark-sql-");
            assertThat(browser.await("#submit-form textarea[name='job']", WAIT).getDomProperty("value"))
                    .contains("SELECT sum(id) FROM t");
            WebElement priority = browser.await("#submit-form input[name='priority']", WAIT);
            priority.clear();
            priority.sendKeys("9");
            browser.await("#render", WAIT).click();
            String refused = browser.awaitText("[data-error-for='priority']", "5", WAIT);
            assertThat(refused).contains("less than or equal to 5");
            assertThat(browser.await("[data-error-for='job']", WAIT).getText()).isEmpty();
            assertThat(browser.await("#submit-message", WAIT).getText()).contains("fix the fields marked above");
            assertThat(browser.await("#submit", WAIT).isEnabled()).isFalse();
            browser.screenshot("console-submit-refused");

            // a job the plugin refuses: the api names job.jobConf.sql, shown at the job box
            WebElement job = browser.await("#submit-form textarea[name='job']", WAIT);
            String template = job.getDomProperty("value");
            job.clear();
            job.sendKeys("{\"runType\": \"sql\", \"jobConf\": {}}");
            priority.clear();
            priority.sendKeys("1");
            browser.await("#render", WAIT).click();
            assertThat(browser.awaitText("[data-error-for='job']", "job.jobConf", WAIT)).contains("sql");
            assertThat(browser.await("[data-error-for='priority']", WAIT).getText()).isEmpty();

            // a whole request pasted into the job box fills the form from it
            String pasted = "pasted-" + System.currentTimeMillis();
            job.clear();
            job.sendKeys("{\"uniqueId\": \"" + pasted + "\", \"execName\": \"pasted_sql\", \"fromApp\": \"console\", "
                    + "\"cluster\": \"local\", \"clusterQueue\": \"default\", \"engineCategory\": \"spark\", "
                    + "\"engineVersion\": \"3.5.5\", \"priority\": 2, \"group\": \"maple\", \"user\": \"me\", "
                    + "\"job\": " + template.replace("\n", "") + "}");
            assertThat(uniqueId.getDomProperty("value")).isEqualTo(pasted);
            assertThat(priority.getDomProperty("value")).isEqualTo("2");
            assertThat(job.getDomProperty("value")).startsWith("{\n  \"runType\": \"sql\"").doesNotContain("uniqueId");
            browser.await("#render", WAIT).click();
            String script = browser.awaitText("#render-text", "spark-submit", WAIT);
            // the SQL travels to the runner base64-encoded, so no character of it reaches the shell
            assertThat(script).contains("--job-base64").doesNotContain("SELECT");
            assertThat(browser.await("#submit", WAIT).isEnabled()).isTrue();
            browser.screenshot("console-submit");
            // what was rendered is what may be submitted: an edit takes the submit back until the next render
            browser.await("#submit-form input[name='execName']", WAIT).sendKeys("_console");
            assertThat(browser.await("#submit", WAIT).isEnabled()).isFalse();
            browser.await("#render", WAIT).click();
            browser.awaitText("#submit-message", "Nothing was stored", WAIT);
            String key = uniqueId.getDomProperty("value");
            browser.await("#submit", WAIT).click();

            browser.await("h1 [data-status]", WAIT);
            long id = Long.parseLong(browser.url().replaceAll(".*/executions/", ""));
            assertThat(stack.rest().execution(id).path("uniqueId").asText()).isEqualTo(key);
            assertThat(key).isEqualTo(pasted);
            assertThat(stack.rest().execution(id).path("execName").asText()).isEqualTo("pasted_sql_console");
            assertThat(stack.rest().execution(id).path("priority").asInt()).isEqualTo(2);
            // real Spark prints the query's result on stdout: sum(0..9)
            browser.awaitText("#log-lines", "|45", Duration.ofMinutes(3));
            browser.await("h1 [data-status='SUCCEED']", WAIT);
            // the download link: the whole of stdout as a file
            assertThat(browser.await("#log-download", WAIT).getAttribute("href"))
                    .endsWith("/api/v1/executions/" + id + "/log/download?stream=stdout");
            assertThat((String) browser.script("return fetch(document.getElementById('log-download').href)"
                    + ".then(r => r.text())")).contains("|45").contains("|sum(id)|");
            browser.screenshot("console-sql-log");
        }
    }

    /** Issue 28: a log of a million lines: the pane shows its tail at once and holds only that. */
    @Test
    void aLogOfAMillionLinesShowsItsTailWithoutLoadingIt() throws Exception {
        MapleStack stack = maple.stack();
        long id = stack.rest().submit(LightSpark.job("million-" + System.currentTimeMillis(), 0, 0));
        await().atMost(WAIT).until(() -> "SUCCEED".equals(stack.executions().status(id)));
        // the job has ended: its stdout becomes a long log, as a chatty job leaves one
        java.nio.file.Path stdout = stack.workDir().resolve(String.valueOf(id)).resolve("stdout.log");
        try (var out = java.nio.file.Files.newBufferedWriter(stdout)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write("line " + i + " of a long log\n");
            }
        }
        try (Browser browser = Browser.open(stack.dir().resolveSibling("console-million"))) {
            long start = System.nanoTime();
            browser.go(stack.api().uri("/executions/" + id).toString());
            browser.awaitText("#log-lines", "line 999999 of a long log", WAIT);
            long shown = (System.nanoTime() - start) / 1_000_000;
            assertThat(browser.awaitText("#log-note", "lines", WAIT)).startsWith("1000000 lines");
            String pane = browser.await("#log-lines", WAIT).getText();
            assertThat(pane.lines().count()).as("the tail, not the log").isEqualTo(200);
            assertThat(pane.lines().findFirst()).contains("line 999800 of a long log");
            System.out.printf("[console] execution page with the tail of a 1,000,000-line log shown in %d ms%n", shown);
        }
    }

    /** Issue 26's figure: the list's first paint with 10,000 executions in the table (it pages in MySQL). */
    @Test
    void theListPaintsFastWithTenThousandExecutions() throws Exception {
        MapleStack stack = maple.stack();
        stack.executions().insertEnded("bulk-" + System.currentTimeMillis(), 10_000);
        try (Browser browser = Browser.open(stack.dir().resolveSibling("console-bulk"))) {
            browser.go(stack.api().uri("/").toString());
            browser.await("#executions tbody tr", WAIT);
            long total = Long.parseLong(browser.await("#summary", WAIT).getText().replaceAll(".* of ", ""));
            Number paint = (Number) browser.script("return performance.getEntriesByName('maple:list-rendered')[0]"
                    + ".startTime");
            System.out.printf("[console] first paint of the list with %d executions in the table: %.0f ms%n", total,
                    paint.doubleValue());
            assertThat(total).isGreaterThanOrEqualTo(10_000);
            assertThat(browser.all("#executions tbody tr")).as("one page, not every row").hasSize(50);
        }
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
