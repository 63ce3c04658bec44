package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpExchange;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.hub.CommitPayload;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubProperties;
import dev.autocoder.workers.hub.RepoType;
import dev.autocoder.workers.hub.spaces.StaticDashboardSpace;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import org.eclipse.jgit.api.Git;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The static dashboard Space (spaces/static-dashboard/) in a real headless Chromium: its files are served by a
 * plain static file server on one loopback origin, the fake Hub on another, so every read is a cross-origin request
 * the fake answers as the Hub does (Access-Control-Allow-Origin). The rows are real: the analysis worker analyses
 * a repository holding a file whose name is markup and publishes to the fake Hub. Screenshots go to
 * target/dashboard-screenshots/. Skipped when the browser is missing, except under CI=true, where that fails.
 */
@Tag("browser")
class StaticDashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final String USER = "alice";
    private static final String TOKEN = "hf_" + "StaticDash" + "Abcdefghijklmnopqrstuvwxy12";
    private static final String DATASET = "autocoder-analysis-results";
    /** A file name that is markup twice over: a script element, and an image whose onerror runs if ever parsed. */
    private static final String HOSTILE_NAME = "x<script>alert(1)<img src=x onerror=alert(2)>.java";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    private FakeHub hub;
    private HttpServer files;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Browser test skipped: install Debian's chromium and chromium-driver");
        hub = FakeHub.start();
        hub.addUser(USER, TOKEN, false);
    }

    @AfterEach
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (files != null) {
            files.stop(0);
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void showsTheStatusTheWorkersTheFindingsAndTheGateOfTheRowsOnTheHubWithMarkupAsText() throws Exception {
        publishRealRows();
        String page = serveTheSpace();
        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        browser.get(page);

        // only the analysis worker published: its rows are fresh, the other two datasets do not exist
        awaitPage(wait, "the status line", d -> d.findElement(By.id("status-line")).getText().startsWith("Partial"));
        assertThat(text(wait, By.id("status-line"))).isEqualTo("Partial Operation (1/3 workers)");
        List<String> analysis = cells(wait, "analysis");
        assertThat(analysis).hasSize(8);
        assertThat(analysis.get(0)).isEqualTo("analysis");
        assertThat(analysis.get(1)).isEqualTo("up");
        int published = hubRows().size();
        assertThat(Long.parseLong(analysis.get(2))).isEqualTo(hubRows().stream().mapToLong(Row::iteration).max().orElseThrow());
        assertThat(analysis.get(6)).isEqualTo(Integer.toString(published));
        assertThat(cells(wait, "test-planning")).element(1).isEqualTo("no rows");
        assertThat(cells(wait, "test-planning")).element(3).isEqualTo("no rows: the dataset is missing or private");
        assertThat(cells(wait, "implementation").get(1)).isEqualTo("no rows");

        // the hostile file name, from a real package-cycle finding, is shown as text and never becomes an element
        awaitPage(wait, "the hostile name in the findings", d -> d.findElement(By.id("findings-body")).getText().contains(HOSTILE_NAME));
        assertThat(text(wait, By.id("insights"))).contains("Insights: analysis");
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("figure.chart svg polyline"))).isNotEmpty();
        // the workers' own rows carry their quality_gate column: the page shows the newest one's status
        List<Row> onTheHub = hubRows();
        String realStatus = mapper.valueToTree(onTheHub.get(onTheHub.size() - 1)).path("quality_gate").path("status").asText();
        assertThat(realStatus).isNotEmpty();
        assertThat(text(wait, By.id("gate-status"))).startsWith(realStatus + " (iteration ");
        screenshot("static-dashboard.png");
        // in a laptop's window the page does not scroll sideways (long rule names and paths break in their cells)
        browser.manage().window().setSize(new Dimension(1000, 1800));
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        assertThat(((Number) ((List<?>) widths).get(0)).longValue()).as("page width in a 1000 px window")
                .isLessThanOrEqualTo(((Number) ((List<?>) widths).get(1)).longValue());

        // a row carrying a gate: the page's own refresh shows it, its condition text escaped too
        publishRowWithGate();
        awaitPage(wait, "the published gate", d -> d.findElement(By.id("gate-status")).getText().startsWith("failed"));
        List<String> condition = wait.until(d -> d.findElements(By.cssSelector("#gate-table tbody tr"))
                .stream().findFirst().map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .orElse(null));
        assertThat(condition).containsExactly("new_main_critical_high_findings <= 0", "1", "failed",
                "1 new: Unsafe <script> in main code");
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        screenshot("static-dashboard-gate.png");

        // every read was a cross-origin GET without credentials, answered as the Hub answers it
        List<FakeHub.Request> reads = hub.requests().stream().filter(r -> r.header("Origin") != null).toList();
        assertThat(reads).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("Authorization")).isNull();
            assertThat(r.header("Origin")).isEqualTo(page.substring(0, page.indexOf('/', "http://".length())));
        });
        assertThat(reads).anyMatch(r -> r.path().contains("/tree/main/data")).anyMatch(r -> r.path().contains("/resolve/main/data/"));
        assertThat(hub.violations()).isEmpty();
        Object alerts = ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('[onerror]').length;");
        assertThat(alerts).isEqualTo(0L);
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                // the datasets nobody published answer 401 (as the Hub does to anonymous callers), which the browser
                // logs; the page says "no rows"
                .filter(m -> !m.matches("(?s).*/api/datasets/alice/autocoder-(test-planning|implementation)-results/tree/.* 401 .*"))
                .filter(m -> !m.contains("/favicon.ico")) // the test's file server has none; the Hub serves its own
                .toList();
        assertThat(problems).as("browser console (CSP violations, CORS refusals, script errors)").isEmpty();
    }

    /** The analysis worker on a repository with a package cycle through the hostile file, publishing to the fake Hub. */
    private void publishRealRows() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        fixture.write("src/main/java/com/acme/a/" + HOSTILE_NAME, "package com.acme.a;\n\nimport com.acme.b.B;\n\nclass A {\n    B b;\n}\n");
        fixture.write("src/main/java/com/acme/b/B.java", "package com.acme.b;\n\nimport com.acme.a.A;\n\npublic class B {\n    A a;\n}\n");
        try (Git git = Git.open(fixture.root().toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("A cycle through a hostile file name").setAuthor("Fixture", "fixture@example.org")
                    .setCommitter("Fixture", "fixture@example.org").call();
        }
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,dependencies");
        properties.put("autocoder.hub.token", TOKEN);
        properties.put("autocoder.hub.private", "false"); // the page reads without a token: public datasets only
        properties.put("autocoder.hub.endpoint", hub.uri().toString());
        properties.put("autocoder.hub.commit-interval", "300ms");
        properties.put("autocoder.hub.request-timeout", "5s");
        properties.put("autocoder.hub.commit-timeout", "5s");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            await("rows naming the hostile file on the Hub").atMost(Duration.ofMinutes(2)).until(() -> hubRows().size() >= 3
                    && hubRows().stream().anyMatch(row -> row.findings().stream().anyMatch(f -> HOSTILE_NAME.equals(
                    f.file() == null ? null : Path.of(f.file()).getFileName().toString()))));
        }
    }

    /**
     * One more analysis row, the newest one copied with the next iteration and a gate column, published with the
     * project's Hub client in a file named as the workers name theirs.
     */
    private void publishRowWithGate() throws Exception {
        List<Row> rows = hubRows();
        Row newest = rows.get(rows.size() - 1);
        Instant now = Instant.now();
        ObjectNode row = mapper.valueToTree(newest);
        row.put("iteration", newest.iteration() + 1);
        row.put("timestamp", now.toString());
        // the quality_gate column as the analysis rows carry it (gate.GateColumns: status, reason, conditions with
        // metric, operator, threshold, value, at_least, status, detail)
        ObjectNode gate = row.putObject("quality_gate").put("status", "failed").putNull("reason");
        gate.putArray("conditions").addObject().put("metric", "new_main_critical_high_findings").put("operator", "<=")
                .put("threshold", 0.0).put("value", 1.0).put("at_least", false).put("status", "failed")
                .put("detail", "1 new: Unsafe <script> in main code");
        String newestPath = new TreeMap<>(hub.files("dataset", USER + "/" + DATASET)).lastKey();
        String path = newestPath.substring(0, newestPath.lastIndexOf('/') + 1) + FILE_TIME.format(now) + "-000000000000.jsonl";
        HubProperties settings = new HubProperties();
        settings.setEndpoint(hub.uri());
        settings.setToken(TOKEN);
        settings.setRequestTimeout(Duration.ofSeconds(10));
        HubClient client = new HubClient(settings, null, AutocoderJson.newObjectMapper());
        String repo = USER + "/" + DATASET;
        CommitPayload payload = new CommitPayload("Add a row with a gate", "", client.repoInfo(RepoType.DATASET, repo)
                .map(HubClient.RepoInfo::sha).orElseThrow());
        payload.addFile(path, (mapper.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
        client.commit(RepoType.DATASET, repo, payload);
    }

    /** The Space's files as the deploy command uploads them, served over loopback; returns the page's URL. */
    private String serveTheSpace() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path folder = Path.of("spaces", StaticDashboardSpace.FOLDER);
        for (String name : List.of("index.html", "dashboard.js", "dashboard.css")) {
            Files.copy(folder.resolve(name), site.resolve(name));
        }
        ObjectNode config = (ObjectNode) mapper.readTree(StaticDashboardSpace.config(
                Files.readAllBytes(folder.resolve("config.json")), hub.uri(), USER, mapper));
        config.put("refresh_seconds", 1); // so the page's own refresh picks up the row with a gate quickly
        Files.write(site.resolve("config.json"), mapper.writeValueAsBytes(config));
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> serveFile(site, exchange));
        files.start();
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/index.html";
    }

    /** A plain static file server, as the Hub serves a static Space (Java 17 has no SimpleFileServer yet). */
    private static void serveFile(Path site, HttpExchange exchange) throws java.io.IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = site.resolve(name).normalize();
            if (!exchange.getRequestMethod().equals("GET") || !file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String type = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8", "json", "application/json").get(name.substring(name.lastIndexOf('.') + 1));
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type == null ? "application/octet-stream" : type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private List<Row> hubRows() {
        List<Row> rows = new ArrayList<>();
        new TreeMap<>(hub.files("dataset", USER + "/" + DATASET)).forEach((path, content) -> {
            if (path.startsWith("data/") && path.endsWith(".jsonl")) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        try {
                            rows.add(mapper.readValue(line, Row.class));
                        } catch (Exception e) {
                            throw new AssertionError("unreadable row in " + path, e);
                        }
                    }
                }
            }
        });
        return rows;
    }

    /** Waits for the page; when it does not come, says what the page and the browser's console said instead. */
    private void awaitPage(WebDriverWait wait, String what, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String console = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .reduce("", (a, b) -> a + "\n  " + b);
            throw new AssertionError("waiting for " + what + ": status '" + browser.findElement(By.id("status-line")).getText()
                    + "', load state '" + browser.findElement(By.id("load-state")).getText() + "', problems '"
                    + browser.findElement(By.id("problems")).getText() + "', console:" + console, e);
        }
    }

    private static List<String> cells(WebDriverWait wait, String worker) {
        return wait.until(d -> {
            List<String> texts = d.findElements(By.cssSelector("#workers-table tbody tr[data-worker='" + worker + "'] td"))
                    .stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
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
