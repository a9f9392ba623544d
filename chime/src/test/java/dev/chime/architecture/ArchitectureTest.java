package dev.chime.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md, read from the import lines of the main sources. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/chime");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)");

  @Test
  void cronEngine_importsNothingButJavaStar() {
    List<String> offending =
        imports("cron").stream().filter(i -> !i.startsWith("java.")).toList();
    assertThat(offending).as("imports in dev.chime.cron outside java.*").isEmpty();
  }

  @Test
  void cronEngine_neverReadsTheClock() {
    List<String> offending =
        sources("cron")
            .filter(f -> read(f).matches("(?s).*\\b(Instant\\.now|Clock\\.system|"
                + "System\\.currentTimeMillis|LocalDateTime\\.now|ZonedDateTime\\.now)\\b.*"))
            .map(Path::toString)
            .toList();
    assertThat(offending).isEmpty();
  }

  @Test
  void receiverVerifier_importsOnlyTheJdkBase_soUsersCanCopyIt() {
    List<String> offending = imports("receiver").stream()
        .filter(i -> !i.startsWith("java.") && !i.startsWith("javax.crypto.")).toList();
    assertThat(offending).as("imports in dev.chime.receiver outside java.base").isEmpty();
  }

  @Test
  void delivery_knowsNothingOfStorageOrTheScheduler() {
    List<String> offending = imports("delivery").stream()
        .filter(i -> i.startsWith("dev.chime.") && !i.startsWith("dev.chime.schedule."))
        .toList();
    assertThat(offending).as("imports in dev.chime.delivery of other Chime packages").isEmpty();
  }

  @Test
  void delivery_readsTimeOnlyFromItsInjectedClock() {
    List<String> offending =
        Stream.concat(sources("delivery"), sources("receiver"))
            .filter(f -> read(f).matches("(?s).*\\b(Instant\\.now|Clock\\.system|"
                + "System\\.currentTimeMillis|LocalDateTime\\.now|ZonedDateTime\\.now)\\b.*"))
            .map(Path::toString)
            .toList();
    assertThat(offending).isEmpty();
  }

  @Test
  void api_reachesStorageOnlyThroughItsInterfaces() {
    List<String> offending = imports("api").stream()
        .filter(i -> i.startsWith("dev.chime.store.jdbc.") || i.startsWith("java.sql.")).toList();
    assertThat(offending).as("imports in dev.chime.api of the JDBC store").isEmpty();
  }

  @Test
  void onlyTheCompositionRoot_namesTheJdbcStore() {
    for (String pkg : List.of("scheduler", "api", "delivery", "schedule", "cli", "cron",
        "metrics", "alert", "logging", "web")) {
      List<String> offending = imports(pkg).stream()
          .filter(i -> i.startsWith("dev.chime.store.jdbc.") || i.startsWith("java.sql.")).toList();
      assertThat(offending).as("imports in dev.chime." + pkg + " of the JDBC store").isEmpty();
    }
  }

  @Test
  void theScheduler_knowsNothingOfWhatWatchesIt() {
    List<String> offending = imports("scheduler").stream()
        .filter(i -> i.startsWith("dev.chime.metrics.") || i.startsWith("dev.chime.alert.")
            || i.startsWith("dev.chime.logging.") || i.startsWith("io.micrometer."))
        .toList();
    assertThat(offending).as("imports in dev.chime.scheduler of its observers").isEmpty();
  }

  @Test
  void theDashboard_servesFilesOnly_andReachesChimeThroughTheApi() {
    List<String> offending = imports("web").stream()
        .filter(i -> !i.startsWith("java.") && !i.startsWith("io.javalin.")).toList();
    assertThat(offending).as("imports in dev.chime.web beyond the JDK and Javalin").isEmpty();
  }

  @Test
  void micrometer_staysInTheMetricsPackage() {
    for (String pkg : List.of("scheduler", "api", "delivery", "schedule", "store", "alert",
        "logging", "web")) {
      assertThat(imports(pkg)).as("imports of Micrometer in dev.chime." + pkg)
          .noneMatch(i -> i.startsWith("io.micrometer."));
    }
  }

  @Test
  void domainValues_dependOnTheEngineOnly() {
    List<String> offending = imports("schedule").stream()
        .filter(i -> i.startsWith("dev.chime.") && !i.startsWith("dev.chime.cron.")
            && !i.startsWith("dev.chime.schedule."))
        .toList();
    assertThat(offending).isEmpty();
  }

  @Test
  void rulesAreCheckedAgainstRealSources() {
    assertThat(sources("cron").count()).isGreaterThan(10);
    assertThat(imports("cli")).contains("picocli.CommandLine", "dev.chime.cron.CronExpression");
    assertThat(imports("delivery")).contains("java.net.http.HttpClient",
        "dev.chime.schedule.Attempt");
    assertThat(imports("receiver")).contains("javax.crypto.Mac");
    assertThat(imports("api")).contains("io.javalin.Javalin", "dev.chime.store.Store");
    assertThat(imports("app")).contains("dev.chime.store.jdbc.JdbcStores");
  }

  private static List<String> imports(String pkg) {
    return sources(pkg)
        .flatMap(f -> read(f).lines())
        .map(IMPORT::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  private static Stream<Path> sources(String pkg) {
    try {
      return Files.walk(MAIN.resolve(pkg)).filter(p -> p.toString().endsWith(".java")).toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
