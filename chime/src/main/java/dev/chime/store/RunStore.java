package dev.chime.store;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Runs and their attempts: claiming due fires exactly once, claiming attempts under leases, and
 * the history. Every method is one short transaction; none is held across an HTTP call.
 */
public interface RunStore {

  /**
   * Claims due fires: in one transaction, locks up to {@code claim.limit()} unpaused schedules
   * whose next fire is at or before {@code claim.horizon()} (on PostgreSQL skipping rows other
   * replicas hold), asks {@code planner} what each becomes, inserts those runs under the unique
   * (schedule, fire instant) key, advances each schedule's next fire, and starts up to {@code
   * claim.starts()} of the new pending runs under a lease (oldest fire first), so that starting
   * a fire's first attempt costs no transaction of its own.
   */
  ClaimedFires claimDueFires(FireClaim claim, FirePlanner planner);

  /**
   * Claims the fires due at {@code now} and leaves their runs pending.
   *
   * @return the runs inserted (a run already present is not returned again)
   */
  default List<Run> claimDueFires(Instant now, int limit, FirePlanner planner) {
    return claimDueFires(FireClaim.dueAt(now, limit), planner).inserted();
  }

  /** Inserts a manual or chain run. */
  Run insert(NewRun run, Instant now);

  /**
   * Claims runs for their next attempt: {@code PENDING} runs due at {@code now}, and
   * {@code RUNNING} runs whose lease expired (their owner died: the next attempt, same run id).
   * Each becomes {@code RUNNING} under a new lease, with its attempt count raised by one.
   */
  List<ClaimedRun> claimAttempts(Instant now, String owner, Duration lease, int limit);

  /**
   * Records attempts and their runs' new status, in one transaction: each one only if its claim
   * still holds its lease epoch. If the transaction fails, none is recorded.
   *
   * @return for each attempt, in order, false when another claim had taken its run (nothing is
   *     written for that one)
   */
  boolean[] finishAttempts(List<FinishedAttempt> finished, Instant now);

  /**
   * Records an attempt and the run's new status, if the claim still holds its lease epoch.
   *
   * @return false when another claim has taken the run since (nothing is written)
   */
  default boolean finishAttempt(ClaimedRun claim, AttemptResult result, Instant now) {
    return finishAttempts(List.of(new FinishedAttempt(claim, result)), now)[0];
  }

  /**
   * Ends a claimed run whose attempt was never sent as {@code skipped} with the reason, not
   * counting that attempt: its schedule was paused, changed or deleted after the scheduler
   * claimed the fire ahead of its instant.
   *
   * @return false when the claim no longer holds the run
   */
  boolean skipUnsent(ClaimedRun claim, String reason, Instant now);

  /**
   * Extends the leases of runs this owner is still delivering (a heartbeat), so that only a dead
   * owner's leases expire. Claims whose epoch moved on are left alone.
   *
   * @return how many leases were extended
   */
  int renewLeases(List<ClaimedRun> claims, Instant until);

  /**
   * Hands a claimed run back on shutdown: {@code PENDING} again, due at {@code dueAt} (now, or
   * the fire instant of a fire claimed ahead of it), its lease cleared, so another replica or the
   * next start resumes it with the next attempt and the same id.
   *
   * @return false when the claim no longer holds the run
   */
  boolean release(ClaimedRun claim, Instant dueAt);

  /**
   * Ends a {@code completion: callback} run that is awaiting its report.
   *
   * @return false when the run is not awaiting one (unknown, already final)
   */
  boolean complete(String runId, RunStatus status, String message, Instant now);

  /** Marks callback runs whose deadline passed {@code timed_out}; returns how many. */
  int expireCallbacks(Instant now);

  Optional<Run> find(String runId);

  List<Attempt> attempts(String runId);

  RunPage list(String namespace, RunQuery query);

  /** Whether a run of the schedule is pending or running. */
  boolean inFlight(String namespace, String schedule);

  /** When the next pending attempt, lease expiry or callback deadline falls, if any. */
  Optional<Instant> earliestWork();

  /** Deletes up to {@code batch} final runs (and their attempts) finished before the cutoff. */
  int prune(Instant finishedBefore, int batch);

  /** Runs dispatched in a month: the count per environment cost is computed by the caller. */
  long dispatchedIn(String namespace, YearMonth month);
}
