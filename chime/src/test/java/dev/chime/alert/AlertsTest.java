package dev.chime.alert;

import static dev.chime.testing.ServiceFixture.NS;
import static dev.chime.testing.ServiceFixture.SECRET;
import static dev.chime.testing.ServiceFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.cron.DstGap;
import dev.chime.delivery.AddressPolicy;
import dev.chime.receiver.ChimeSignature;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.testing.Receiver;
import dev.chime.testing.ServiceFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts against a real webhook receiver on loopback, with the real scheduler and store on a
 * simulated clock: what is sent, when the ten-minute window holds an alert back, recovery, and
 * what happens when the webhook fails.
 */
class AlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI DASHBOARD = URI.create("https://chime.example.com");

  @TempDir Path folder;
  private ServiceFixture f;
  private final Receiver hook = Receiver.start();
  private final List<String> tally = new CopyOnWriteArrayList<>();
  private final List<Alerts> alerts = new ArrayList<>();

  @BeforeEach
  void start() {
    // Half a minute before the first fire of the tests, so that no fire is missed before it.
    f = new ServiceFixture(folder, "2026-03-07T08:59:30Z", UnaryOperator.identity());
    webhook(hook.url("/services/T0/B0/secret"));
    failWith(404);
  }

  @AfterEach
  void stop() {
    alerts.forEach(Alerts::close);
    f.close();
    hook.close();
  }

  @Test
  void aRunThatFailsAfterItsLastAttempt_isAlerted_inWordsAndFields_signedLikeACallback()
      throws Exception {
    startAlerts();
    f.put(schedule("sync", "0 9 * * *", null));

    f.stepAt("2026-03-07T09:00:00Z");
    Run run = f.runs("sync").getFirst();

    Receiver.Request request = hook.next();
    assertThat(request.path()).isEqualTo("/services/T0/B0/secret");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Chime-Event")).isEqualTo("alert");
    assertThat(ChimeSignature.verify(request.header("X-Chime-Signature"), run.id(),
        request.body(), SECRET, f.clock)).isInstanceOf(ChimeSignature.Valid.class);
    JsonNode alert = JSON.readTree(request.body());
    assertThat(alert.get("text").asText()).isEqualTo("Chime: billing/sync failed after 1 attempt:"
        + " HTTP 404. Fire 2026-03-07T09:00:00Z, run " + run.id() + ". "
        + DASHBOARD + "/#/runs/" + run.id());
    assertThat(alert.get("namespace").asText()).isEqualTo(NS);
    assertThat(alert.get("schedule").asText()).isEqualTo("sync");
    assertThat(alert.get("condition").asText()).isEqualTo("failed");
    assertThat(alert.get("runId").asText()).isEqualTo(run.id());
    assertThat(alert.get("status").asText()).isEqualTo("failed");
    assertThat(alert.get("trigger").asText()).isEqualTo("schedule");
    assertThat(alert.get("fireAt").asText()).isEqualTo("2026-03-07T09:00:00Z");
    assertThat(alert.get("attempts").asInt()).isEqualTo(1);
    assertThat(alert.get("reason").asText()).isEqualTo("HTTP 404");
    assertThat(alert.get("count").asInt()).isEqualTo(1);
    assertThat(alert.get("suppressed").asInt()).isZero();
    assertThat(alert.get("failingSince").isNull()).isTrue();
    assertThat(alert.get("link").asText()).isEqualTo(DASHBOARD + "/#/runs/" + run.id());
    assertThat(alert.get("at").asText()).isEqualTo("2026-03-07T09:00:00Z");
    idle();
    assertThat(tally).containsExactly("billing failed sent");
  }

  @Test
  void theReadmesExample_hasTheFieldsOfARealAlert() throws Exception {
    startAlerts();
    f.put(schedule("sync", "0 9 * * *", null));
    f.stepAt("2026-03-07T09:00:00Z");
    JsonNode real = JSON.readTree(hook.next().body());

    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Alerts"));
    Matcher example = Pattern.compile("(?s)```json\n(.*?)```").matcher(section);
    assertThat(example.find()).as("a JSON example in the README's Alerts").isTrue();
    List<String> documented = new ArrayList<>();
    JSON.readTree(example.group(1)).fieldNames().forEachRemaining(documented::add);
    List<String> sent = new ArrayList<>();
    real.fieldNames().forEachRemaining(sent::add);
    assertThat(documented).isEqualTo(sent);
  }

  @Test
  void theSameConditionWithinTenMinutes_isHeldBack_andTheNextAlertSaysHowMany()
      throws Exception {
    startAlerts();
    f.put(schedule("sync", "* * * * *", null));

    f.stepAt("2026-03-07T09:00:00Z");
    assertThat(JSON.readTree(hook.next().body()).get("suppressed").asInt()).isZero();
    for (int minute = 1; minute <= 9; minute++) {
      f.stepAt("2026-03-07T09:0" + minute + ":00Z");
    }
    idle();
    assertThat(hook.pending()).isEmpty();

    f.stepAt("2026-03-07T09:10:00Z");
    JsonNode next = JSON.readTree(hook.next().body());
    assertThat(next.get("fireAt").asText()).isEqualTo("2026-03-07T09:10:00Z");
    assertThat(next.get("suppressed").asInt()).isEqualTo(9);
    assertThat(next.get("text").asText())
        .contains("9 more alerts like this held back since the last one.");
    idle();
    assertThat(tally).filteredOn(t -> t.endsWith("suppressed")).hasSize(9);
  }

  @Test
  void aFailingScheduleThatSucceeds_saysItRecovered_once() throws Exception {
    startAlerts();
    f.put(schedule("sync", "* * * * *", null));
    f.stepAt("2026-03-07T09:00:00Z");
    assertThat(JSON.readTree(hook.next().body()).get("condition").asText()).isEqualTo("failed");

    failWith(0);
    f.stepAt("2026-03-07T09:01:00Z");
    JsonNode recovered = JSON.readTree(hook.next().body());
    f.stepAt("2026-03-07T09:02:00Z");
    idle();

    assertThat(recovered.get("condition").asText()).isEqualTo("recovered");
    assertThat(recovered.get("status").asText()).isEqualTo("succeeded");
    assertThat(recovered.get("fireAt").asText()).isEqualTo("2026-03-07T09:01:00Z");
    assertThat(recovered.get("failingSince").asText()).isEqualTo("2026-03-07T09:00:00Z");
    assertThat(recovered.get("text").asText()).startsWith("Chime: billing/sync recovered: run ")
        .contains("succeeded (failing since 2026-03-07T09:00:00Z).");
    assertThat(hook.pending()).isEmpty();
  }

  @Test
  void theMissedFiresOfAnOutage_areOneAlert_andSkippedFiresAlertToo() throws Exception {
    startAlerts();
    f.put(schedule("sync", "*/10 * * * *", ServiceFixture.catchup(Delivery.Catchup.SKIP)));
    // Down from before 09:00 to 09:55: the fires of 09:00 to 09:50 were missed.
    f.stepAt("2026-03-07T09:55:00Z");
    JsonNode missed = JSON.readTree(hook.next().body());
    assertThat(missed.get("condition").asText()).isEqualTo("missed");
    assertThat(missed.get("count").asInt()).isEqualTo(6);
    assertThat(missed.get("fireAt").asText()).isEqualTo("2026-03-07T09:50:00Z");
    assertThat(missed.get("text").asText()).isEqualTo("Chime: billing/sync missed 6 fires, the"
        + " latest at 2026-03-07T09:50:00Z: missed while Chime was not running (catchup: skip)."
        + " " + DASHBOARD + "/#/runs/" + missed.get("runId").asText());
    f.scheduler.schedules().setPaused(NS, "sync", true);

    Delivery skipGap = new Delivery(Duration.ofSeconds(30), Delivery.DEFAULTS.retry(),
        Delivery.Concurrency.ALLOW, Delivery.Catchup.LATEST, null, null, List.of(),
        Delivery.Completion.RESPONSE, Duration.ofMinutes(5), DstGap.SKIP);
    f.put(new Schedule(NS, "nightly", TimingRule.cron("30 2 * * *"), "/internal/cron/nightly",
        ZoneId.of("America/Denver"), skipGap, "", false));

    // 02:30 does not exist in Denver on 2026-03-08; with dstGap: skip the fire is recorded skipped.
    f.stepAt("2026-03-08T09:00:00Z");
    JsonNode skipped = JSON.readTree(hook.next().body());
    assertThat(skipped.get("schedule").asText()).isEqualTo("nightly");
    assertThat(skipped.get("condition").asText()).isEqualTo("skipped");
    assertThat(skipped.get("text").asText()).startsWith("Chime: billing/nightly skipped a fire"
        + " at 2026-03-08T09:00:00Z: dst-gap: 2026-03-08 02:30 does not exist");
  }

  @Test
  void aWebhookThatFails_isTriedAFewTimes_thenGivenUp_whileTheSchedulerGoesOn()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    hook.answering((request, exchange) -> {
      release.await(5, TimeUnit.SECONDS);
      Receiver.reply(exchange, 500, "slack is down");
    });
    startAlerts();
    f.put(schedule("sync", "* * * * *", null));

    // The webhook holds the first request; the scheduler is not held with it.
    f.stepAt("2026-03-07T09:00:00Z");
    hook.next();
    f.stepAt("2026-03-07T09:01:00Z");
    assertThat(f.runs("sync")).extracting(Run::status)
        .containsExactly(RunStatus.FAILED, RunStatus.FAILED);
    release.countDown();

    hook.next();
    hook.next();
    idle();
    assertThat(hook.pending()).isEmpty();
    assertThat(tally).containsExactlyInAnyOrder("billing failed suppressed",
        "billing failed failed");
  }

  @Test
  void aWebhookOnAMetadataHost_isRefusedWhenSent() throws Exception {
    webhook(URI.create("http://metadata.google.internal:" + hook.url("").getPort() + "/x"));
    startAlerts();
    f.put(schedule("sync", "0 9 * * *", null));

    f.stepAt("2026-03-07T09:00:00Z");
    idle();

    assertThat(hook.pending()).isEmpty();
    assertThat(tally).containsExactly("billing failed failed");
  }

  @Test
  void replicasWatchingTheSameRuns_sendOneAlertBetweenThem() throws Exception {
    startAlerts();
    startAlerts();
    f.put(schedule("sync", "0 9 * * *", null));

    f.stepAt("2026-03-07T09:00:00Z");
    hook.next();
    idle();

    assertThat(hook.pending()).isEmpty();
    assertThat(tally).containsExactlyInAnyOrder("billing failed sent",
        "billing failed suppressed");
  }

  @Test
  void aNamespaceWithoutAWebhook_isNeverAlerted() throws Exception {
    f.namespace("quiet", f.receiver.url(""), null);
    startAlerts();
    f.put(new Schedule("quiet", "sync", TimingRule.cron("0 9 * * *"), "/internal/cron/sync",
        ZoneId.of("UTC"), null, "", false));

    f.stepAt("2026-03-07T09:00:00Z");
    idle();

    assertThat(hook.pending()).isEmpty();
    assertThat(tally).isEmpty();
  }

  private void startAlerts() {
    AlertConfig config = new AlertConfig(Duration.ofMinutes(10), DASHBOARD,
        AddressPolicy.standard(), Duration.ofSeconds(5),
        List.of(Duration.ofMillis(1), Duration.ofMillis(1)), 1000, Duration.ofMinutes(5));
    Alerts a = new Alerts(f.store, f.clock, config,
        (namespace, condition, result) -> tally.add(namespace + " " + condition + " " + result));
    a.start();
    f.scheduler.events().add(a);
    alerts.add(a);
  }

  private void idle() {
    for (Alerts a : alerts) {
      assertThat(a.awaitIdle(Duration.ofSeconds(10))).as("alerts still being decided").isTrue();
    }
  }

  private void webhook(URI url) {
    Namespace ns = f.store.namespaces().find(NS).orElseThrow();
    f.store.namespaces().update(ns.withAlertWebhook(url));
  }

  /** Callbacks answer this status (0: 200 for all). */
  private void failWith(int status) {
    f.receiver.answering((request, exchange) ->
        Receiver.reply(exchange, status == 0 ? 200 : status, status == 0 ? "ok" : "no"));
  }
}
