package dev.chime.store.jdbc;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.store.RunPage;
import dev.chime.store.RunQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Reading runs back: one run, a page of a namespace's runs, what is due next, and pruning. */
final class RunHistory {
  static final int MAX_PAGE = 500;
  static final int MAX_PRUNE_BATCH = 10_000;

  private static final String FIND = RunRows.SELECT + " WHERE id = ?";
  private static final String ATTEMPTS = "SELECT " + RunRows.ATTEMPT_COLUMNS + " FROM attempts"
      + " WHERE run_id = ? ORDER BY attempt_number";
  private static final String IN_FLIGHT = "SELECT id FROM runs WHERE namespace = ?"
      + " AND schedule = ? AND status IN ('pending', 'running') LIMIT 1";
  // The first of each index range, not MIN(): see Sql.SINCE_EVER.
  private static final String EARLIEST_WORK = "SELECT " + first("next_attempt_at")
      + " AS next_attempt, " + first("lease_expires_at") + " AS lease_expiry, "
      + first("callback_deadline") + " AS callback_deadline";
  private static final String PAGE = RunRows.SELECT + " WHERE namespace = ?";
  private static final String OF_SCHEDULE = " AND schedule = ?";
  private static final String IN_STATUS = " AND status = ?";
  private static final String AFTER_CURSOR = " AND (fire_at < ? OR (fire_at = ? AND id < ?))";
  private static final String NEWEST_FIRST = " ORDER BY fire_at DESC, id DESC LIMIT ?";
  // A schedule's latest run stays, so that it still shows its last status after retention.
  private static final String PRUNABLE = "SELECT id FROM runs"
      + " WHERE finished_at >= " + Sql.SINCE_EVER + " AND finished_at < ?"
      + " AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.last_run_id = runs.id)"
      + " ORDER BY finished_at LIMIT ?";
  private static final String DELETE_ATTEMPTS = "DELETE FROM attempts WHERE run_id = ?";
  private static final String DELETE_RUN = "DELETE FROM runs WHERE id = ?";
  private static final String DISPATCHED = "SELECT COUNT(*) AS dispatched FROM runs"
      + " WHERE namespace = ? AND attempts > 0 AND fire_at >= ? AND fire_at < ?";

  private final Database db;

  RunHistory(Database db) {
    this.db = db;
  }

  private static String first(String column) {
    return "(SELECT " + column + " FROM runs WHERE " + column + " >= " + Sql.SINCE_EVER
        + " ORDER BY " + column + " LIMIT 1)";
  }

  static boolean inFlight(Connection c, String namespace, String schedule) throws SQLException {
    return !Sql.query(c, IN_FLIGHT, row -> row.getString("id"), namespace, schedule).isEmpty();
  }

  Optional<Run> find(String runId) {
    return db.read(c -> Sql.query(c, FIND, RunRows::run, runId)).stream().findFirst();
  }

  List<Attempt> attempts(String runId) {
    return db.read(c -> Sql.query(c, ATTEMPTS, RunRows::attempt, runId));
  }

  boolean inFlight(String namespace, String schedule) {
    return db.read(c -> inFlight(c, namespace, schedule));
  }

  /** The runs' columns keep to their status, so each minimum is of the runs it concerns. */
  Optional<Instant> earliestWork() {
    return db.read(c -> Sql.query(c, EARLIEST_WORK, row -> Stream.of(
                Sql.instant(row, "next_attempt"), Sql.instant(row, "lease_expiry"),
                Sql.instant(row, "callback_deadline"))
            .filter(Objects::nonNull).min(Instant::compareTo)))
        .getFirst();
  }

  RunPage list(String namespace, RunQuery query) {
    if (query.limit() < 1 || query.limit() > MAX_PAGE) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_PAGE + ", was " + query.limit());
    }
    Cursor after = query.cursor() == null ? null : Cursor.decode(query.cursor());
    StringBuilder sql = new StringBuilder(PAGE);
    List<Object> parameters = new ArrayList<>(List.of(namespace));
    if (query.schedule() != null) {
      sql.append(OF_SCHEDULE);
      parameters.add(query.schedule());
    }
    if (query.status() != null) {
      sql.append(IN_STATUS);
      parameters.add(query.status());
    }
    if (after != null) {
      sql.append(AFTER_CURSOR);
      parameters.addAll(List.of(after.fireAt(), after.fireAt(), after.runId()));
    }
    sql.append(NEWEST_FIRST);
    parameters.add(query.limit() + 1); // one more than asked tells whether a next page exists
    List<Run> runs = db.read(c -> Sql.query(c, sql.toString(), RunRows::run,
        parameters.toArray()));
    if (runs.size() <= query.limit()) {
      return new RunPage(runs, null);
    }
    List<Run> page = runs.subList(0, query.limit());
    Run last = page.getLast();
    return new RunPage(List.copyOf(page), new Cursor(last.fireAt(), last.id()).encode());
  }

  int prune(Instant finishedBefore, int batch) {
    if (batch < 1 || batch > MAX_PRUNE_BATCH) {
      throw new IllegalArgumentException(
          "batch must be between 1 and " + MAX_PRUNE_BATCH + ", was " + batch);
    }
    return db.transaction(c -> {
      List<String> ids =
          Sql.query(c, PRUNABLE, row -> row.getString("id"), finishedBefore, batch);
      deleteEach(c, DELETE_ATTEMPTS, ids);
      return deleteEach(c, DELETE_RUN, ids);
    });
  }

  long dispatchedIn(String namespace, YearMonth month) {
    Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return db.read(c -> Sql.query(c, DISPATCHED, row -> row.getLong("dispatched"),
        namespace, start, end)).getFirst();
  }

  private static int deleteEach(Connection c, String sql, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement delete = c.prepareStatement(sql)) {
      for (String id : ids) {
        Sql.bind(delete, id);
        delete.addBatch();
      }
      int deleted = 0;
      for (int count : delete.executeBatch()) {
        deleted += count;
      }
      return deleted;
    }
  }
}
