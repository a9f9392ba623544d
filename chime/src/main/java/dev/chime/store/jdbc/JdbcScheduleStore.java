package dev.chime.store.jdbc;

import dev.chime.schedule.Schedule;
import dev.chime.store.ApplyPlanner;
import dev.chime.store.Conflict;
import dev.chime.store.ScheduleStore;
import dev.chime.store.StoredSchedule;
import dev.chime.store.StoredSchedule.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Schedules and their next fire instants; the version counts changes to the definition and to
 * who owns it (its source).
 */
final class JdbcScheduleStore implements ScheduleStore {
  private static final String INSERT = "INSERT INTO schedules (namespace, name, "
      + ScheduleRows.DEFINITION_COLUMNS + ", source, next_fire_at, version, created_at,"
      + " updated_at) VALUES (?, ?, " + ScheduleRows.DEFINITION_PLACEHOLDERS + ", ?, ?, 1, ?, ?)";
  private static final String REPLACE = "UPDATE schedules SET "
      + ScheduleRows.DEFINITION_ASSIGNMENTS
      + ", source = ?, next_fire_at = ?, version = version + 1, updated_at = ?"
      + " WHERE namespace = ? AND name = ?";
  private static final String SET_NEXT_FIRE = "UPDATE schedules SET next_fire_at = ?"
      + " WHERE namespace = ? AND name = ?";
  private static final String FIND = ScheduleRows.SELECT + " WHERE s.namespace = ? AND s.name = ?";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String LIST = ScheduleRows.SELECT + " WHERE s.namespace = ? ORDER BY s.name";
  private static final String LOCK_LIST = LIST + " FOR UPDATE";
  private static final String NAMESPACE = "SELECT name FROM namespaces WHERE name = ?";
  private static final String DELETE = "DELETE FROM schedules WHERE namespace = ? AND name = ?";
  private static final String COUNT = "SELECT namespace, paused, COUNT(*) AS schedules"
      + " FROM schedules GROUP BY namespace, paused ORDER BY namespace, paused";
  private static final String SET_PAUSED = "UPDATE schedules SET next_fire_at = ?,"
      + " version = version + CASE WHEN paused = ? THEN 0 ELSE 1 END,"
      + " updated_at = CASE WHEN paused = ? THEN updated_at ELSE ? END, paused = ?"
      + " WHERE namespace = ? AND name = ?";
  // An index range in order, not MIN(): see Sql.SINCE_EVER.
  private static final String EARLIEST = "SELECT next_fire_at AS earliest FROM schedules"
      + " WHERE next_fire_at >= " + Sql.SINCE_EVER + " AND paused = FALSE"
      + " ORDER BY next_fire_at LIMIT 1";

  private final Database db;

  JdbcScheduleStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean put(Schedule schedule, Instant nextFireAt) {
    return db.transaction(c -> {
      Optional<StoredSchedule> existing = Sql.query(c, LOCK, ScheduleRows::stored,
          schedule.namespace(), schedule.name()).stream().findFirst();
      write(c, existing.orElse(null), schedule, Source.API, nextFireAt);
      db.announceChange(c);
      return existing.isEmpty();
    });
  }

  @Override
  public void create(Schedule schedule, Instant nextFireAt) {
    db.transaction(c -> {
      insert(c, schedule, Source.API, nextFireAt);
      db.announceChange(c);
      return null;
    });
  }

  @Override
  public Optional<StoredSchedule> find(String namespace, String name) {
    return db.read(c -> Sql.query(c, FIND, ScheduleRows::stored, namespace, name))
        .stream().findFirst();
  }

  @Override
  public List<StoredSchedule> list(String namespace) {
    return db.read(c -> Sql.query(c, LIST, ScheduleRows::stored, namespace));
  }

