package dev.chime.store.jdbc;

import dev.chime.store.AlertStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert state shared by the replicas. Each decision is one transaction that locks its row, so
 * two replicas deciding about the same schedule and condition at once send one alert between
 * them: the second finds the first's {@code sent_at}.
 */
final class JdbcAlertStore implements AlertStore {
  private static final int MAX_CONDITION = 16;

  private static final String WEBHOOKS = "SELECT name, alert_webhook FROM namespaces"
      + " WHERE alert_webhook IS NOT NULL ORDER BY name";
  private static final String SCHEDULE_EXISTS = "SELECT 1 FROM schedules"
      + " WHERE namespace = ? AND name = ?";
  private static final String WINDOW = "SELECT sent_at, suppressed FROM alert_windows"
      + " WHERE namespace = ? AND schedule = ? AND alert_condition = ? FOR UPDATE";
  private static final String OPEN_WINDOW = "INSERT INTO alert_windows (namespace, schedule,"
      + " alert_condition, sent_at, suppressed) VALUES (?, ?, ?, ?, 0)";
  private static final String SENT = "UPDATE alert_windows SET sent_at = ?, suppressed = 0"
      + " WHERE namespace = ? AND schedule = ? AND alert_condition = ?";
  private static final String SUPPRESSED = "UPDATE alert_windows SET suppressed = suppressed + 1"
      + " WHERE namespace = ? AND schedule = ? AND alert_condition = ?";
  private static final String MARK_FAILING = "INSERT INTO alert_failing (namespace, schedule,"
      + " since, run_id) VALUES (?, ?, ?, ?)";
  private static final String FAILING = "SELECT since, run_id FROM alert_failing"
      + " WHERE namespace = ? AND schedule = ?";
  private static final String CLEAR_FAILING = "DELETE FROM alert_failing"
      + " WHERE namespace = ? AND schedule = ?";

  /** A first insert lost to another replica's: the transaction is spoiled, run it again. */
  private static final class Raced extends RuntimeException {
    Raced() {
      super(null, null, false, false);
    }
  }

  private record Window(Instant sentAt, int suppressed) {}

  private final Database db;

  JdbcAlertStore(Database db) {
    this.db = db;
  }

  @Override
  public Map<String, URI> webhooks() {
    Map<String, URI> found = new LinkedHashMap<>();
    db.transaction(c -> Sql.query(c, WEBHOOKS, row -> Map.entry(row.getString("name"),
            URI.create(row.getString("alert_webhook")))))
        .forEach(webhook -> found.put(webhook.getKey(), webhook.getValue()));
    return found;
  }

  @Override
  public Admission admit(String namespace, String schedule, String condition, Instant now,
      Duration window) {
    Sql.requireText("condition", condition, MAX_CONDITION);
    try {
      return db.transaction(c -> admit(c, namespace, schedule, condition, now, window));
    } catch (Raced first) {
      // Another replica opened the window between our read and insert; now the row is there.
      return db.transaction(c -> admit(c, namespace, schedule, condition, now, window));
    }
  }

  private Admission admit(Connection c, String namespace, String schedule, String condition,
      Instant now, Duration window) throws SQLException {
    if (!exists(c, namespace, schedule)) {
      return new Admission(false, 0);
    }
    List<Window> found = Sql.query(c, WINDOW,
        row -> new Window(Sql.instant(row, "sent_at"), row.getInt("suppressed")),
        namespace, schedule, condition);
    if (found.isEmpty()) {
      try {
        Sql.update(c, OPEN_WINDOW, namespace, schedule, condition, now);
      } catch (SQLException e) {
        if (db.dialect().duplicate(e)) {
          throw new Raced();
        }
        throw e;
      }
      return new Admission(true, 0);
    }
    Window last = found.getFirst();
    if (last.sentAt().plus(window).isAfter(now)) {
      Sql.update(c, SUPPRESSED, namespace, schedule, condition);
      return new Admission(false, last.suppressed() + 1);
    }
    Sql.update(c, SENT, now, namespace, schedule, condition);
    return new Admission(true, last.suppressed());
  }

  @Override
  public boolean markFailing(String namespace, String schedule, String runId, Instant at) {
    return db.transaction(c -> {
      if (!exists(c, namespace, schedule)
          || !Sql.query(c, FAILING, row -> true, namespace, schedule).isEmpty()) {
        return false;
      }
      try {
        Sql.update(c, MARK_FAILING, namespace, schedule, at, runId);
        return true;
      } catch (SQLException e) {
        // Another replica marked it first, or the schedule was deleted meanwhile: either way
        // this replica has nothing to add.
        if (db.dialect().duplicate(e) || db.dialect().missingParent(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<Failing> clearFailing(String namespace, String schedule) {
    // Read first without writing: nearly every success finds nothing to clear.
    List<Failing> failing = db.transaction(c -> Sql.query(c, FAILING,
        row -> new Failing(Sql.instant(row, "since"), row.getString("run_id")),
        namespace, schedule));
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    // Only the replica whose delete removes the row reports the recovery.
    boolean cleared = db.transaction(c -> Sql.update(c, CLEAR_FAILING, namespace, schedule)) > 0;
    return cleared ? Optional.of(failing.getFirst()) : Optional.empty();
  }

  private static boolean exists(Connection c, String namespace, String schedule)
      throws SQLException {
    return !Sql.query(c, SCHEDULE_EXISTS, row -> true, namespace, schedule).isEmpty();
  }
}
