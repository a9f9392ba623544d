package dev.chime.store.jdbc;

import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.NewRun;
import dev.chime.store.RunPage;
import dev.chime.store.RunQuery;
import dev.chime.store.RunStore;
import dev.chime.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The history: pages of runs, what is in flight, pruning, usage, and whether the database answers. */
interface HistoryContract extends StoreFixture {

  @Test
  default void list_pagesNewestFirst_withEveryFilter_givingEachRunExactlyOnce() {
    namespace("billing");
    namespace("audit");
    List<Run> all = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String schedule = i % 2 == 0 ? "sync" : "report";
      Instant fireAt = T0.plus(Duration.ofMinutes(i / 3)); // three runs share each instant
      RunStatus status = i % 3 == 0 ? RunStatus.SKIPPED : RunStatus.PENDING;
      all.add(runs().insert(new NewRun(newRunId(), "billing", schedule, Trigger.MANUAL, fireAt,
          status, status == RunStatus.SKIPPED ? "overlap" : "", fireAt), T0));
    }
    manualRun("audit", "sync", T0);
    Comparator<Run> newestFirst = Comparator.comparing(Run::fireAt).thenComparing(Run::id)
        .reversed();

    assertPaged(new RunQuery(null, null, 4, null), all, r -> true, newestFirst);
    assertPaged(new RunQuery("sync", null, 3, null), all, r -> r.schedule().equals("sync"),
        newestFirst);
    assertPaged(new RunQuery(null, RunStatus.SKIPPED, 2, null), all,
        r -> r.status() == RunStatus.SKIPPED, newestFirst);
    assertPaged(new RunQuery("report", RunStatus.PENDING, 5, null), all,
        r -> r.schedule().equals("report") && r.status() == RunStatus.PENDING, newestFirst);
    assertPaged(new RunQuery(null, null, 23, null), all, r -> true, newestFirst);
  }

  @Test
  default void list_refusesAMalformedCursorOrLimit_namingIt() {
    namespace("billing");
    manualRun("billing", "sync", T0);

    assertThatThrownBy(() -> runs().list("billing", new RunQuery(null, null, 10, "not a cursor")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cursor \"not a cursor\" is not one this server returned");
    assertThatThrownBy(() -> runs().list("billing", new RunQuery(null, null, 10, "Zm9vfGJhcg")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cursor \"Zm9vfGJhcg\"");
    assertThatThrownBy(() -> runs().list("billing", new RunQuery(null, null, 0, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 500, was 0");
    assertThatThrownBy(() -> runs().list("billing", new RunQuery(null, null, 501, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 500, was 501");
  }

  @Test
  default void inFlight_isTrueWhileARunOfTheScheduleIsPendingOrRunning() {
    namespace("billing");
    Run run = manualRun("billing", "sync", T0);
    assertThat(runs().inFlight("billing", "sync")).isTrue();
    assertThat(runs().inFlight("billing", "report")).isFalse();

    ClaimedRun claim = runs().claimAttempts(T0, "replica-a", Duration.ofMinutes(1), 1).getFirst();
    assertThat(runs().inFlight("billing", "sync")).isTrue();
    runs().finishAttempt(claim, new AttemptResult(Samples.attempt(run.id(), 1, T0, 200),
        RunStatus.SUCCEEDED, null, ""), T0);
    assertThat(runs().inFlight("billing", "sync")).isFalse();
  }

  @Test
  default void find_andAttempts_ofAnUnknownRun_areEmpty() {
    assertThat(runs().find("run-unknown")).isEmpty();
    assertThat(runs().attempts("run-unknown")).isEmpty();
  }

  @Test
  default void prune_deletesOldFinalRunsAndTheirAttempts_inBatches_keepingEachSchedulesLatest() {
    namespace("billing");
    Instant longAgo = T0.minus(Duration.ofDays(40));
    Instant cutoff = T0.minus(Duration.ofDays(30));
    List<String> old = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      old.add(failedRun("history", longAgo.plusSeconds(i)));
    }
    schedule("billing", "sync", T0);
    String latestOfSync = failedRun("sync", longAgo);
    String recent = failedRun("history", T0.minus(Duration.ofDays(1)));
    String stillPending = manualRun("billing", "history", longAgo).id();

    assertThat(runs().prune(cutoff, 2)).isEqualTo(2);
    assertThat(runs().prune(cutoff, 2)).isEqualTo(1);
    assertThat(runs().prune(cutoff, 2)).isZero();

    for (String id : old) {
      assertThat(runs().find(id)).isEmpty();
      assertThat(runs().attempts(id)).isEmpty();
    }
    assertThat(runs().find(latestOfSync)).isPresent();
    assertThat(runs().attempts(latestOfSync)).hasSize(1);
    assertThat(runs().find(recent)).isPresent();
    assertThat(runs().find(stillPending)).isPresent();
    assertThat(store().schedules().find("billing", "sync").orElseThrow().lastStatus())
        .isEqualTo(RunStatus.FAILED);
  }

  @Test
  default void dispatchedIn_countsRunsWithAnAttemptWhoseFireFallsInThatUtcMonth() {
    namespace("billing");
    namespace("audit");
    manualRun("billing", "sync", Instant.parse("2026-01-31T23:59:59Z"));
    manualRun("billing", "sync", Instant.parse("2026-02-01T00:00:00Z"));
    manualRun("billing", "sync", Instant.parse("2026-02-28T23:59:59.999999Z"));
    manualRun("billing", "sync", Instant.parse("2026-03-01T00:00:00Z"));
    manualRun("audit", "sync", Instant.parse("2026-02-10T12:00:00Z"));
    runs().claimAttempts(Instant.parse("2026-04-01T00:00:00Z"), "replica-a",
        Duration.ofMinutes(1), 100);
    runs().insert(new NewRun(newRunId(), "billing", "sync", Trigger.MANUAL,
        Instant.parse("2026-02-14T09:00:00Z"), RunStatus.SKIPPED, "overlap", null), T0);
    manualRun("billing", "sync", Instant.parse("2026-02-15T09:00:00Z")); // not attempted yet

    assertThat(runs().dispatchedIn("billing", YearMonth.of(2026, 2))).isEqualTo(2);
    assertThat(runs().dispatchedIn("billing", YearMonth.of(2026, 1))).isEqualTo(1);
    assertThat(runs().dispatchedIn("audit", YearMonth.of(2026, 2))).isEqualTo(1);
    assertThat(runs().dispatchedIn("billing", YearMonth.of(2025, 12))).isZero();
  }

  @Test
  default void reachable_whileOpen_andNotOnceClosed() {
    assertThat(store().reachable()).isTrue();
    Store other = openAnother();
    other.close();
    assertThat(other.reachable()).isFalse();
  }

  private RunStore runs() {
    return store().runs();
  }

  /** A manual run of {@code schedule} that failed at {@code finishedAt}, with its attempt. */
  private String failedRun(String schedule, Instant finishedAt) {
    Run run = manualRun("billing", schedule, finishedAt.minusSeconds(10));
    ClaimedRun claim = runs().claimAttempts(finishedAt.minusSeconds(10), "replica-a",
        Duration.ofMinutes(1), 1).getFirst();
    runs().finishAttempt(claim, new AttemptResult(Samples.attempt(run.id(), 1,
        finishedAt.minusSeconds(10), 500), RunStatus.FAILED, null, "HTTP 500"), finishedAt);
    return run.id();
  }

  private void assertPaged(RunQuery first, List<Run> all, Predicate<Run> matches,
      Comparator<Run> order) {
    List<Run> seen = new ArrayList<>();
    RunQuery query = first;
    int pages = 0;
    while (true) {
      RunPage page = runs().list("billing", query);
      assertThat(page.runs()).hasSizeLessThanOrEqualTo(first.limit());
      seen.addAll(page.runs());
      pages++;
      if (page.next() == null) {
        break;
      }
      assertThat(page.runs()).hasSize(first.limit());
      query = new RunQuery(first.schedule(), first.status(), first.limit(), page.next());
    }
    List<Run> expected = all.stream().filter(matches).sorted(order).toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(Math.max(1, (expected.size() + first.limit() - 1)
        / first.limit()));
  }
}
