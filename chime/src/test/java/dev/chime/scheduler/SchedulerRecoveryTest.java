package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerDeliveryTest.assertCallback;
import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that outlive one attempt: {@code completion: callback} (SPEC §3.1) and leases taken over
 * from a dead replica (SPEC §4).
 */
class SchedulerRecoveryTest {
  private static final String FIRE = "2026-03-07T09:00:00Z";

  @TempDir Path folder;
  private SchedulerFixture f;

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:59:00Z");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void callback_202LeavesTheRunRunning_untilTheServiceCompletesIt() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 202, "started"));
    f.put(schedule("export", "0 9 * * *", options().callback(Duration.ofMinutes(10)).build()));

    f.stepAt(FIRE);
    f.next();
    Run accepted = f.onlyRun("export");
    assertThat(accepted.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(accepted.finishedAt()).isNull();
    assertThat(f.attempts(accepted.id())).singleElement()
        .satisfies(a -> assertThat(a.statusCode()).isEqualTo(202));

    f.stepAt("2026-03-07T09:05:00Z"); // within the deadline: nothing happens
    assertThat(f.run(accepted.id()).status()).isEqualTo(RunStatus.RUNNING);

    f.clock.set(Instant.parse("2026-03-07T09:07:00Z"));
    assertThat(f.store.runs().complete(accepted.id(), RunStatus.SUCCEEDED, "exported 3 files",
        f.clock.instant())).isTrue();
    Run done = f.run(accepted.id());
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-03-07T09:07:00Z"));

    f.stepAt("2026-03-07T09:20:00Z"); // past the deadline: it stays succeeded
    assertThat(f.run(accepted.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    f.assertNothingSent();
    assertThat(f.attempts(accepted.id())).hasSize(1);
  }

  @Test
  void callback_notCompletedBeforeTheDeadline_becomesTimedOut() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 202, "started"));
    f.put(schedule("export", "0 9 * * *", options().callback(Duration.ofMinutes(10)).build()));

    f.stepAt(FIRE);
    f.next();
    String id = f.onlyRun("export").id();

    f.stepAt("2026-03-07T09:10:00Z"); // the deadline itself: still running
    assertThat(f.run(id).status()).isEqualTo(RunStatus.RUNNING);
    f.stepAt("2026-03-07T09:10:00.001Z");
    Run timedOut = f.run(id);
    assertThat(timedOut.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(timedOut.reason()).isEqualTo("no completion callback before the deadline");
    assertThat(timedOut.finishedAt()).isEqualTo(Instant.parse("2026-03-07T09:10:00.001Z"));
    f.assertNothingSent();

    // Too late to complete now.
    assertThat(f.store.runs().complete(id, RunStatus.SUCCEEDED, "", f.clock.instant()))
        .isFalse();
    assertThat(f.run(id).status()).isEqualTo(RunStatus.TIMED_OUT);
  }

