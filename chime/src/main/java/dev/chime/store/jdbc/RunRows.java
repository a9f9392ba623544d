package dev.chime.store.jdbc;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Names;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.store.NewRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** The {@code runs} and {@code attempts} tables: their columns, and how rows become values. */
final class RunRows {
  static final int MAX_ID = 64;
  static final int MAX_REASON = 2000;
  static final int MAX_ERROR = 2000;
  static final int MAX_OWNER = 200;

  static final List<String> INSERT_COLUMNS = List.of("id", "namespace", "schedule",
      "trigger_kind", "fire_at", "fire_key", "status", "attempts", "reason", "created_at",
      "next_attempt_at", "lease_owner", "lease_expires_at", "lease_epoch", "finished_at");
  static final String INSERT_COLUMN_LIST = String.join(", ", INSERT_COLUMNS);
  static final String INSERT_PLACEHOLDERS =
      String.join(", ", Collections.nCopies(INSERT_COLUMNS.size(), "?"));
  static final String INSERT =
      "INSERT INTO runs (" + INSERT_COLUMN_LIST + ") VALUES (" + INSERT_PLACEHOLDERS + ")";

  static final String COLUMNS = "id, namespace, schedule, trigger_kind, fire_at, status,"
      + " attempts, reason, created_at, next_attempt_at, finished_at";
  static final String SELECT = "SELECT " + COLUMNS + " FROM runs";

  static final String ATTEMPT_COLUMNS = "run_id, attempt_number, started_at, duration_ms,"
      + " status_code, error, response_excerpt";
  static final String INSERT_ATTEMPT =
      "INSERT INTO attempts (" + ATTEMPT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

  private RunRows() {}

  /** The run a {@link NewRun} becomes when inserted at {@code now}. */
  static Run created(NewRun run, Instant now) {
    check(run);
    boolean pending = run.status() == RunStatus.PENDING;
    Instant due = run.nextAttemptAt() == null ? now : run.nextAttemptAt();
    return new Run(run.id(), run.namespace(), run.schedule(), run.trigger(),
        Sql.stored(run.fireAt()), run.status(), 0, Sql.clip(run.reason(), MAX_REASON),
        Sql.stored(now), pending ? Sql.stored(due) : null, pending ? null : Sql.stored(now));
  }

  /** Whether the run is unique per fire: its {@code fire_key} is set (see {@link NewRun}). */
  static boolean keyedByFire(Run run) {
    return run.trigger() == Trigger.SCHEDULE || run.trigger() == Trigger.CATCHUP;
  }

  /**
   * The run {@link #created} pending, started instead: {@code running}, its first attempt
   * counted. It is inserted under a lease ({@link #insertValues(Run, String, Instant)}).
   */
  static Run started(Run pending) {
    return new Run(pending.id(), pending.namespace(), pending.schedule(), pending.trigger(),
        pending.fireAt(), RunStatus.RUNNING, 1, pending.reason(), pending.createdAt(), null,
        null);
  }

  /** The values of {@link #INSERT_COLUMNS} for a run just {@link #created}. */
  static Object[] insertValues(Run run) {
    return insertValues(run, null, null);
  }

  /**
   * The values of {@link #INSERT_COLUMNS} for a run {@link #started} under a lease of {@code
   * owner} until {@code leaseExpiresAt}, as a claim's first epoch; both null for a run not
   * started.
   */
  static Object[] insertValues(Run run, String owner, Instant leaseExpiresAt) {
    return new Object[] {run.id(), run.namespace(), run.schedule(), run.trigger(), run.fireAt(),
        keyedByFire(run) ? run.fireAt() : null, run.status(), run.attempts(), run.reason(),
        run.createdAt(), run.nextAttemptAt(), owner, leaseExpiresAt, owner == null ? 0L : 1L,
        run.finishedAt()};
  }

  static Run run(ResultSet row) throws SQLException {
    return new Run(
        row.getString("id"),
        row.getString("namespace"),
        row.getString("schedule"),
        Sql.enumeration(row, "trigger_kind", Trigger.class),
        Sql.instant(row, "fire_at"),
        Sql.enumeration(row, "status", RunStatus.class),
        row.getInt("attempts"),
        row.getString("reason"),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "next_attempt_at"),
        Sql.instant(row, "finished_at"));
  }

  static Object[] attemptValues(Attempt attempt) {
    return new Object[] {attempt.runId(), attempt.number(), attempt.startedAt(),
        attempt.duration(), attempt.statusCode(), Sql.clip(attempt.error(), MAX_ERROR),
        Sql.utf8Prefix(attempt.responseExcerpt(), Attempt.EXCERPT_BYTES)};
  }

  static Attempt attempt(ResultSet row) throws SQLException {
    return new Attempt(
        row.getString("run_id"),
        row.getInt("attempt_number"),
        Sql.instant(row, "started_at"),
        Duration.ofMillis(row.getLong("duration_ms")),
        row.getInt("status_code"),
        row.getString("error"),
        row.getString("response_excerpt"));
  }

  private static void check(NewRun run) {
    Sql.requireText("run.id", run.id(), MAX_ID);
    Names.check("run.namespace", run.namespace());
    Names.check("run.schedule", run.schedule());
    if (run.trigger() == null) {
      throw new IllegalArgumentException("run.trigger is required");
    }
    if (run.fireAt() == null) {
      throw new IllegalArgumentException("run.fireAt is required");
    }
    if (run.status() != RunStatus.PENDING && run.status() != RunStatus.SKIPPED
        && run.status() != RunStatus.MISSED) {
      throw new IllegalArgumentException(
          "run.status of a new run must be pending, skipped or missed, was "
              + (run.status() == null ? "null" : run.status().id()));
    }
  }
}
