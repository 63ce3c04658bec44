package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * reads the status line and the worker table, opens the worker page, stops the worker with the admin token,
 * starts it again and sees the iteration counter advance through the page's own auto-refresh. Screenshots go
 * to target/dashboard-screenshots/. Skipped when the browser is missing, except under CI=true, where that fails.
 */
@Tag("browser")
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final String TOKEN = "browser-test-admin-token-51c0";

    @TempDir
    Path temp;

    private ConfigurableApplicationContext app;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Browser test skipped: install Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    @AfterEach
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void stopAndStartAWorkerFromItsPageAndWatchTheCounterAdvance() throws Exception {
        FixtureRepository fixture = XssFixture.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        // pinned: the status figures below count exactly these workers
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,dependencies,test-coverage");
        // the status says "operational" while the newest row is younger than three periods: a period a loaded
        // machine's iteration fits in three times over
        properties.put("autocoder.workers.analysis.period", "1s");
        properties.put("autocoder.dashboard.admin-token", TOKEN);
        properties.put("autocoder.dashboard.status-refresh", "1s");
        properties.put("autocoder.dashboard.insights-refresh", "2s");
        app = App.start(properties);
        DatasetStore store = app.getBean(DatasetStore.class);
        await("4 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows("autocoder-analysis-results").size() >= 4);
        String base = "http://127.0.0.1:" + App.port(app);
        browser = chromium();
        // the page swaps its refreshed parts in: an element read a moment ago may be gone, so reads retry
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        browser.get(base + "/");
        // the health parts read the clock: after a stall of the machine longer than three periods they say "stale"
        // until the next row, and the page's own refresh brings them back, so these reads wait for it
        wait.until(d -> d.findElement(By.id("status-line")).getText().equals("All Systems Operational"));
        List<String> cells = wait.until(d -> {
            List<String> row = d.findElements(By.cssSelector("#workers-table tbody tr[data-worker='analysis'] td"))
                    .stream().map(WebElement::getText).toList();
            return row.size() > 1 && row.get(1).startsWith("running") ? row : null;
        });
        assertThat(cells).hasSize(8);
        assertThat(cells.get(0)).isEqualTo("analysis");
        assertThat(cells.get(1)).startsWith("running");
        assertThat(Long.parseLong(cells.get(2))).isGreaterThanOrEqualTo(4);
        assertThat(cells.get(6)).startsWith("up");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg polyline"))).isNotEmpty();
        // the planted file name is shown as text, never as an element
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(text(wait, By.id("insights"))).contains(XssFixture.FILE_NAME);
        screenshot("dashboard.png");

        click(wait, By.linkText("analysis"));
        wait.until(d -> d.getCurrentUrl().endsWith("/workers/analysis"));
        wait.until(d -> d.findElement(By.id("worker-state")).getText().equals("running"));
        screenshot("worker-running.png");

        browser.findElement(By.id("admin-token")).sendKeys(TOKEN);
        click(wait, By.id("stop-button"));
        wait.until(d -> d.findElement(By.id("worker-state")).getText().equals("stopped"));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/workers/analysis");
        screenshot("worker-stopped.png");

        browser.findElement(By.id("admin-token")).sendKeys(TOKEN);
        click(wait, By.id("start-button"));
        wait.until(d -> d.findElement(By.id("worker-state")).getText().equals("running"));
        long before = Long.parseLong(text(wait, By.id("worker-iterations")));
        // mark this page: only a refresh without a reload keeps the mark
        ((JavascriptExecutor) browser).executeScript("window.autocoderMark = 'same-page';");
        wait.until(d -> Long.parseLong(d.findElement(By.id("worker-iterations")).getText()) > before);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.autocoderMark;")).isEqualTo("same-page");
        assertThat(text(wait, By.id("refresh-state"))).startsWith("Refreshed at");
        screenshot("worker-restarted.png");

        browser.get(base + "/");
        wait.until(d -> d.findElement(By.id("status-line")).getText().equals("All Systems Operational"));
        screenshot("dashboard-after.png");

        // a laptop's window: long rule names and paths break inside their cells, the page never scrolls sideways
        browser.manage().window().setSize(new Dimension(1000, 1800));
        for (String page : List.of("/", "/workers/analysis")) {
            browser.get(base + page);
            wait.until(d -> !d.findElements(By.cssSelector(".findings-table td.location")).isEmpty());
            Object widths = ((JavascriptExecutor) browser).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat((List<?>) widths).as("page width against window width on %s", page)
                    .satisfies(w -> assertThat(((Number) w.get(0)).longValue()).isLessThanOrEqualTo(((Number) w.get(1)).longValue()));
        }

        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertThat(problems).as("browser console (CSP violations, script errors)").isEmpty();
    }

    /** Finds and clicks in one step, again if a refresh swapped the element out in between. */
    private static void click(WebDriverWait wait, By element) {
        wait.until(d -> {
            d.findElement(element).click();
            return true;
        });
    }

    private static String text(WebDriverWait wait, By element) {
        return wait.until(d -> d.findElement(element).getText());
    }

    private WebDriver chromium() throws Exception {
        // the driver and the browser are given explicitly: Selenium Manager must not look for (or download) them
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createDirectories(temp.resolve("chromium-profile"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
