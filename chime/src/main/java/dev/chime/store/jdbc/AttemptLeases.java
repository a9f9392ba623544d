package dev.chime.store.jdbc;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FinishedAttempt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Attempts under leases. A claim raises the run's {@code lease_epoch}; every later write names
 * the epoch and owner it holds and matches no row once another claim has taken the run, so a
 * replica that lost its lease (paused, partitioned) cannot overwrite the run. Transactions end
 * before any HTTP call: the caller delivers between {@link #claimAttempts} and
 * {@link #finishAttempt}.
 */
final class AttemptLeases {
  static final int MAX_LIMIT = 1000;
  static final String TIMED_OUT_REASON = "no completion callback before the deadline";

  // Runs due at the same instant (the fires of a catch-up) go oldest fire first: ids made in the
  // same millisecond do not sort by fire.
  private static final String DUE = "SELECT " + RunRows.COLUMNS + ", lease_epoch,"
      + " COALESCE(next_attempt_at, lease_expires_at) AS due_at FROM runs"
      + " WHERE (status = 'pending' AND next_attempt_at <= ?)"
      + " OR (status = 'running' AND lease_expires_at <= ?)"
      + " ORDER BY COALESCE(next_attempt_at, lease_expires_at), fire_at, id LIMIT ?";
  // Where the dialect cannot pick and lock in one statement (Dialect.locksOnlyWhatItReturns),
  // due runs are picked without a lock from each index in claim order, and merged.
  private static final String DUE_COLUMNS = "SELECT " + RunRows.COLUMNS + ", lease_epoch, ";
  private static final String PENDING_DUE = DUE_COLUMNS + "next_attempt_at AS due_at FROM runs"
      + " WHERE status = 'pending' AND next_attempt_at >= " + Sql.SINCE_EVER
      + " AND next_attempt_at <= ? ORDER BY next_attempt_at, fire_at, id LIMIT ?";
  private static final String EXPIRED_DUE = DUE_COLUMNS + "lease_expires_at AS due_at FROM runs"
      + " WHERE status = 'running' AND lease_expires_at >= " + Sql.SINCE_EVER
      + " AND lease_expires_at <= ? ORDER BY lease_expires_at, fire_at, id LIMIT ?";
  private static final Comparator<Due> CLAIM_ORDER = Comparator.comparing(Due::dueAt)
      .thenComparing(due -> due.run().fireAt()).thenComparing(due -> due.run().id());
  // The run must still be due: picked without a lock, it may have been claimed, or its lease
  // renewed, since.
  private static final String CLAIM = "UPDATE runs SET status = 'running',"
      + " attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,"
      + " lease_epoch = lease_epoch + 1, next_attempt_at = NULL"
      + " WHERE id = ? AND lease_epoch = ? AND ((status = 'pending' AND next_attempt_at <= ?)"
      + " OR (status = 'running' AND lease_expires_at <= ?))";
  // The claim still holds the run: same epoch, and its attempt not yet finished or released.
  private static final String HELD = " WHERE id = ? AND lease_epoch = ? AND lease_owner = ?"
      + " AND lease_expires_at IS NOT NULL";
  private static final String FINISH = "UPDATE runs SET status = ?, reason = ?,"
      + " next_attempt_at = ?, callback_deadline = ?, finished_at = ?, lease_owner = NULL,"
      + " lease_expires_at = NULL" + HELD;
  private static final String RENEW = "UPDATE runs SET lease_expires_at = ?" + HELD;
  private static final String RELEASE = "UPDATE runs SET status = 'pending',"
      + " next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL" + HELD;
  private static final String SKIP_UNSENT = "UPDATE runs SET status = 'skipped', reason = ?,"
      + " attempts = attempts - 1, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL"
      + HELD;
  private static final String COMPLETE = "UPDATE runs SET status = ?, reason = ?,"
      + " finished_at = ?, callback_deadline = NULL"
      + " WHERE id = ? AND status = 'running' AND callback_deadline >= ?";
  private static final String EXPIRE = "UPDATE runs SET status = 'timed_out', reason = ?,"
      + " finished_at = ?, callback_deadline = NULL"
      + " WHERE status = 'running' AND callback_deadline >= " + Sql.SINCE_EVER
      + " AND callback_deadline < ?";

  private final Database db;

  AttemptLeases(Database db) {
    this.db = db;
  }

  List<ClaimedRun> claimAttempts(Instant now, String owner, Duration lease, int limit) {
    Sql.requireText("owner", owner, RunRows.MAX_OWNER);
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    Instant expires = Sql.stored(now.plus(lease));
    return db.transaction(c -> {
      List<Due> due = db.dialect().locksOnlyWhatItReturns()
          ? Sql.query(c, db.dialect().lockForClaim(DUE), Due::of, now, now, limit)
          : dueUnlocked(c, now, limit);
      List<ClaimedRun> claimed = new ArrayList<>();
      for (Due run : due) {
        // Zero rows: another claimer took it between our read and our lock (the epoch moved).
        if (Sql.update(c, CLAIM, owner, expires, run.run().id(), run.epoch(), now, now) == 1) {
          claimed.add(run.claimedBy(owner, expires));
        }
      }
      return claimed;
    });
  }

  private static List<Due> dueUnlocked(Connection c, Instant now, int limit)
      throws SQLException {
    List<Due> due = new ArrayList<>(Sql.query(c, PENDING_DUE, Due::of, now, limit));
    due.addAll(Sql.query(c, EXPIRED_DUE, Due::of, now, limit));
    due.sort(CLAIM_ORDER);
    return due.subList(0, Math.min(limit, due.size()));
  }

  /**
   * Records the attempts in one transaction, as two batches: the runs' new status (matching only
   * where the claim still holds the run), then the attempts of the runs that matched.
   */
  boolean[] finishAttempts(List<FinishedAttempt> finished, Instant now) {
    finished.forEach(f -> check(f.claim(), f.result()));
    if (finished.isEmpty()) {
      return new boolean[0];
    }
    return db.transaction(c -> {
      List<Object[]> runs = new ArrayList<>();
      for (FinishedAttempt f : finished) {
        AttemptResult result = f.result();
        RunStatus status = result.status();
        runs.add(new Object[] {status, Sql.clip(result.reason(), RunRows.MAX_REASON),
            status == RunStatus.PENDING ? result.nextAttemptAt() : null,
            status == RunStatus.RUNNING ? result.nextAttemptAt() : null,
            status.isFinal() ? now : null,
            f.claim().run().id(), f.claim().epoch(), f.claim().owner()});
      }
      int[] updated = Sql.updateEach(c, FINISH, runs);
      boolean[] recorded = new boolean[finished.size()];
      List<Object[]> attempts = new ArrayList<>();
      for (int i = 0; i < recorded.length; i++) {
        recorded[i] = updated[i] == 1;
        if (recorded[i]) {
          attempts.add(RunRows.attemptValues(finished.get(i).result().attempt()));
        }
      }
      Sql.updateEach(c, RunRows.INSERT_ATTEMPT, attempts);
      return recorded;
    });
  }

  int renewLeases(List<ClaimedRun> claims, Instant until) {
    if (claims.isEmpty()) {
      return 0;
    }
    return db.transaction(c -> {
      try (PreparedStatement renew = c.prepareStatement(RENEW)) {
        for (ClaimedRun claim : claims) {
          Sql.bind(renew, until, claim.run().id(), claim.epoch(), claim.owner());
          renew.addBatch();
        }
        return Arrays.stream(renew.executeBatch()).sum();
      }
    });
  }

  boolean release(ClaimedRun claim, Instant dueAt) {
    return db.transaction(c -> Sql.update(c, RELEASE, dueAt, claim.run().id(), claim.epoch(),
        claim.owner())) == 1;
  }

  boolean skipUnsent(ClaimedRun claim, String reason, Instant now) {
    return db.transaction(c -> Sql.update(c, SKIP_UNSENT, Sql.clip(reason, RunRows.MAX_REASON),
        now, claim.run().id(), claim.epoch(), claim.owner())) == 1;
  }

  boolean complete(String runId, RunStatus status, String message, Instant now) {
    if (status == null || !status.isFinal()) {
      throw new IllegalArgumentException("status must be succeeded or failed, was "
          + (status == null ? "null" : status.id()));
    }
    String reason = status == RunStatus.SUCCEEDED ? "" : Sql.clip(message, RunRows.MAX_REASON);
    return db.transaction(c -> Sql.update(c, COMPLETE, status, reason, now, runId, now)) == 1;
  }

  int expireCallbacks(Instant now) {
    return db.transaction(c -> Sql.update(c, EXPIRE, TIMED_OUT_REASON, now, now));
  }

  private static void check(ClaimedRun claim, AttemptResult result) {
    Attempt attempt = result.attempt();
    if (attempt == null || result.status() == null) {
      throw new IllegalArgumentException("result.attempt and result.status are required");
    }
    if (!attempt.runId().equals(claim.run().id()) || attempt.number() != claim.attempt()) {
      throw new IllegalArgumentException("result.attempt is attempt " + attempt.number()
          + " of run " + attempt.runId() + ", but the claim is attempt " + claim.attempt()
          + " of run " + claim.run().id());
    }
    if (!result.status().isFinal() && result.nextAttemptAt() == null) {
      throw new IllegalArgumentException("result.nextAttemptAt is required when the run stays "
          + result.status().id());
    }
  }

  /** A run due for an attempt, with the epoch its claim must still find. */
  private record Due(Run run, long epoch, Instant dueAt) {
    static Due of(ResultSet row) throws SQLException {
      return new Due(RunRows.run(row), row.getLong("lease_epoch"), Sql.instant(row, "due_at"));
    }

    ClaimedRun claimedBy(String owner, Instant expires) {
      Run running = new Run(run.id(), run.namespace(), run.schedule(), run.trigger(),
          run.fireAt(), RunStatus.RUNNING, run.attempts() + 1, run.reason(), run.createdAt(),
          null, null);
      return new ClaimedRun(running, owner, epoch + 1, expires);
    }
  }
}
