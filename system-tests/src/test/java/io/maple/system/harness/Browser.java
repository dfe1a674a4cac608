package io.maple.system.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver (no Selenium Manager, no
 * download). Outside CI a machine without Chromium skips the browser tests with a message; in CI
 * ({@code CI=true}, where {@code .ci/run} installs it) a missing Chromium fails them.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A fresh browser with a profile and HOME of its own under {@code dir}; screenshots go there too. */
    public static Browser open(Path dir) {
        Path chromium = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("chromedriver.path", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "no Chromium at " + chromium + " or no chromedriver at " + chromedriver
                    + " (apt-get install chromium chromium-driver; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Directories.recreate(dir);
            Path home = Files.createDirectories(dir.resolve("home"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", home.toString()))
                    .withLogFile(dir.resolve("chromedriver.log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("profile"));
            return new Browser(new ChromeDriver(service, options), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void go(String url) {
        driver.get(url);
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The first element matching {@code css}, once there is one. */
    public WebElement await(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> d.findElements(By.cssSelector(css)).stream()
                .findFirst().orElse(null));
    }

    /** Runs a script in the page; its {@code return} value. */
    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** Waits until the first element matching {@code css} has a text that contains {@code text}; that text. */
    public String awaitText(String css, String text, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.withMessage(() -> "no " + css + " with '" + text + "'; the page shows: "
                + driver.findElement(By.tagName("body")).getText());
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    /**
     * Fails every request to the given URLs from now on (DevTools' Network.setBlockedURLs, {@code *}
     * as a wildcard), as a network that lost the api would; none blocks nothing again.
     */
    public void blockRequests(String... urls) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", java.util.List.of(urls)));
    }

    /** A cookie's value as the browser holds it (HttpOnly ones too), or null. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Saves what the page shows as {@code <name>.png} in the browser's directory; returns the file. */
    public Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
