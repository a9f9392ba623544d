package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerDeliveryTest.assertCallback;
import static dev.chime.scheduler.SchedulerFixture.NS;
import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.cron.DstGap;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.StoredSchedule;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manual runs, pause and resume, chains and {@code dstGap: skip} (SPEC §2.5, §4). */
class SchedulerLifecycleTest {
  @TempDir Path folder;
  private SchedulerFixture f;

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:50:00Z");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void manualTrigger_ofAPausedSchedule_isDeliveredWithTriggerManual() throws Exception {
    f.put(schedule("report", "0 9 * * *").withPaused(true));
    f.stepAt("2026-03-07T09:00:00Z");
    f.assertNothingSent();

    f.clock.set(Instant.parse("2026-03-07T09:12:34Z"));
    Run pending = f.scheduler.schedules().trigger(NS, "report").orElseThrow();
    assertThat(pending.status()).isEqualTo(RunStatus.PENDING);
    f.step();

    Receiver.Request request = f.next();
    Run run = f.run(pending.id());
    assertCallback(request, run, "2026-03-07T09:12:34.000Z", 1, Trigger.MANUAL, f.clock);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
    // Still paused: the manual run did not bring its fires back.
    f.stepAt("2026-03-08T09:00:00Z");
    f.assertNothingSent();
    assertThat(f.runs("report")).containsExactly(run);
  }

  @Test
  void pause_stopsFires_andResume_countsFromNow() throws Exception {
    f.put(schedule("quarter", "*/15 * * * *"));
    f.stepAt("2026-03-07T09:00:00Z");
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");

    f.clock.set(Instant.parse("2026-03-07T09:05:00Z"));
    StoredSchedule paused = f.scheduler.schedules().setPaused(NS, "quarter", true).orElseThrow();
    assertThat(paused.nextFireAt()).isNull();
    f.stepAt("2026-03-07T09:15:00Z");
    f.stepAt("2026-03-07T09:30:00Z");
    f.assertNothingSent();

    f.clock.set(Instant.parse("2026-03-07T09:37:00Z"));
    StoredSchedule resumed =
        f.scheduler.schedules().setPaused(NS, "quarter", false).orElseThrow();
    assertThat(resumed.nextFireAt()).isEqualTo(Instant.parse("2026-03-07T09:45:00Z"));
    f.step(); // 09:15 and 09:30 are neither sent nor recorded missed: the pause was asked for
    f.assertNothingSent();
    f.stepAt("2026-03-07T09:45:00Z");
    assertThat(f.next().header("X-Chime-Trigger")).isEqualTo("schedule");

    assertThat(f.runs("quarter")).extracting(r -> r.fireAt() + " " + r.trigger().id() + " "
        + r.status().id()).containsExactly(
            "2026-03-07T09:00:00Z schedule succeeded",
            "2026-03-07T09:45:00Z schedule succeeded");
  }

  @Test
  void savingAgainWithTheSameTiming_keepsAFireThatIsDueButNotYetClaimed() throws Exception {
    f.put(schedule("hourly", "0 * * * *"));
    f.clock.set(Instant.parse("2026-03-07T09:00:02Z"));
    var again = schedule("hourly", "0 * * * *");
    f.put(new dev.chime.schedule.Schedule(again.namespace(), again.name(), again.timing(),
        again.endpoint(), again.zone(), again.delivery(), "now with a description", false));
    f.stepAt("2026-03-07T09:00:02Z");
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");
  }

  @Test
  void changingTheTiming_countsFromNow() throws Exception {
    f.put(schedule("hourly", "0 * * * *"));
    f.clock.set(Instant.parse("2026-03-07T09:00:02Z"));
    f.put(schedule("hourly", "30 * * * *"));
    f.stepAt("2026-03-07T09:00:02Z");
    f.assertNothingSent();
    f.stepAt("2026-03-07T09:30:00Z");
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:30:00.000Z");
  }

  @Test
  void chain_runsTheNextScheduleOnce_afterASuccess() throws Exception {
    f.put(schedule("b", "0 0 1 1 *"));
    f.put(schedule("a", "0 9 * * *", options().chain("b").build()));

    f.stepAt("2026-03-07T09:00:00Z");
    assertThat(f.next().header("X-Schedule-Name")).isEqualTo("a");
    f.step(); // the chained run was queued when a's attempt was recorded
    Receiver.Request chained = f.next();
    Run b = f.onlyRun("b");
    assertCallback(chained, b, "2026-03-07T09:00:00.000Z", 1, Trigger.CHAIN, f.clock);
    assertThat(b.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(b.trigger()).isEqualTo(Trigger.CHAIN);

    f.stepAt("2026-03-07T09:30:00Z");
    f.assertNothingSent();
    assertThat(f.runs("b")).hasSize(1);
  }

  @Test
  void chain_doesNotRun_afterAFailure() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 400, "bad"));
    f.put(schedule("b", "0 0 1 1 *"));
    f.put(schedule("a", "0 9 * * *", options().chain("b").build()));

    f.stepAt("2026-03-07T09:00:00Z");
    assertThat(f.next().header("X-Schedule-Name")).isEqualTo("a");
    assertThat(f.onlyRun("a").status()).isEqualTo(RunStatus.FAILED);
    f.step();
    f.stepAt("2026-03-07T10:00:00Z");
    f.assertNothingSent();
    assertThat(f.runs("b")).isEmpty();
  }

  @Test
  void aRetryOfADeletedSchedule_failsWithoutBeingSent() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 503, "busy"));
    f.put(schedule("gone", "0 9 * * *"));
    f.stepAt("2026-03-07T09:00:00Z");
    f.next();
    Run waiting = f.onlyRun("gone");
    assertThat(waiting.status()).isEqualTo(RunStatus.PENDING);

    assertThat(f.scheduler.schedules().delete(NS, "gone")).isTrue();
    f.stepAt(waiting.nextAttemptAt());
    f.assertNothingSent();
    Run failed = f.run(waiting.id());
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.reason()).isEqualTo("the schedule or its namespace no longer exists");
    assertThat(failed.attempts()).isEqualTo(2);
  }

  @Test
  void dstGapSkip_recordsASkippedRunOnTheSpringForwardDay_andSendsNothing() throws Exception {
    f.put(schedule("nightly", "30 2 * * *", "America/Denver",
        options().dstGap(DstGap.SKIP).build()));

    f.stepAt("2026-03-07T09:30:00Z"); // 02:30 MST
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:30:00.000Z");

    f.stepAt("2026-03-08T09:00:00Z"); // 02:30 does not exist in Denver on 2026-03-08
    f.stepAt("2026-03-08T09:30:00Z");
    f.assertNothingSent();

    f.stepAt("2026-03-09T08:30:00Z"); // 02:30 MDT
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-09T08:30:00.000Z");

    assertThat(f.runs("nightly")).extracting(r -> r.fireAt() + " " + r.status().id())
        .containsExactly(
            "2026-03-07T09:30:00Z succeeded",
            "2026-03-08T09:00:00Z skipped",
            "2026-03-09T08:30:00Z succeeded");
    Run skipped = f.runs("nightly").get(1);
    assertThat(skipped.reason())
        .isEqualTo("dst-gap: 2026-03-08 02:30 does not exist in America/Denver (dstGap: skip)");
    assertThat(skipped.attempts()).isZero();
    assertThat(skipped.trigger()).isEqualTo(Trigger.SCHEDULE);
    assertThat(f.attempts(skipped.id())).isEmpty();
  }
}
