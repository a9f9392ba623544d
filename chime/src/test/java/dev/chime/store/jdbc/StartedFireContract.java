package dev.chime.store.jdbc;

import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedFires;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FinishedAttempt;
import dev.chime.store.FireClaim;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.RunStore;
import dev.chime.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Claims that start first attempts and claim ahead of the fire instant, outcomes recorded in
 * groups, and fires withdrawn before they were sent.
 */
interface StartedFireContract extends StoreFixture {
  Duration LEASE = Duration.ofSeconds(30);
  Duration MINUTE = Duration.ofMinutes(1);

  @Test
  default void aClaimThatStartsRuns_insertsThemRunningUnderItsLease_asAClaimOfAttemptsWould() {
    namespace("billing");
    schedule("billing", "a", T0);
    schedule("billing", "b", T0.minus(MINUTE));

    ClaimedFires claimed = runs().claimDueFires(
        new FireClaim(T0, T0, 10, 10, "replica-a", LEASE), everyMinute());

    assertThat(claimed.schedules()).isEqualTo(2);
    assertThat(claimed.started()).extracting(s -> s.claim().run().schedule())
        .containsExactly("b", "a");
    ClaimedFires.Started b = claimed.started().getFirst();
    Run running = new Run(b.claim().run().id(), "billing", "b", Trigger.SCHEDULE,
        T0.minus(MINUTE), RunStatus.RUNNING, 1, "", T0, null, null);
    assertThat(b.claim()).isEqualTo(new ClaimedRun(running, "replica-a", 1, T0.plus(LEASE)));
    assertThat(b.schedule()).isEqualTo(Samples.schedule("billing", "b"));
    assertThat(claimed.inserted()).contains(running);
    assertThat(runs().find(running.id())).contains(running);
    // Held by the lease: not claimable until it expires, then as attempt 2 of the same run.
    assertThat(runs().claimAttempts(T0.plus(LEASE).minusMillis(1), "replica-b", LEASE, 10))
        .isEmpty();
    assertThat(runs().claimAttempts(T0.plus(LEASE), "replica-b", LEASE, 10)).hasSize(2)
        .allSatisfy(c -> assertThat(c.attempt()).isEqualTo(2))
        .allSatisfy(c -> assertThat(c.epoch()).isEqualTo(2));
  }

  @Test
  default void aClaimStartsAtMostItsStarts_oldestFiresFirst_andLeavesTheRestPending() {
    namespace("billing");
    schedule("billing", "sync", T0);
    List<Instant> fires = List.of(T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofHours(3)),
        T0.minus(Duration.ofHours(2)));
    FirePlanner catchUp = (due, inFlight, now, horizon) -> new FirePlanner.Plan(
        fires.stream().map(at -> new NewRun(newRunId(), "billing", "sync", Trigger.CATCHUP, at,
            RunStatus.PENDING, "", now)).toList(), T0.plus(MINUTE));

    ClaimedFires claimed = runs().claimDueFires(
        new FireClaim(T0, T0, 10, 2, "replica-a", LEASE), catchUp);

