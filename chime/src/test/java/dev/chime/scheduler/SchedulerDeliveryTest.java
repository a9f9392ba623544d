package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.NS;
import static dev.chime.scheduler.SchedulerFixture.SECRET;
import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.receiver.ChimeSignature;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.schedule.Trigger;
import dev.chime.testing.Receiver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fires reach the receiver as SPEC §3 describes them, at the instants of SPEC §2.5. */
class SchedulerDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  private SchedulerFixture f;

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T00:00:00Z");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void fixedTimeInDenver_firesAtTheRightInstants_acrossSpringForward() throws Exception {
    f.put(schedule("nightly", "30 2 * * *", "America/Denver",
        options().payload("{\"tenant\": \"acme\", \"limit\": 10}").build()));

    f.stepAt("2026-03-07T09:29:59Z");
    f.assertNothingSent();
    assertThat(f.runs("nightly")).isEmpty();

    f.stepAt("2026-03-07T09:30:00Z"); // 02:30 MST
    Receiver.Request first = f.next();
    Run run = f.onlyRun("nightly");
    assertCallback(first, run, "2026-03-07T09:30:00.000Z", 1, Trigger.SCHEDULE, f.clock);
    assertThat(first.bodyText()).isEqualTo("{\"schedule\":\"nightly\","
        + "\"firedAt\":\"2026-03-07T09:30:00.000Z\",\"runId\":\"" + run.id() + "\","
        + "\"attempt\":1,\"trigger\":\"schedule\","
        + "\"payload\":{\"tenant\": \"acme\", \"limit\": 10}}");
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.fireAt()).isEqualTo(Instant.parse("2026-03-07T09:30:00Z"));
    assertThat(f.attempts(run.id())).singleElement()
        .satisfies(a -> assertThat(a.statusCode()).isEqualTo(200))
        .satisfies(a -> assertThat(a.responseExcerpt()).isEqualTo("ok"));

    // 02:30 MST the next day would be 09:30Z, but 02:00-03:00 does not exist on 2026-03-08:
    // the fire moves to the end of the gap, 03:00 MDT.
    f.stepAt("2026-03-08T08:59:59Z");
    f.assertNothingSent();
    f.stepAt("2026-03-08T09:00:00Z");
    Receiver.Request springForward = f.next();
    assertThat(springForward.header("X-Fired-At")).isEqualTo("2026-03-08T09:00:00.000Z");
    f.stepAt("2026-03-08T09:30:00Z");
    f.assertNothingSent();

    f.stepAt("2026-03-09T08:29:59Z");
    f.assertNothingSent();
    f.stepAt("2026-03-09T08:30:00Z"); // 02:30 MDT
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-09T08:30:00.000Z");

    assertThat(f.runs("nightly")).extracting(r -> r.fireAt().toString() + " " + r.status().id())
        .containsExactly(
            "2026-03-07T09:30:00Z succeeded",
            "2026-03-08T09:00:00Z succeeded",
            "2026-03-09T08:30:00Z succeeded");
    f.assertNothingSent();
  }

  @Test
  void fixedTimeInDenver_firesOnce_atTheFirstPassOfTheFallBackHour() throws Exception {
    f.clock.set(Instant.parse("2026-10-31T12:00:00Z"));
    f.put(schedule("early", "30 1 * * *", "America/Denver", options().build()));

    f.stepAt("2026-11-01T07:30:00Z"); // 01:30 MDT
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-11-01T07:30:00.000Z");
    f.stepAt("2026-11-01T08:30:00Z"); // 01:30 MST, the same wall time again
    f.assertNothingSent();
    f.stepAt("2026-11-02T08:30:00Z"); // 01:30 MST the next day
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-11-02T08:30:00.000Z");
    assertThat(f.runs("early")).hasSize(2);
  }

  @Test
  void aFireIsSentOnce_howeverManyPassesFollow() throws Exception {
    f.put(schedule("quarter", "*/15 * * * *"));
    f.stepAt("2026-03-07T00:15:00Z");
    f.step();
    f.stepAt("2026-03-07T00:15:00.500Z");
    f.stepAt("2026-03-07T00:29:59.700Z"); // just before the lookahead reaches 00:30

    Receiver.Request request = f.next();
    assertThat(request.header("X-Fired-At")).isEqualTo("2026-03-07T00:15:00.000Z");
    assertThat(request.header("X-Cron-Expression")).isEqualTo("*/15 * * * *");
    f.assertNothingSent();
    assertThat(f.onlyRun("quarter").attempts()).isEqualTo(1);
  }

  @Test
  void aLateButOnTimeFire_carriesTheFireInstant_notTheSendTime() throws Exception {
    f.put(schedule("quarter", "*/15 * * * *"));
    f.stepAt("2026-03-07T00:15:42.250Z"); // within the grace period: an ordinary fire

    Receiver.Request request = f.next();
    Run run = f.onlyRun("quarter");
    assertCallback(request, run, "2026-03-07T00:15:00.000Z", 1, Trigger.SCHEDULE, f.clock);
    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE);
    assertThat(request.header("X-Chime-Signature")).startsWith("t=1772842542,"); // 00:15:42
  }

  @Test
  void aScheduleOfAnotherNamespace_goesToThatNamespacesBaseUrl_withItsHeaders()
      throws Exception {
    try (Receiver other = Receiver.start()) {
      f.store.namespaces().create(new Namespace("payroll", other.url(""),
          Namespace.Environment.SANDBOX, Map.of("X-Cron-Token", "t0ken")), "payroll-secret",
          "token-hash-of-payroll");
      f.put(new Schedule("payroll", "close", TimingRule.cron("0 1 * * *"),
          "/internal/cron/close", ZoneId.of("UTC"), null, "", false));
      f.stepAt("2026-03-07T01:00:00Z");

      Receiver.Request request = other.next();
      assertThat(request.path()).isEqualTo("/internal/cron/close");
      assertThat(request.header("X-Schedule-Name")).isEqualTo("close");
      assertThat(request.header("X-Cron-Token")).isEqualTo("t0ken");
      assertThat(ChimeSignature.verify(request.header("X-Chime-Signature"),
          request.header("X-Chime-Run-Id"), request.body(), "payroll-secret", f.clock).valid())
          .isTrue();
      f.assertNothingSent();
    }
  }

  @Test
  void anInterval_isNamedAsEvery_inXCronExpression() throws Exception {
    f.put(new Schedule(NS, "poll", TimingRule.every("10m"), "/internal/cron/poll",
        ZoneId.of("America/Denver"), null, "", false));
    f.stepAt("2026-03-07T00:10:00Z");

    Receiver.Request request = f.next();
    assertThat(request.header("X-Cron-Expression")).isEqualTo("@every 10m");
    assertThat(request.header("X-Fired-At")).isEqualTo("2026-03-07T00:10:00.000Z");
    assertThat(request.bodyText()).endsWith(",\"payload\":null}");
  }

  @Test
  void runOnce_answersWhenTheNextPassIsDue_theNextFireOrTheLongestSleep() {
    f.put(schedule("nightly", "30 2 * * *", "America/Denver", options().build()));
    f.clock.set(Instant.parse("2026-03-07T08:00:00Z"));
    assertThat(f.scheduler.runOnce()).isEqualTo(Instant.parse("2026-03-07T08:00:10Z"));
    f.clock.set(Instant.parse("2026-03-07T09:29:55Z"));
    // The lookahead (250 ms) before the fire: then it is claimed, and held until 09:30.
    assertThat(f.scheduler.runOnce()).isEqualTo(Instant.parse("2026-03-07T09:29:59.750Z"));
    f.clock.set(Instant.parse("2026-03-07T09:29:59.750Z"));
    assertThat(f.scheduler.runOnce()).isEqualTo(Instant.parse("2026-03-07T09:30:00Z"));
  }

  /**
   * The headers, body fields and signature of SPEC §3; {@code now} is the fake clock, whose time
   * the request was signed at.
   */
  static void assertCallback(Receiver.Request request, Run run, String firedAt, int attempt,
      Trigger trigger, InstantSource now) throws IOException {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/internal/cron/" + run.schedule());
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Schedule-Name")).isEqualTo(run.schedule());
    assertThat(request.header("X-Fired-At")).isEqualTo(firedAt);
    assertThat(request.header("X-Chime-Run-Id")).isEqualTo(run.id());
    assertThat(request.header("X-Chime-Attempt")).isEqualTo(Integer.toString(attempt));
    assertThat(request.header("X-Chime-Trigger")).isEqualTo(trigger.id());
    assertThat(request.header("X-Cron-Expression")).isNotBlank();
    assertThat(run.namespace()).isEqualTo(NS);
    assertThat(request.header("X-Chime-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(ChimeSignature.verify(request.header("X-Chime-Signature"),
        request.header("X-Chime-Run-Id"), request.body(), SECRET, now))
        .as("the signature verifies with the namespace's secret")
        .isEqualTo(new ChimeSignature.Valid(now.instant().truncatedTo(ChronoUnit.SECONDS)));
    assertThat(ChimeSignature.verify(request.header("X-Chime-Signature"),
        request.header("X-Chime-Run-Id"), request.body(), "another-secret", now).valid())
        .isFalse();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.fieldNames()).toIterable()
        .containsExactly("schedule", "firedAt", "runId", "attempt", "trigger", "payload");
    assertThat(body.get("schedule").asText()).isEqualTo(run.schedule());
    assertThat(body.get("firedAt").asText()).isEqualTo(firedAt);
    assertThat(body.get("runId").asText()).isEqualTo(run.id());
    assertThat(body.get("attempt").isInt()).isTrue();
    assertThat(body.get("attempt").asInt()).isEqualTo(attempt);
    assertThat(body.get("trigger").asText()).isEqualTo(trigger.id());
  }
}