  /**
   * Locks the namespace row first, so that applies to one namespace queue behind each other
   * instead of each planning from rows the other is about to change; the lock lets schedules
   * and runs that reference the namespace still be written (claims go on meanwhile).
   */
  @Override
  public void apply(String namespace, ApplyPlanner planner) {
    db.transaction(c -> {
      String lockNamespace = db.dialect().lockOnlyAgainstWriters(NAMESPACE);
      if (Sql.query(c, lockNamespace, row -> row.getString("name"), namespace).isEmpty()) {
        throw new IllegalArgumentException("namespace \"" + namespace + "\" does not exist");
      }
      List<StoredSchedule> current = Sql.query(c, LOCK_LIST, ScheduleRows::stored, namespace);
      ApplyPlanner.Writes writes = planner.plan(current);
      Map<String, StoredSchedule> byName = current.stream()
          .collect(Collectors.toMap(s -> s.schedule().name(), Function.identity()));
      for (String name : writes.deletes()) {
        Sql.update(c, DELETE, namespace, name);
      }
      for (ApplyPlanner.Put put : writes.puts()) {
        Schedule schedule = put.schedule();
        if (!schedule.namespace().equals(namespace)) {
          throw new IllegalArgumentException("apply to namespace \"" + namespace
              + "\" cannot write schedule " + schedule.namespace() + "/" + schedule.name());
        }
        StoredSchedule existing = writes.deletes().contains(schedule.name()) ? null
            : byName.get(schedule.name());
        write(c, existing, schedule, Source.CATALOG, put.nextFireAt());
      }
      if (!writes.isEmpty()) {
        db.announceChange(c);
      }
      return null;
    });
  }

  @Override
  public List<ScheduleCount> count() {
    return db.transaction(c -> Sql.query(c, COUNT, row -> new ScheduleCount(
        row.getString("namespace"), row.getBoolean("paused"), row.getLong("schedules"))));
  }

  @Override
  public boolean delete(String namespace, String name) {
    return db.transaction(c -> announcedIfOne(c, Sql.update(c, DELETE, namespace, name)));
  }

  @Override
  public boolean setPaused(String namespace, String name, boolean paused, Instant nextFireAt) {
    return db.transaction(c -> announcedIfOne(c, Sql.update(c, SET_PAUSED, nextFireAt, paused,
        paused, db.now(), paused, namespace, name)));
  }

  @Override
  public Optional<Instant> earliestNextFire() {
    return db.read(c -> Sql.query(c, EARLIEST, row -> Sql.instant(row, "earliest")))
        .stream().filter(Objects::nonNull).findFirst();
  }

  /** Whether one row changed; if so, the other replicas are told when this commits. */
  private boolean announcedIfOne(Connection c, int updated) throws SQLException {
    if (updated == 1) {
      db.announceChange(c);
    }
    return updated == 1;
  }

  /** Creates the schedule, or replaces {@code existing}, which this transaction has locked. */
  private void write(Connection c, StoredSchedule existing, Schedule schedule, Source source,
      Instant nextFireAt) throws SQLException {
    if (existing == null) {
      insert(c, schedule, source, nextFireAt);
    } else if (existing.schedule().equals(schedule) && existing.source() == source) {
      // Unchanged: keep the version, so optimistic updates by version do not clash in vain.
      Sql.update(c, SET_NEXT_FIRE, nextFireAt, schedule.namespace(), schedule.name());
    } else {
      Sql.update(c, REPLACE, Sql.flat(ScheduleRows.definition(schedule), source, nextFireAt,
          db.now(), schedule.namespace(), schedule.name()));
    }
  }

  private void insert(Connection c, Schedule schedule, Source source, Instant nextFireAt)
      throws SQLException {
    Instant now = db.now();
    try {
      Sql.update(c, INSERT, Sql.flat(schedule.namespace(), schedule.name(),
          ScheduleRows.definition(schedule), source, nextFireAt, now, now));
    } catch (SQLException e) {
      if (db.dialect().duplicate(e)) {
        throw new Conflict("namespace \"" + schedule.namespace()
            + "\" already has a schedule named \"" + schedule.name() + "\"");
      }
      if (db.dialect().missingParent(e)) {
        throw new IllegalArgumentException(
            "namespace \"" + schedule.namespace() + "\" does not exist");
      }
      throw e;
    }
  }
}
