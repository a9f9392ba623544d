package dev.chime.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver, both at fixed paths so that
 * Selenium never looks for (or downloads) a browser or a driver. When they are missing, {@code
 * bin/ensure-chromium} installs them; if that fails the tests fail under {@code CI=true} and are
 * skipped with a message elsewhere.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path INSTALLER = Path.of("..", "bin", "ensure-chromium");

  private Chromium() {}

  static void ensureInstalled() {
    if (installed()) {
      return;
    }
    String why;
    try {
      Process install = new ProcessBuilder(INSTALLER.toString()).inheritIO().start();
      why = install.waitFor(10, TimeUnit.MINUTES) && install.exitValue() == 0 && installed()
          ? null : INSTALLER + " could not install chromium and chromium-driver";
    } catch (IOException e) {
      why = "cannot run " + INSTALLER + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted while installing chromium";
    }
    if (why == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    System.err.println("DashboardBrowserTest skipped: " + why);
    Assumptions.abort(why);
  }

  private static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /** A headless browser whose console messages can be read back ({@link LogType#BROWSER}). */
  static ChromeDriver open(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1280,900", "--lang=en-US",
        "--user-data-dir=" + profile.toAbsolutePath(), "--no-first-run",
        "--disable-background-networking", "--disable-component-update",
        "--disable-default-apps", "--disable-sync");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(30))
        .build();
    return new ChromeDriver(service, options);
  }
}
