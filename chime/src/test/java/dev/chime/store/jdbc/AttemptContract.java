package dev.chime.store.jdbc;

import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attempts under leases: claimed once, finished only by the current claim, callbacks awaited. */
interface AttemptContract extends StoreFixture {
  Duration LEASE = Duration.ofSeconds(30);

  @Test
  default void claimAttempts_takesDueRunsOldestFirst_underANewLease() {
    namespace("billing");
    Run recent = manualRun("billing", "sync", T0.minus(Duration.ofMinutes(1)));
    Run oldest = manualRun("billing", "sync", T0.minus(Duration.ofMinutes(2)));
    manualRun("billing", "sync", T0.plus(Duration.ofMinutes(1)));

    List<ClaimedRun> claims = runs().claimAttempts(T0, "replica-a", LEASE, 10);

    assertThat(claims).extracting(c -> c.run().id()).containsExactly(oldest.id(), recent.id());
    ClaimedRun claim = claims.getFirst();
    Run running = new Run(oldest.id(), "billing", "sync", oldest.trigger(), oldest.fireAt(),
        RunStatus.RUNNING, 1, "", oldest.createdAt(), null, null);
    assertThat(claim).isEqualTo(new ClaimedRun(running, "replica-a", 1, T0.plus(LEASE)));
    assertThat(claim.attempt()).isEqualTo(1);
    assertThat(runs().find(oldest.id())).contains(running);
  }

  @Test
  default void claimAttempts_takesRunsDueTogether_oldestFireFirst_whateverTheirIds() {
    namespace("billing");
    schedule("billing", "sync", T0);
    // Ids increase as they are made, so here the newest fire gets the smallest id.
    List<Instant> fires = List.of(T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofHours(2)),
        T0.minus(Duration.ofHours(3)));
    runs().claimDueFires(T0, 10, (due, inFlight, now, horizon) -> new FirePlanner.Plan(
        fires.stream().map(at -> new NewRun(newRunId(), "billing", "sync", Trigger.CATCHUP, at,
            RunStatus.PENDING, "", now)).toList(),
        T0.plus(Duration.ofHours(1))));