    assertThat(claimed.started()).extracting(s -> s.claim().run().fireAt())
        .containsExactly(T0.minus(Duration.ofHours(3)), T0.minus(Duration.ofHours(2)));
    assertThat(runs().claimAttempts(T0, "replica-a", LEASE, 10)).singleElement()
        .satisfies(c -> assertThat(c.run().fireAt()).isEqualTo(T0.minus(Duration.ofHours(1))));
    // The schedule shows its latest fire, whichever order the plan gave.
    assertThat(store().schedules().find("billing", "sync").orElseThrow().lastFireAt())
        .isEqualTo(T0.minus(Duration.ofHours(1)));
  }

  @Test
  default void aClaimUpToAHorizon_takesFiresAheadOfTheirInstant_andNoLaterOnes() {
    namespace("billing");
    Instant soon = T0.plusMillis(200);
    schedule("billing", "soon", soon);
    schedule("billing", "later", T0.plusMillis(300));
    List<String> told = new ArrayList<>();
    FirePlanner recording = (due, inFlight, now, horizon) -> {
      told.add(due.schedule().name() + " now " + now + " horizon " + horizon);
      return everyMinute().plan(due, inFlight, now, horizon);
    };

    ClaimedFires claimed = runs().claimDueFires(
        new FireClaim(T0, T0.plusMillis(250), 10, 10, "replica-a", LEASE), recording);

    assertThat(told).containsExactly("soon now " + T0 + " horizon " + T0.plusMillis(250));
    assertThat(claimed.started()).singleElement()
        .satisfies(s -> assertThat(s.claim().run().fireAt()).isEqualTo(soon))
        .satisfies(s -> assertThat(s.claim().leaseExpiresAt()).isEqualTo(T0.plus(LEASE)));
    assertThat(claimed.schedules()).isEqualTo(1);
  }

  @Test
  default void twoReplicasStartingFires_startEachFireOnce() throws Exception {
    namespace("billing");
    int schedules = 30;
    for (int i = 0; i < schedules; i++) {
      schedule("billing", String.format("s%02d", i), T0);
    }
    Store replica = openAnother();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<ClaimedFires>> claims = new ArrayList<>();
      for (Store store : List.of(store(), replica)) {
        claims.add(threads.submit(() -> {
          together.await();
          List<ClaimedFires.Started> started = new ArrayList<>();
          ClaimedFires claimed;
          do { // in batches of 4, as a scheduler with little room would
            claimed = store.runs().claimDueFires(
                new FireClaim(T0, T0, 4, 4, "replica-" + store.hashCode(), LEASE),
                everyMinute());
            started.addAll(claimed.started());
          } while (claimed.schedules() == 4);
          return new ClaimedFires(0, List.of(), started);
        }));
      }
      List<String> started = new ArrayList<>();
      for (Future<ClaimedFires> claim : claims) {
        claim.get(30, TimeUnit.SECONDS).started()
            .forEach(s -> started.add(s.claim().run().schedule()));
      }
      assertThat(started).hasSize(schedules).doesNotHaveDuplicates();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  default void finishAttempts_recordsEachOutcome_andPassesOverRunsTakenOver() {
    namespace("billing");
    Run first = manualRun("billing", "a", T0);
    Run second = manualRun("billing", "b", T0);
    Run third = manualRun("billing", "c", T0);
    List<ClaimedRun> claims = runs().claimAttempts(T0, "replica-a", LEASE, 10);
    Instant later = T0.plus(LEASE).plusSeconds(1);
    runs().renewLeases(List.of(claims.get(0), claims.get(2)), later.plus(LEASE));
    ClaimedRun takenOver = runs().claimAttempts(later, "replica-b", LEASE, 10).getFirst();
    assertThat(takenOver.run().id()).isEqualTo(second.id());
    Instant done = T0.plusSeconds(2);
    Instant retryAt = T0.plusSeconds(9);
    Attempt retried = Samples.attempt(third.id(), 1, T0, 503);

    boolean[] recorded = runs().finishAttempts(List.of(
        new FinishedAttempt(claims.get(0), succeeded(claims.get(0), T0)),
        new FinishedAttempt(claims.get(1), succeeded(claims.get(1), T0)),
        new FinishedAttempt(claims.get(2),
            new AttemptResult(retried, RunStatus.PENDING, retryAt, "HTTP 503"))), done);

    assertThat(recorded).containsExactly(true, false, true);
    assertThat(runs().find(first.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(runs().find(first.id()).orElseThrow().finishedAt()).isEqualTo(done);
    assertThat(runs().find(second.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(runs().attempts(second.id())).isEmpty();
    assertThat(runs().find(third.id())).contains(new Run(third.id(), "billing", "c",
        Trigger.MANUAL, T0, RunStatus.PENDING, 1, "HTTP 503", T0, retryAt, null));
    assertThat(runs().attempts(third.id())).containsExactly(retried);
    assertThat(runs().finishAttempts(List.of(), done)).isEmpty();
  }

  @Test
  default void skipUnsent_endsARunClaimedAhead_skipped_withoutCountingItsAttempt() {
    namespace("billing");
    schedule("billing", "sync", T0.plusMillis(200));
    ClaimedRun ahead = runs().claimDueFires(
        new FireClaim(T0, T0.plusMillis(250), 10, 10, "replica-a", LEASE), everyMinute())
        .started().getFirst().claim();
    Instant paused = T0.plusMillis(100);

    assertThat(runs().skipUnsent(ahead, "the schedule was paused", paused)).isTrue();
    assertThat(runs().skipUnsent(ahead, "again", paused)).isFalse();

    assertThat(runs().find(ahead.run().id())).contains(new Run(ahead.run().id(), "billing",
        "sync", Trigger.SCHEDULE, T0.plusMillis(200), RunStatus.SKIPPED, 0,
        "the schedule was paused", T0, null, paused));
    assertThat(runs().attempts(ahead.run().id())).isEmpty();
    assertThat(runs().earliestWork()).isEmpty();
  }

  @Test
  default void release_ofARunClaimedAhead_makesItDueAtItsFireInstant() {
    namespace("billing");
    Instant fire = T0.plusMillis(200);
    schedule("billing", "sync", fire);
    ClaimedRun ahead = runs().claimDueFires(
        new FireClaim(T0, T0.plusMillis(250), 10, 10, "replica-a", LEASE), everyMinute())
        .started().getFirst().claim();

    assertThat(runs().release(ahead, fire)).isTrue();

    assertThat(runs().claimAttempts(fire.minusMillis(1), "replica-b", LEASE, 10)).isEmpty();
    assertThat(runs().claimAttempts(fire, "replica-b", LEASE, 10)).singleElement()
        .satisfies(c -> assertThat(c.run().id()).isEqualTo(ahead.run().id()));
  }

  private RunStore runs() {
    return store().runs();
  }

  private static AttemptResult succeeded(ClaimedRun claim, Instant at) {
    return new AttemptResult(Samples.attempt(claim.run().id(), claim.attempt(), at, 200),
        RunStatus.SUCCEEDED, null, "");
  }
}
