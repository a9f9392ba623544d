package dev.chime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.app.Chime;
import dev.chime.app.ServeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against a real {@code chime serve --demo} (its store,
 * scheduler and built-in receiver on loopback, on the real clock): sign in, see the demo's
 * schedules, run one now and watch it finish, read its attempt, watch a streamed log, pause and
 * resume, and a namespace token's view. Every test fails on any error in the browser's console;
 * each page is saved under {@code target/screenshots/} for review. One browser for the class.
 */
class DashboardBrowserTest {
  private static final String ADMIN = "admin-token-for-the-dashboard-tests";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;
  private static Chime chime;
  private static ChromeDriver browser;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Chromium.ensureInstalled();
    chime = Chime.start(new ServeConfig(0, folder.resolve("data"), null, true, ADMIN,
        Duration.ofDays(30), 64, 16, List.of(), Duration.ofSeconds(60)), InstantSource.system(),
        new PrintWriter(Writer.nullWriter()));
    base = "http://127.0.0.1:" + chime.port();
    browser = Chromium.open(folder.resolve("profile"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (chime != null) {
      chime.close();
    }
  }

  /** Signed out: the session's token cleared on a page of the origin that is not the app. */
  @BeforeEach
  void freshTab() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(base + "/ui/app.css");
    script("sessionStorage.clear()");
    consoleErrors(); // what an earlier test left is its own
  }

  @AfterEach
  void theConsoleStayedClean() {
    assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
  }

  @Test
  void signingIn_asAdmin_showsTheNamespaces_thenTheDemoSchedulesWithTheirNextFires()
      throws Exception {
    apiPost("/v1/namespaces/demo/schedules/heartbeat/trigger", "");
    apiPost("/v1/namespaces/demo/schedules/heartbeat/trigger", "");
    open("/");
    waitFor(By.id("token"));
    screenshot("01-sign-in");
    signIn(ADMIN);

    WebElement demo = waitFor(By.linkText("demo"));
    assertThat(text(By.id("who"))).isEqualTo("admin");
    screenshot("02-namespaces");
    demo.click();

    waitFor(By.cssSelector("tr[data-schedule='heartbeat']"));
    assertThat(browser.findElements(By.cssSelector("tr[data-schedule]")))
        .extracting(row -> row.getAttribute("data-schedule"))
        .containsExactly("every-ten-minutes", "flaky-sync", "heartbeat", "nightly-cleanup",
            "progress-report");
    WebElement heartbeat = row("heartbeat");
    assertThat(heartbeat.getText()).contains("* * * * *", "Every minute (UTC)");
    assertThat(heartbeat.findElements(By.cssSelector(".fires li"))).hasSize(3)
        .allSatisfy(fire -> assertThat(fire.getText()).contains("UTC"));
    WebElement nightly = row("nightly-cleanup");
    assertThat(nightly.getText()).contains("America/Denver").containsPattern("-0[67]:00");
    // The strip of recent runs: a shape per run, its status in words for screen readers. The
    // demo runs on the real clock, so the minute's own fire may be among them.
    wait(WAIT).until(d -> heartbeat.findElements(By.cssSelector(".strip .cell")).size() >= 2);
    assertThat(heartbeat.findElements(By.cssSelector(".strip .cell")))
        .allSatisfy(cell -> assertThat(cell.getAttribute("aria-label"))
            .matches("(pending|running|succeeded), (manual|schedule) run fired .* UTC"));
    screenshot("03-schedules");
  }

