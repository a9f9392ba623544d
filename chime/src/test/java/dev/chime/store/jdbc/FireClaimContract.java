package dev.chime.store.jdbc;

import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.chime.schedule.Delivery;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.Conflict;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.RunQuery;
import dev.chime.store.Store;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Claiming due fires: one run per fire, whatever retries, duplicates or racing replicas do. */
interface FireClaimContract extends StoreFixture {
  Duration MINUTE = Duration.ofMinutes(1);

  @Test
  default void claimDueFires_makesARunPerDueSchedule_oldestFirst_andAdvancesTheirNextFire() {
    namespace("billing");
    schedule("billing", "b", T0);
    schedule("billing", "a", T0.minus(MINUTE.multipliedBy(2)));
    schedule("billing", "later", T0.plus(MINUTE));

    List<Run> runs = store().runs().claimDueFires(T0, 10, everyMinute());

    assertThat(runs).extracting(Run::schedule, Run::fireAt).containsExactly(
        tuple("a", T0.minus(MINUTE.multipliedBy(2))),
        tuple("b", T0));
    Run first = runs.getFirst();
    assertThat(first).isEqualTo(new Run(first.id(), "billing", "a", Trigger.SCHEDULE,
        T0.minus(MINUTE.multipliedBy(2)), RunStatus.PENDING, 0, "", T0,
        T0.minus(MINUTE.multipliedBy(2)), null));
    assertThat(store().runs().find(first.id())).contains(first);
    assertThat(nextFire("a")).isEqualTo(T0.minus(MINUTE));
    assertThat(nextFire("b")).isEqualTo(T0.plus(MINUTE));
    assertThat(nextFire("later")).isEqualTo(T0.plus(MINUTE));
  }

  @Test
  default void claimDueFires_takesAtMostTheLimit_earliestFirst() {
    namespace("billing");
    schedule("billing", "c", T0);
    schedule("billing", "a", T0.minus(MINUTE.multipliedBy(2)));
    schedule("billing", "b", T0.minus(MINUTE));

    assertThat(store().runs().claimDueFires(T0, 2, everyMinute()))
        .extracting(Run::schedule).containsExactly("a", "b");
    assertThat(nextFire("c")).isEqualTo(T0);
  }

  @Test
  default void claimDueFires_leavesPausedSchedulesAlone() {
    namespace("billing");
    store().schedules().create(Samples.schedule("billing", "paused").withPaused(true), T0);
    List<String> planned = new ArrayList<>();

    List<Run> runs = store().runs().claimDueFires(T0, 10, (due, inFlight, now, horizon) -> {
      planned.add(due.schedule().name());
      return everyMinute().plan(due, inFlight, now, horizon);
    });

    assertThat(runs).isEmpty();
    assertThat(planned).isEmpty();
    assertThat(nextFire("paused")).isEqualTo(T0);
  }

  @Test
  default void aFireClaimedTwice_hasOneRun() {
    namespace("billing");
    Schedule sync = schedule("billing", "sync", T0);
    assertThat(store().runs().claimDueFires(T0, 10, everyMinute())).hasSize(1);

    // The next fire is set back to the fire already claimed (a recomputation, a clock step back).
    store().schedules().put(sync, T0);
    assertThat(store().runs().claimDueFires(T0, 10, everyMinute())).isEmpty();

    assertThat(runsOf("sync")).extracting(Run::fireAt).containsExactly(T0);
    assertThat(nextFire("sync")).isEqualTo(T0.plus(MINUTE));
  }

  @Test
  default void aPlanWithTheSameFireTwice_insertsItOnce_andKeepsTheRestOfTheBatch() {
    namespace("billing");
    Schedule a = schedule("billing", "a", T0);
    Schedule b = schedule("billing", "b", T0);
    FirePlanner twice = (due, inFlight, now, horizon) -> new FirePlanner.Plan(
        List.of(fireOf(due.schedule(), T0), fireOf(due.schedule(), T0)), T0.plus(MINUTE));

    List<Run> runs = store().runs().claimDueFires(T0, 10, twice);

    assertThat(runs).extracting(Run::schedule).containsExactly("a", "b");
    assertThat(runsOf(a.name())).hasSize(1);
    assertThat(runsOf(b.name())).hasSize(1);
  }

