package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Delivery;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What observers are told (metrics, logs and alerts rest on it): every run created, every
 * attempt recorded, and every final status, however it was reached — once, in order.
 */
class SchedulerEventsTest {
  @TempDir Path folder;
  private SchedulerFixture f;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:00:00Z");
    f.scheduler.events().add(events::add);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aFireThatSucceeds_isCreated_attempted_andFinished() throws Exception {
    f.put(schedule("sync", "0 9 * * *"));

    f.stepAt("2026-03-07T09:00:00Z");
    f.next();

    Run run = f.onlyRun("sync");
    assertThat(events).extracting(SchedulerEventsTest::describe).containsExactly(
        "created sync schedule pending",
        "attempt 1 of sync: succeeded",
        "finished sync succeeded after 1");
    assertThat(events).allSatisfy(e -> assertThat(e.run().id()).isEqualTo(run.id()));
    RunEvent.AttemptEnded attempt = (RunEvent.AttemptEnded) events.get(1);
    assertThat(attempt.attempt().statusCode()).isEqualTo(200);
    assertThat(attempt.run().fireAt()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
    assertThat(((RunEvent.Finished) events.get(2)).lastAttempt()).isEqualTo(attempt.attempt());
  }

  @Test
  void aRetriedRun_reportsEachAttempt_andFinishesOnce() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 503, "busy"));
    f.put(schedule("sync", "0 9 * * *", options()
        .retry(2, Duration.ofSeconds(1), Duration.ofSeconds(1)).build()));

    f.stepAt("2026-03-07T09:00:00Z");
    f.next();
    f.stepAt("2026-03-07T09:00:05Z");
    f.next();

    assertThat(events).extracting(SchedulerEventsTest::describe).containsExactly(
        "created sync schedule pending",
        "attempt 1 of sync: pending",
        "attempt 2 of sync: failed",
        "finished sync failed after 2");
  }

  @Test
  void firesMissedWhileDown_areCreatedFinal_andFinishedAtOnce() {
    f.put(schedule("sync", "0 * * * *", options().catchup(Delivery.Catchup.SKIP).build()));

    f.stepAt("2026-03-07T11:30:00Z");

    assertThat(events).extracting(SchedulerEventsTest::describe).containsExactly(
        "created sync catchup missed", "finished sync missed after 0",
        "created sync catchup missed", "finished sync missed after 0",
        "created sync catchup missed", "finished sync missed after 0");
  }

  @Test
  void manualRuns_andReportedCompletions_andCallbackDeadlines_areToldToo() throws Exception {
    f.put(schedule("export", "0 9 * * *", options().callback(Duration.ofMinutes(10)).build()));
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 202, "accepted"));

    String reported = f.scheduler.schedules().trigger(SchedulerFixture.NS, "export")
        .orElseThrow().id();
    f.step();
    f.next();
    assertThat(f.scheduler.schedules().complete(reported, RunStatus.FAILED, "disk full"))
        .isTrue();
    f.stepAt("2026-03-07T09:00:00Z");
    f.next();
    f.stepAt("2026-03-07T09:10:01Z");

    assertThat(events).extracting(SchedulerEventsTest::describe).containsExactly(
        "created export manual pending",
        "attempt 1 of export: running",
        "finished export failed after 1",
        "created export schedule pending",
        "attempt 1 of export: running",
        "finished export timed_out after 1");
    assertThat(events.get(2).run().reason()).isEqualTo("disk full");
  }

  private static String describe(RunEvent event) {
    Run run = event.run();
    return switch (event) {
      case RunEvent.Created c -> "created " + run.schedule() + " " + run.trigger().id() + " "
          + run.status().id();
      case RunEvent.AttemptEnded a -> "attempt " + a.attempt().number() + " of " + run.schedule()
          + ": " + run.status().id();
      case RunEvent.Finished done -> "finished " + run.schedule() + " " + run.status().id()
          + " after " + run.attempts();
    };
  }
}