  @Test
  void callback_completedAsSucceeded_runsTheChain_andAsFailed_doesNot() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 202, "started"));
    f.put(schedule("b", "0 0 1 1 *"));
    f.put(schedule("a", "0 9 * * *", options().callback(Duration.ofMinutes(10)).chain("b")
        .build()));

    f.stepAt(FIRE);
    assertThat(f.next().header("X-Schedule-Name")).isEqualTo("a");
    f.step();
    f.assertNothingSent(); // a is running, not succeeded: no chain yet

    f.clock.set(Instant.parse("2026-03-07T09:04:00Z"));
    assertThat(f.scheduler.schedules().complete(f.onlyRun("a").id(), RunStatus.SUCCEEDED,
        "exported")).isTrue();
    f.step();
    Receiver.Request chained = f.next();
    assertThat(chained.header("X-Schedule-Name")).isEqualTo("b");
    assertThat(chained.header("X-Chime-Trigger")).isEqualTo("chain");
    assertThat(f.onlyRun("a").status()).isEqualTo(RunStatus.SUCCEEDED);

    f.stepAt("2026-03-08T09:00:00Z");
    assertThat(f.next().header("X-Schedule-Name")).isEqualTo("a");
    String second = f.runs("a").getLast().id();
    assertThat(f.scheduler.schedules().complete(second, RunStatus.FAILED, "disk full")).isTrue();
    f.step();
    f.assertNothingSent();
    assertThat(f.run(second).reason()).isEqualTo("disk full");
    assertThat(f.runs("b")).hasSize(1);
  }

  @Test
  void callback_a200_stillEndsTheRunAtOnce() throws Exception {
    f.put(schedule("export", "0 9 * * *", options().callback(Duration.ofMinutes(10)).build()));
    f.stepAt(FIRE);
    f.next();
    assertThat(f.onlyRun("export").status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aRunClaimedByADeadOwner_isResumedAfterTheLeaseExpires_withTheNextAttempt()
      throws Exception {
    f.put(schedule("sync", "0 9 * * *"));
    f.clock.set(Instant.parse(FIRE));
    // Another replica claims the fire and its first attempt, then dies without a word.
    Run fire = f.store.runs().claimDueFires(f.clock.instant(), 10,
        new FirePlanning(Duration.ofSeconds(60), () -> UUID.randomUUID().toString())).getFirst();
    List<ClaimedRun> dead = f.store.runs().claimAttempts(f.clock.instant(), "dead-owner",
        Duration.ofSeconds(60), 10);
    assertThat(dead).singleElement().satisfies(c -> assertThat(c.attempt()).isEqualTo(1));

    f.step(); // the lease holds: not ours to send
    f.stepAt("2026-03-07T09:00:59.999Z");
    f.assertNothingSent();
    assertThat(f.run(fire.id()).attempts()).isEqualTo(1);

    f.stepAt("2026-03-07T09:01:00Z"); // the lease expired
    Receiver.Request request = f.next();
    Run resumed = f.run(fire.id());
    assertCallback(request, resumed, "2026-03-07T09:00:00.000Z", 2, Trigger.SCHEDULE, f.clock);
    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(resumed.attempts()).isEqualTo(2);
    // The dead owner's attempt left no record; ours is number 2.
    assertThat(f.attempts(fire.id())).extracting(Attempt::number).containsExactly(2);

    // The dead owner wakes up: its claim no longer holds the run.
    assertThat(f.store.runs().finishAttempt(dead.getFirst(), new AttemptResult(
        new Attempt(fire.id(), 1, Instant.parse(FIRE), Duration.ofSeconds(61), 500, "HTTP 500",
            ""), RunStatus.FAILED, null, "HTTP 500"), f.clock.instant())).isFalse();
    assertThat(f.run(fire.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    f.stepAt("2026-03-07T09:05:00Z");
    f.assertNothingSent();
  }

  @Test
  void ourOwnLease_isRenewedWhileTheAttemptRuns_soNoOneElseTakesTheRun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    f.receiver.answering((request, exchange) -> {
      release.await(10, TimeUnit.SECONDS);
      Receiver.reply(exchange, 200, "ok");
    });
    try {
      f.put(schedule("long", "0 9 * * *"));
      f.clock.set(Instant.parse(FIRE));
      f.scheduler.runOnce();
      f.next();

      // Minutes pass on the fake clock while the request is held; the loop keeps passing.
      for (int minute = 1; minute <= 5; minute++) {
        f.clock.set(Instant.parse(FIRE).plus(Duration.ofSeconds(50L * minute)));
        f.scheduler.runOnce();
        assertThat(f.store.runs().claimAttempts(f.clock.instant(), "other-replica",
            Duration.ofSeconds(60), 10)).as("claimed by another replica").isEmpty();
      }
    } finally {
      release.countDown();
    }
    assertThat(f.scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
    Run run = f.onlyRun("long");
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.attempts()).isEqualTo(1);
    f.assertNothingSent();
  }
}