    assertThat(runs().claimAttempts(T0, "replica-a", LEASE, 10))
        .extracting(c -> c.run().fireAt())
        .containsExactlyElementsOf(fires.reversed());
  }

  @Test
  default void claimAttempts_takesAtMostTheLimit_andNothingWhileTheLeasesHold() {
    namespace("billing");
    manualRun("billing", "sync", T0);
    manualRun("billing", "sync", T0);
    manualRun("billing", "sync", T0);

    assertThat(runs().claimAttempts(T0, "replica-a", LEASE, 2)).hasSize(2);
    assertThat(runs().claimAttempts(T0, "replica-b", LEASE, 10)).hasSize(1);
    assertThat(runs().claimAttempts(T0.plus(LEASE).minusMillis(1), "replica-b", LEASE, 10))
        .isEmpty();
  }

  @Test
  default void anExpiredLease_isClaimedAgain_withTheNextAttemptOfTheSameRun() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun dead = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();

    Instant afterExpiry = T0.plus(LEASE).plusSeconds(1);
    ClaimedRun resumed = runs().claimAttempts(afterExpiry, "replica-b", LEASE, 10).getFirst();

    assertThat(resumed.run().id()).isEqualTo(run.id());
    assertThat(resumed.attempt()).isEqualTo(2);
    assertThat(resumed.epoch()).isEqualTo(dead.epoch() + 1);
    assertThat(resumed.leaseExpiresAt()).isEqualTo(afterExpiry.plus(LEASE));
  }

  @Test
  default void aStaleClaim_cannotFinish_renewOrRelease_andWritesNothing() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun stale = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Instant later = T0.plus(LEASE).plusSeconds(1);
    ClaimedRun current = runs().claimAttempts(later, "replica-b", LEASE, 10).getFirst();

    assertThat(runs().finishAttempt(stale, succeeded(stale, later), later)).isFalse();
    assertThat(runs().renewLeases(List.of(stale), later.plus(Duration.ofHours(1)))).isZero();
    assertThat(runs().release(stale, later)).isFalse();
    assertThat(runs().attempts(run.id())).isEmpty();
    assertThat(runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    assertThat(runs().finishAttempt(current, succeeded(current, later), later)).isTrue();
    assertThat(runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(runs().attempts(run.id())).extracting(Attempt::number).containsExactly(2);
  }

  @Test
  default void finishAttempt_withARetry_recordsTheAttempt_andMakesTheRunDueAgain() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Attempt attempt = new Attempt(run.id(), 1, T0, Duration.ofMillis(1500), 503,
        "", "upstream unavailable");
    Instant retryAt = T0.plusSeconds(5);

    assertThat(runs().finishAttempt(claim,
        new AttemptResult(attempt, RunStatus.PENDING, retryAt, "HTTP 503"), T0.plusSeconds(2)))
        .isTrue();

    assertThat(runs().attempts(run.id())).containsExactly(attempt);
    assertThat(runs().find(run.id())).contains(new Run(run.id(), "billing", "sync",
        run.trigger(), T0, RunStatus.PENDING, 1, "HTTP 503", T0, retryAt, null));
    assertThat(runs().claimAttempts(retryAt.minusMillis(1), "replica-a", LEASE, 10)).isEmpty();
    assertThat(runs().claimAttempts(retryAt, "replica-a", LEASE, 10)).singleElement()
        .satisfies(next -> assertThat(next.attempt()).isEqualTo(2));
  }

  @Test
  default void finishAttempt_withAFinalStatus_endsTheRun_once() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Instant done = T0.plusSeconds(1);
    AttemptResult failed = new AttemptResult(Samples.attempt(run.id(), 1, T0, 404),
        RunStatus.FAILED, null, "HTTP 404: not retried");

    assertThat(runs().finishAttempt(claim, failed, done)).isTrue();
    assertThat(runs().finishAttempt(claim, failed, done)).isFalse();

    assertThat(runs().find(run.id())).contains(new Run(run.id(), "billing", "sync",
        run.trigger(), T0, RunStatus.FAILED, 1, "HTTP 404: not retried", T0, null, done));
    assertThat(runs().attempts(run.id())).hasSize(1);
    assertThat(runs().claimAttempts(T0.plus(Duration.ofDays(1)), "replica-a", LEASE, 10))
        .isEmpty();
  }

  @Test
  default void finishAttempt_refusesAResultThatIsNotTheClaimsAttempt() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();

    assertThatThrownBy(() -> runs().finishAttempt(claim, new AttemptResult(
            Samples.attempt(run.id(), 2, T0, 200), RunStatus.SUCCEEDED, null, ""), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result.attempt");
    assertThatThrownBy(() -> runs().finishAttempt(claim, new AttemptResult(
            Samples.attempt(run.id(), 1, T0, 503), RunStatus.PENDING, null, "HTTP 503"), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result.nextAttemptAt");
    assertThat(runs().attempts(run.id())).isEmpty();
  }

  @Test
  default void aCallbackRun_awaitsItsReport_withoutBeingClaimedAgain_andCompletesOnce() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Instant deadline = T0.plus(Duration.ofMinutes(10));
    runs().finishAttempt(claim, new AttemptResult(Samples.attempt(run.id(), 1, T0, 202),
        RunStatus.RUNNING, deadline, ""), T0);

    assertThat(runs().claimAttempts(deadline.minusSeconds(1), "replica-b", LEASE, 10)).isEmpty();
    assertThat(runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(runs().inFlight("billing", "sync")).isTrue();
    assertThat(runs().earliestWork()).contains(deadline);

    Instant reported = T0.plus(Duration.ofMinutes(4));
    assertThat(runs().complete(run.id(), RunStatus.SUCCEEDED, "42 invoices", reported)).isTrue();
    assertThat(runs().complete(run.id(), RunStatus.FAILED, "again", reported)).isFalse();
    assertThat(runs().find(run.id())).contains(new Run(run.id(), "billing", "sync",
        run.trigger(), T0, RunStatus.SUCCEEDED, 1, "", T0, null, reported));
    assertThat(runs().earliestWork()).isEmpty();
  }

  @Test
  default void aCallbackRunPastItsDeadline_timesOut_andCanNoLongerComplete() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Instant deadline = T0.plus(Duration.ofMinutes(10));
    runs().finishAttempt(claim, new AttemptResult(Samples.attempt(run.id(), 1, T0, 202),
        RunStatus.RUNNING, deadline, ""), T0);

    assertThat(runs().expireCallbacks(deadline)).isZero();
    assertThat(runs().complete(run.id(), RunStatus.FAILED, "late", deadline.plusSeconds(1)))
        .isFalse();
    assertThat(runs().expireCallbacks(deadline.plusSeconds(1))).isEqualTo(1);

    Run timedOut = runs().find(run.id()).orElseThrow();
    assertThat(timedOut.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(timedOut.reason()).isEqualTo("no completion callback before the deadline");
    assertThat(timedOut.finishedAt()).isEqualTo(deadline.plusSeconds(1));
    assertThat(runs().complete(run.id(), RunStatus.SUCCEEDED, "", deadline)).isFalse();
  }

  @Test
  default void complete_acceptsOnlyAFinalStatus_forARunAwaitingItsReport() {
    namespace("billing");
    Run pending = manualRun("billing", "sync", T0);

    assertThatThrownBy(() -> runs().complete(pending.id(), RunStatus.RUNNING, "", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be succeeded or failed, was running");
    assertThat(runs().complete(pending.id(), RunStatus.SUCCEEDED, "", T0)).isFalse();
    assertThat(runs().complete("run-unknown", RunStatus.SUCCEEDED, "", T0)).isFalse();
    assertThat(runs().find(pending.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
  }

  @Test
  default void renewLeases_extendsTheLeasesOfCurrentClaimsOnly() {
    namespace("billing");
    manualRun("billing", "kept", T0);
    manualRun("billing", "lost", T0);
    List<ClaimedRun> claims = runs().claimAttempts(T0, "replica-a", LEASE, 10);
    Instant expired = T0.plus(LEASE).plusSeconds(1);
    ClaimedRun lost = claims.get(1);
    runs().renewLeases(List.of(claims.get(0)), T0.plus(LEASE.multipliedBy(3)));

    List<ClaimedRun> taken = runs().claimAttempts(expired, "replica-b", LEASE, 10);

    assertThat(taken).extracting(c -> c.run().id()).containsExactly(lost.run().id());
    assertThat(runs().renewLeases(claims, expired.plus(LEASE))).isEqualTo(1);
    assertThat(runs().renewLeases(List.of(), expired)).isZero();
  }

  @Test
  default void release_handsTheRunBack_dueAtOnce_keepingItsAttemptCount() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    Instant shutdown = T0.plusSeconds(3);

    assertThat(runs().release(claim, shutdown)).isTrue();
    assertThat(runs().release(claim, shutdown)).isFalse();

    assertThat(runs().find(run.id())).contains(new Run(run.id(), "billing", "sync",
        run.trigger(), T0, RunStatus.PENDING, 1, "", T0, shutdown, null));
    assertThat(runs().claimAttempts(shutdown, "replica-b", LEASE, 10)).singleElement()
        .satisfies(next -> assertThat(next.attempt()).isEqualTo(2));
  }

  @Test
  default void earliestWork_isTheSoonestOfPendingAttemptsLeaseExpiriesAndCallbackDeadlines() {
    assertThat(runs().earliestWork()).isEmpty();
    namespace("billing");
    manualRun("billing", "pending", T0.plus(Duration.ofMinutes(5)));
    assertThat(runs().earliestWork()).contains(T0.plus(Duration.ofMinutes(5)));

    manualRun("billing", "leased", T0);
    runs().claimAttempts(T0, "replica-a", LEASE, 1);
    assertThat(runs().earliestWork()).contains(T0.plus(LEASE));
  }

  @Test
  default void attempts_keepTheFirst64KiBOfTheResponse_andAShortenedError() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", LEASE, 10).getFirst();
    String body = "é".repeat(40_000); // two bytes each in UTF-8: 80,000 bytes
    Attempt attempt = new Attempt(run.id(), 1, T0, Duration.ofSeconds(2), 500,
        "x".repeat(5000), body);

    runs().finishAttempt(claim, new AttemptResult(attempt, RunStatus.FAILED, null, "HTTP 500"),
        T0);

    Attempt kept = runs().attempts(run.id()).getFirst();
    assertThat(kept.responseExcerpt()).isEqualTo("é".repeat(Attempt.EXCERPT_BYTES / 2));
    assertThat(kept.error()).hasSize(2000);
  }

  @Test
  default void instantsComeBackAsStored_toTheMicrosecond() {
    namespace("billing");
    Instant odd = Instant.parse("2026-01-15T07:00:00.123456789Z");
    Run run = manualRun("billing", "sync", odd);

    assertThat(run.createdAt()).isEqualTo(Instant.parse("2026-01-15T07:00:00.123456Z"));
    assertThat(runs().find(run.id())).contains(run);
    ClaimedRun claim = runs().claimAttempts(odd, "replica-a", LEASE, 10).getFirst();
    assertThat(claim.leaseExpiresAt()).isEqualTo(Instant.parse("2026-01-15T07:00:30.123456Z"));
  }

  private RunStore runs() {
    return store().runs();
  }

  private static AttemptResult succeeded(ClaimedRun claim, Instant at) {
    return new AttemptResult(Samples.attempt(claim.run().id(), claim.attempt(), at, 200),
        RunStatus.SUCCEEDED, null, "");
  }
}
