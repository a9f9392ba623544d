package dev.chime.store.jdbc;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.store.ClaimedFires;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FinishedAttempt;
import dev.chime.store.FireClaim;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.RunPage;
import dev.chime.store.RunQuery;
import dev.chime.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The run store, in three parts: claiming fires, attempts under leases, and the history. */
final class JdbcRunStore implements RunStore {
  private final FireClaims fires;
  private final AttemptLeases leases;
  private final RunHistory history;

  JdbcRunStore(Database db) {
    this.fires = new FireClaims(db);
    this.leases = new AttemptLeases(db);
    this.history = new RunHistory(db);
  }

  @Override
  public ClaimedFires claimDueFires(FireClaim claim, FirePlanner planner) {
    return fires.claimDueFires(claim, planner);
  }

  @Override
  public Run insert(NewRun run, Instant now) {
    return fires.insert(run, now);
  }

  @Override
  public List<ClaimedRun> claimAttempts(Instant now, String owner, Duration lease, int limit) {
    return leases.claimAttempts(now, owner, lease, limit);
  }

  @Override
  public boolean[] finishAttempts(List<FinishedAttempt> finished, Instant now) {
    return leases.finishAttempts(finished, now);
  }

  @Override
  public boolean skipUnsent(ClaimedRun claim, String reason, Instant now) {
    return leases.skipUnsent(claim, reason, now);
  }

  @Override
  public int renewLeases(List<ClaimedRun> claims, Instant until) {
    return leases.renewLeases(claims, until);
  }

  @Override
  public boolean release(ClaimedRun claim, Instant dueAt) {
    return leases.release(claim, dueAt);
  }

  @Override
  public boolean complete(String runId, RunStatus status, String message, Instant now) {
    return leases.complete(runId, status, message, now);
  }

  @Override
  public int expireCallbacks(Instant now) {
    return leases.expireCallbacks(now);
  }

  @Override
  public Optional<Run> find(String runId) {
    return history.find(runId);
  }

  @Override
  public List<Attempt> attempts(String runId) {
    return history.attempts(runId);
  }

  @Override
  public RunPage list(String namespace, RunQuery query) {
    return history.list(namespace, query);
  }

  @Override
  public boolean inFlight(String namespace, String schedule) {
    return history.inFlight(namespace, schedule);
  }

  @Override
  public Optional<Instant> earliestWork() {
    return history.earliestWork();
  }

  @Override
  public int prune(Instant finishedBefore, int batch) {
    return history.prune(finishedBefore, batch);
  }

  @Override
  public long dispatchedIn(String namespace, YearMonth month) {
    return history.dispatchedIn(namespace, month);
  }
}