  @Test
  default void twoReplicasRacing_planEachFireOnce_andMakeOneRunPerFire() throws Exception {
    namespace("billing");
    int schedules = 20;
    for (int i = 0; i < schedules; i++) {
      schedule("billing", String.format("s%02d", i), T0);
    }
    Store replica = openAnother();
    List<String> planned = Collections.synchronizedList(new ArrayList<>());
    FirePlanner recording = (due, inFlight, now, horizon) -> {
      planned.add(due.schedule().name() + " at " + due.nextFireAt());
      return everyMinute().plan(due, inFlight, now, horizon);
    };

    for (int round = 0; round < 3; round++) {
      Instant now = T0.plus(MINUTE.multipliedBy(round));
      CyclicBarrier start = new CyclicBarrier(2);
      Callable<List<Run>> first = () -> {
        start.await();
        return store().runs().claimDueFires(now, schedules, recording);
      };
      Callable<List<Run>> second = () -> {
        start.await();
        return replica.runs().claimDueFires(now, schedules, recording);
      };
      List<Run> claimed = bothAtOnce(first, second);

      assertThat(claimed).hasSize(schedules);
      assertThat(claimed).extracting(Run::fireAt).containsOnly(now);
    }
    assertThat(planned).as("each fire is planned once, by one replica")
        .hasSize(3 * schedules).doesNotHaveDuplicates();
    assertThat(store().runs().list("billing", new RunQuery(null, null, 500, null)).runs())
        .hasSize(3 * schedules);
  }

  @Test
  default void skippedAndMissedFires_areRecordedFinalWithTheirReason() {
    namespace("billing");
    schedule("billing", "sync", T0);
    FirePlanner overlap = (due, inFlight, now, horizon) -> new FirePlanner.Plan(
        List.of(new NewRun(newRunId(), "billing", "sync", Trigger.SCHEDULE, T0,
            RunStatus.SKIPPED, "overlap", null)),
        T0.plus(MINUTE));

    Run skipped = store().runs().claimDueFires(T0, 10, overlap).getFirst();

    assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
    assertThat(skipped.reason()).isEqualTo("overlap");
    assertThat(skipped.finishedAt()).isEqualTo(T0);
    assertThat(skipped.nextAttemptAt()).isNull();
    assertThat(store().runs().find(skipped.id())).contains(skipped);
    assertThat(store().runs().claimAttempts(T0.plus(MINUTE), "replica-a", MINUTE, 10)).isEmpty();
  }

  @Test
  default void thePlannerIsToldWhetherARunOfAForbidScheduleIsInFlight() {
    namespace("billing");
    Schedule sync = Samples.schedule("billing", "sync");
    Delivery d = Delivery.DEFAULTS;
    store().schedules().create(new Schedule(sync.namespace(), sync.name(), sync.timing(),
        sync.endpoint(), sync.zone(), new Delivery(d.timeout(), d.retry(),
            Delivery.Concurrency.FORBID, d.catchup(), null, null, List.of(), d.completion(),
            d.completionDeadline(), d.dstGap()), sync.description(), false), T0);
    List<Boolean> told = new ArrayList<>();
    FirePlanner recording = (due, inFlight, now, horizon) -> {
      told.add(inFlight);
      return everyMinute().plan(due, inFlight, now, horizon);
    };

    store().runs().claimDueFires(T0, 10, recording);
    store().runs().claimDueFires(T0.plus(MINUTE), 10, recording);
    for (ClaimedRun claim : store().runs().claimAttempts(T0.plus(MINUTE), "replica-a", MINUTE, 10)) {
      store().runs().finishAttempt(claim, new AttemptResult(
          Samples.attempt(claim.run().id(), 1, T0.plus(MINUTE), 200), RunStatus.SUCCEEDED, null,
          ""), T0.plus(MINUTE));
    }
    store().runs().claimDueFires(T0.plus(MINUTE.multipliedBy(2)), 10, recording);

    assertThat(told).containsExactly(false, true, false);
  }

  @Test
  default void aPlanWithoutANextFire_endsTheSchedule() {
    namespace("billing");
    schedule("billing", "once", T0);
    FirePlanner last = (due, inFlight, now, horizon) ->
        new FirePlanner.Plan(List.of(fireOf(due.schedule(), T0)), null);

    assertThat(store().runs().claimDueFires(T0, 10, last)).hasSize(1);

    assertThat(nextFire("once")).isNull();
    assertThat(store().schedules().earliestNextFire()).isEmpty();
    assertThat(store().runs().claimDueFires(T0.plus(Duration.ofDays(365)), 10, last)).isEmpty();
  }

