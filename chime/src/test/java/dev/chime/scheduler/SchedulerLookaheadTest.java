package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerDeliveryTest.assertCallback;
import static dev.chime.scheduler.SchedulerFixture.NS;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fires claimed ahead of their instant (the lookahead, 250 ms by default): held until the
 * instant, never sent before it, and checked again when their schedule changes in between.
 */
class SchedulerLookaheadTest {
  private static final String BEFORE = "2026-03-07T08:59:59.800Z"; // within 250 ms of 09:00
  private static final String JUST_BEFORE = "2026-03-07T08:59:59.999Z";
  private static final String AT = "2026-03-07T09:00:00Z";

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
  void aFireClaimedAhead_leavesAtItsInstant_neverBefore() throws Exception {
    f.put(schedule("report", "0 9 * * *"));

    f.stepAt(BEFORE);
    Run held = f.onlyRun("report");
    assertThat(held.status()).isEqualTo(RunStatus.RUNNING); // claimed, its attempt leased
    assertThat(held.fireAt()).isEqualTo(Instant.parse(AT));
    f.stepAt(JUST_BEFORE);
    f.assertNothingSent();

    f.stepAt(AT);
    Receiver.Request request = f.next();
    Run run = f.run(held.id());
    assertCallback(request, run, "2026-03-07T09:00:00.000Z", 1, Trigger.SCHEDULE, f.clock);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.attempts(run.id())).singleElement()
        .satisfies(a -> assertThat(a.startedAt()).isEqualTo(Instant.parse(AT)));
  }

  @Test
  void aFireClaimedAhead_ofASchedulePausedBeforeItsInstant_isNotSent_andIsRecordedSkipped()
      throws Exception {
    f.put(schedule("report", "0 9 * * *"));
    f.stepAt(BEFORE);

    f.clock.set(Instant.parse("2026-03-07T08:59:59.900Z"));
    f.scheduler.schedules().setPaused(NS, "report", true);
    f.stepAt(AT);

    f.assertNothingSent();
    Run skipped = f.onlyRun("report");
    assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
    assertThat(skipped.reason()).isEqualTo("the schedule was paused before the fire instant");
    assertThat(skipped.attempts()).isZero();
    assertThat(f.attempts(skipped.id())).isEmpty();

    f.clock.set(Instant.parse("2026-03-08T08:00:00Z"));
    f.scheduler.schedules().setPaused(NS, "report", false);
    f.stepAt("2026-03-08T09:00:00Z");
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-08T09:00:00.000Z");
  }

  @Test
  void aFireClaimedAhead_ofAScheduleDeletedBeforeItsInstant_isNotSent() {
    f.put(schedule("report", "0 9 * * *"));
    f.stepAt(BEFORE);
    String id = f.onlyRun("report").id();

    f.scheduler.schedules().delete(NS, "report");
    f.stepAt(AT);

    f.assertNothingSent();
    assertThat(f.run(id).status()).isEqualTo(RunStatus.SKIPPED);
    assertThat(f.run(id).reason()).isEqualTo("the schedule was deleted before the fire instant");
  }

  @Test
  void aFireClaimedAhead_whoseTimingChangedBeforeItsInstant_isNotSent_andTheNewTimingFires()
      throws Exception {
    f.put(schedule("report", "0 9 * * *"));
    f.stepAt(BEFORE);

    f.put(schedule("report", "30 9 * * *"));
    f.stepAt(AT);
    f.assertNothingSent();
    f.stepAt("2026-03-07T09:30:00Z");

    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:30:00.000Z");
    assertThat(f.runs("report")).extracting(r -> r.fireAt() + " " + r.status().id())
        .containsExactly("2026-03-07T09:00:00Z skipped", "2026-03-07T09:30:00Z succeeded");
    assertThat(f.runs("report").getFirst().reason())
        .isEqualTo("the schedule's timing changed before the fire instant");
  }

  @Test
  void aFireClaimedAhead_ofAScheduleEditedBeforeItsInstant_leavesWithTheEdit() throws Exception {
    f.put(schedule("report", "0 9 * * *"));
    f.stepAt(BEFORE);

    Schedule old = schedule("report", "0 9 * * *");
    f.put(new Schedule(NS, "report", old.timing(), "/internal/cron/report-v2", old.zone(),
        old.delivery(), "moved", false));
    f.stepAt(AT);

    Receiver.Request request = f.next();
    assertThat(request.path()).isEqualTo("/internal/cron/report-v2");
    assertThat(request.header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");
    assertThat(f.onlyRun("report").status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void close_handsAFireHeldForItsInstant_back_dueAtThatInstant() {
    f.put(schedule("report", "0 9 * * *"));
    f.stepAt(BEFORE);

    f.scheduler.close();

    f.assertNothingSent();
    Run handedBack = f.onlyRun("report");
    assertThat(handedBack.status()).isEqualTo(RunStatus.PENDING);
    assertThat(handedBack.nextAttemptAt()).isEqualTo(Instant.parse(AT));
  }
}
