package dev.chime.metrics;

import static dev.chime.testing.ServiceFixture.NS;
import static dev.chime.testing.ServiceFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.api.ApiConfig;
import dev.chime.api.ApiServer;
import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Run;
import dev.chime.testing.PrometheusText;
import dev.chime.testing.Receiver;
import dev.chime.testing.ServiceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped over HTTP after known runs on a simulated clock, and read back with a
 * parser of our own: the counts are what happened, the histograms hold the lateness the clock
 * made, and no label carries a run id.
 */
class MetricsScrapeTest {
  private static final Set<String> LABELS = Set.of("namespace", "schedule", "trigger", "status",
      "state", "kind", "operation", "condition", "result", "le");

  @TempDir Path folder;
  private final Metrics metrics = new Metrics();
  private ServiceFixture f;
  private ApiServer api;

  @BeforeEach
  void start() {
    f = new ServiceFixture(folder, "2026-03-07T08:00:00Z", metrics::timed);
    f.scheduler.events().add(metrics.runs());
    metrics.watch(f.dispatcher::inFlight, () -> true, f.store.schedules());
    api = ApiServer.start(ApiConfig.of(0, ApiConfig.hashToken("admin-token-of-the-metrics-test")),
        new ApiServer.Dependencies(f.store, f.scheduler.schedules(), new LiveLogs(f.clock),
            f.clock, () -> true, AddressPolicy.standard(), metrics::scrape));
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange,
        request.path().endsWith("/broken") ? 404 : 200, "done"));
  }

  @AfterEach
  void stop() {
    api.close();
    f.close();
  }

  @Test
  void afterKnownRuns_theScrapeCountsFiresRunsAndLateness() throws Exception {
    f.put(schedule("ok", "0 9 * * *", null));
    f.put(schedule("broken", "0 9 * * *", null));
    f.put(schedule("hourly", "30 * * * *", ServiceFixture.catchup(Delivery.Catchup.SKIP)));
    f.put(schedule("idle", "0 3 * * *", null).withPaused(true));

    // 08:30 of hourly is long gone at 09:00:20 (missed, catchup: skip); ok and broken are 20 s
    // late but inside the grace period, so they run; then ok runs once more, by hand, on time.
    f.stepAt("2026-03-07T09:00:20Z");
    f.scheduler.schedules().trigger(NS, "ok");
    f.step();

    PrometheusText scrape = scrape();

    assertThat(scrape.value("chime_fires_total", "namespace", NS, "trigger", "schedule"))
        .isEqualTo(2);
    assertThat(scrape.value("chime_fires_total", "namespace", NS, "trigger", "catchup"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_fires_total", "namespace", NS, "trigger", "manual"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_runs_total", "schedule", "ok", "status", "succeeded"))
        .isEqualTo(2);
    assertThat(scrape.value("chime_runs_total", "schedule", "broken", "status", "failed"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_runs_total", "schedule", "hourly", "status", "missed"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_runs_total", "schedule", "ok", "status", "failed")).isZero();

    // Lateness: two first attempts 20 s after their fire, the manual one at once.
    assertThat(scrape.type("chime_lateness_seconds")).isEqualTo("histogram");
    assertThat(scrape.value("chime_lateness_seconds_count", "namespace", NS)).isEqualTo(3);
    assertThat(scrape.value("chime_lateness_seconds_sum", "namespace", NS)).isEqualTo(40);
    assertThat(scrape.value("chime_lateness_seconds_bucket", "namespace", NS, "le", "0.001"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_lateness_seconds_bucket", "namespace", NS, "le", "10.0"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_lateness_seconds_bucket", "namespace", NS, "le", "30.0"))
        .isEqualTo(3);
    assertThat(scrape.value("chime_attempt_duration_seconds_count", "namespace", NS))
        .isEqualTo(3);

    assertThat(scrape.value("chime_schedules", "namespace", NS, "state", "enabled"))
        .isEqualTo(3);
    assertThat(scrape.value("chime_schedules", "namespace", NS, "state", "paused"))
        .isEqualTo(1);
    assertThat(scrape.value("chime_callbacks_in_flight")).isZero();
    assertThat(scrape.value("chime_scheduler_up")).isEqualTo(1);
    assertThat(scrape.value("chime_claim_seconds_count", "kind", "fires")).isPositive();
    assertThat(scrape.value("chime_claim_seconds_count", "kind", "attempts")).isPositive();
    assertThat(scrape.value("chime_store_seconds_count", "operation", "runs.finishAttempt"))
        .isEqualTo(3);
  }

  @Test
  void everySeries_isChimes_withBoundedLabels_andNoRunId() throws Exception {
    f.put(schedule("ok", "0 9 * * *", null));
    f.stepAt("2026-03-07T09:00:00Z");
    f.scheduler.schedules().trigger(NS, "ok");
    f.step();
    Set<String> runIds = f.runs("ok").stream().map(Run::id).collect(Collectors.toSet());
    assertThat(runIds).hasSize(2);

    PrometheusText scrape = scrape();

    assertThat(scrape.samples()).isNotEmpty().allSatisfy(sample -> {
      assertThat(sample.name()).startsWith("chime_");
      assertThat(LABELS).containsAll(sample.labels().keySet());
      assertThat(sample.labels().values()).doesNotContainAnyElementsOf(runIds);
    });
    Set<String> counters = new HashSet<>();
    scrape.samples().stream().map(PrometheusText.Sample::name)
        .filter(n -> n.endsWith("_total")).forEach(counters::add);
    assertThat(counters).contains("chime_fires_total", "chime_runs_total");
  }

  @Test
  void theReadmesTable_namesEverySeries() throws Exception {
    f.put(schedule("ok", "0 9 * * *", null));
    f.stepAt("2026-03-07T09:00:00Z");
    metrics.alert(NS, "failed", "sent");
    Set<String> families = new TreeSet<>();
    scrape().samples().forEach(sample -> families.add(
        sample.name().replaceAll("_(bucket|count|sum|max)$", "")));

    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Metrics"),
        readme.indexOf("\n## ", readme.indexOf("## Metrics") + 1));
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(chime_\\w+)` \\|").matcher(section);
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented).isEqualTo(families);
  }

  private PrometheusText scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    return PrometheusText.parse(response.body());
  }
}