  @Test
  default void aPlannerThatFails_rollsBackTheWholeClaim() {
    namespace("billing");
    schedule("billing", "a", T0.minus(MINUTE));
    schedule("billing", "b", T0);
    FirePlanner failsOnB = (due, inFlight, now, horizon) -> {
      if (due.schedule().name().equals("b")) {
        throw new IllegalStateException("planner bug");
      }
      return everyMinute().plan(due, inFlight, now, horizon);
    };

    assertThatThrownBy(() -> store().runs().claimDueFires(T0, 10, failsOnB))
        .hasMessage("planner bug");
    assertThat(runsOf("a")).isEmpty();
    assertThat(nextFire("a")).isEqualTo(T0.minus(MINUTE));
  }

  @Test
  default void aPlanThatDoesNotAdvance_isRefused() {
    namespace("billing");
    schedule("billing", "stuck", T0);
    FirePlanner stuck = (due, inFlight, now, horizon) -> new FirePlanner.Plan(List.of(), T0);

    assertThatThrownBy(() -> store().runs().claimDueFires(T0, 10, stuck))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("billing/stuck");
  }

  @Test
  default void theScheduleShowsItsLatestFireAndThatRunsStatus() {
    namespace("billing");
    schedule("billing", "sync", T0);
    Run fired = store().runs().claimDueFires(T0, 10, everyMinute()).getFirst();
    assertThat(stored("sync").lastFireAt()).isEqualTo(T0);
    assertThat(stored("sync").lastStatus()).isEqualTo(RunStatus.PENDING);

    ClaimedRun claim = store().runs().claimAttempts(T0, "replica-a", MINUTE, 10).getFirst();
    assertThat(stored("sync").lastStatus()).isEqualTo(RunStatus.RUNNING);
    store().runs().finishAttempt(claim, new AttemptResult(
        Samples.attempt(fired.id(), 1, T0, 500), RunStatus.FAILED, null, "HTTP 500"), T0);
    assertThat(stored("sync").lastStatus()).isEqualTo(RunStatus.FAILED);

    Instant asked = T0.plus(Duration.ofSeconds(30));
    manualRun("billing", "sync", asked);
    assertThat(store().schedules().list("billing")).singleElement()
        .satisfies(s -> assertThat(s.lastFireAt()).isEqualTo(asked))
        .satisfies(s -> assertThat(s.lastStatus()).isEqualTo(RunStatus.PENDING));
  }

  @Test
  default void manualRuns_areAlwaysNew_evenForTheSameInstant() {
    namespace("billing");
    Run first = manualRun("billing", "sync", T0);
    Run second = manualRun("billing", "sync", T0);

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(store().runs().find(second.id())).contains(second);
    assertThat(runsOf("sync")).hasSize(2);
  }

  @Test
  default void insert_refusesScheduleRunsAndTakenIds() {
    namespace("billing");
    Run manual = manualRun("billing", "sync", T0);

    assertThatThrownBy(() -> store().runs().insert(new NewRun(newRunId(), "billing", "sync",
            Trigger.SCHEDULE, T0, RunStatus.PENDING, "", T0), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("run.trigger schedule: ");
    assertThatThrownBy(() -> store().runs().insert(new NewRun(manual.id(), "billing", "sync",
            Trigger.MANUAL, T0, RunStatus.PENDING, "", T0), T0))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining(manual.id());
    assertThatThrownBy(() -> store().runs().insert(new NewRun(newRunId(), "billing", "sync",
            Trigger.CHAIN, T0, RunStatus.SUCCEEDED, "", T0), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run.status");
    assertThat(runsOf("sync")).containsExactly(manual);
  }

  private Instant nextFire(String schedule) {
    return stored(schedule).nextFireAt();
  }

  private StoredSchedule stored(String schedule) {
    return store().schedules().find("billing", schedule).orElseThrow();
  }

  private List<Run> runsOf(String schedule) {
    return store().runs().list("billing", new RunQuery(schedule, null, 500, null)).runs();
  }

  private static List<Run> bothAtOnce(Callable<List<Run>> first, Callable<List<Run>> second)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Run>> a = threads.submit(first);
      Future<List<Run>> b = threads.submit(second);
      List<Run> all = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
      all.addAll(b.get(30, TimeUnit.SECONDS));
      return all;
    } finally {
      threads.shutdownNow();
    }
  }
}