  @Test
  void runNow_showsTheRunAppearAndFinish_andTheRunPageShowsItsAttempt() {
    signInAt("/#/ns/demo/schedules/heartbeat", ADMIN);
    waitFor(By.id("run-now")).click();

    WebElement message = waitFor(By.cssSelector(".message a"));
    String runId = message.getText();
    assertThat(runId).isNotBlank();
    wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".message"), "succeeded after 1 attempt"));
    WebElement row = waitFor(By.cssSelector("tr[data-run='" + runId + "']"));
    wait(WAIT).until(ExpectedConditions.textToBePresentInElement(row, "succeeded"));
    assertThat(row.getText()).contains("manual");
    assertThat(text(By.cssSelector(".timeline"))).isNotBlank();
    screenshot("04-schedule");

    row.findElement(By.tagName("a")).click();
    WebElement attempt = waitFor(By.cssSelector("li.attempt[data-attempt='1']"));
    assertThat(attempt.getText()).contains("Status code", "200", "\"ok\":true", runId);
    assertThat(text(By.tagName("h1"))).contains(runId, "succeeded");
    assertThat(text(By.cssSelector("main dl"))).contains("Trigger", "manual", "Lateness");
    screenshot("05-run");
  }

  @Test
  void aRunStreamingItsResponse_showsTheLogLive_thenItsAttempt() {
    signInAt("/#/ns/demo/schedules/progress-report", ADMIN);
    waitFor(By.id("run-now")).click();
    waitFor(By.cssSelector(".message a")).click();

    WebElement log = waitFor(By.id("live-log"));
    wait(WAIT).until(d -> log.getText().contains("step 1 of 5 done"));
    // The demo job streams for about four seconds: the first step shows before the run ends.
    assertThat(text(By.tagName("h1"))).containsAnyOf("running", "pending");
    screenshot("06-live-log");
    wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
        "succeeded"));
    assertThat(log.getText()).contains("report ready");
    assertThat(text(By.cssSelector("li.attempt"))).contains("step 5 of 5 done");
  }

  @Test
  void pauseAndResume_showTheirResultWithoutAReload() throws Exception {
    signInAt("/#/ns/demo/schedules/every-ten-minutes", ADMIN);
    waitFor(By.id("pause"));
    script("window.chimeTestMarker = 'still the same page'");

    browser.findElement(By.id("pause")).click();
    waitFor(By.id("resume"));
    assertThat(text(By.id("state"))).contains("paused");
    assertThat(text(By.cssSelector(".message"))).startsWith("Paused");
    assertThat(text(By.id("timeline-title")).isEmpty()).isFalse();
    assertThat(apiGet("/v1/namespaces/demo/schedules/every-ten-minutes").get("paused")
        .asBoolean()).isTrue();
    screenshot("07-paused");

    browser.findElement(By.id("resume")).click();
    waitFor(By.id("pause"));
    assertThat(text(By.id("state"))).contains("enabled");
    assertThat(apiGet("/v1/namespaces/demo/schedules/every-ten-minutes").get("paused")
        .asBoolean()).isFalse();
    assertThat(script("return window.chimeTestMarker")).isEqualTo("still the same page");
  }

  @Test
  void aNamespaceToken_goesStraightToItsNamespace_andIsNeverShown() throws Exception {
    JsonNode created = apiPost("/v1/namespaces", """
        {"name": "billing", "baseUrl": "http://127.0.0.1:9", "environment": "sandbox"}""");
    String token = created.get("token").asText();
    // Sundays of March at 02:30 in Denver: whenever this runs, its next three fires include the
    // spring-forward Sunday (02:30 does not exist: shifted to 03:00) or an offset change.
    apiPost("/v1/namespaces/billing/schedules", """
        {"name": "march-sundays", "cron": "30 2 * 3 0", "timezone": "America/Denver",
         "endpoint": "/internal/cron/march-sundays"}""");

    signInAt("/", token);

    WebElement march = waitFor(By.cssSelector("tr[data-schedule='march-sundays']"));
    assertThat(march.findElements(By.cssSelector(".fires li"))).hasSize(3)
        .allSatisfy(fire -> assertThat(fire.getText()).containsPattern("-0[67]:00")
            .containsPattern("\\d\\d:\\d\\d UTC"));
    assertThat(march.findElement(By.cssSelector(".fires")).getText())
        .containsPattern("DST: (shifted|-0[67]:00 → -0[67]:00)");
    assertThat(browser.getCurrentUrl()).endsWith("#/ns/billing");
    assertThat(text(By.id("who"))).isEqualTo("namespace billing");
    assertThat(browser.findElements(By.linkText("Namespaces"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(token, ADMIN);
    screenshot("08-namespace-token");
  }

  @Test
  void onANarrowScreen_everyPageFitsWithoutSidewaysScrolling() {
    browser.manage().window().setSize(new Dimension(390, 844));
    signInAt("/#/ns/demo", ADMIN);
    waitFor(By.cssSelector("tr[data-schedule='heartbeat']"));
    assertFits("09-narrow-schedules");

    row("heartbeat").findElement(By.linkText("heartbeat")).click();
    waitFor(By.id("run-now"));
    waitFor(By.cssSelector(".timeline"));
    assertFits("10-narrow-schedule");
  }

  private void assertFits(String name) {
    screenshot(name);
    Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).longValue()).as("pixels wider than the screen")
        .isLessThanOrEqualTo(0);
  }

  private void signInAt(String path, String token) {
    open(path);
    signIn(token);
  }

  private void signIn(String token) {
    WebElement input = waitFor(By.id("token"));
    input.sendKeys(token);
    browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
    wait(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("token")));
  }

  private void open(String path) {
    browser.get(base + path);
  }

  private WebElement row(String schedule) {
    return browser.findElement(By.cssSelector("tr[data-schedule='" + schedule + "']"));
  }

  private WebElement waitFor(By locator) {
    return wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  private String text(By locator) {
    return browser.findElement(locator).getText();
  }

  private Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  /** The whole page, not only what the window shows (through the DevTools protocol). */
  private void screenshot(String name) {
    Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
            "height", size.get("height"), "scale", 1)));
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The console's errors since the last call (reading them empties the buffer). */
  private List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private JsonNode apiGet(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private JsonNode apiPost(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + ADMIN)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }
}
