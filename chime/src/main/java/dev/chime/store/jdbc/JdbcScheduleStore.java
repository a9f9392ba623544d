package dev.chime.store.jdbc;

import dev.chime.schedule.Schedule;
import dev.chime.store.Conflict;
import dev.chime.store.ScheduleStore;
import dev.chime.store.StoredSchedule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Schedules and their next fire instants; the version counts changes to the definition. */
final class JdbcScheduleStore implements ScheduleStore {
  private static final String INSERT = "INSERT INTO schedules (namespace, name, "
      + ScheduleRows.DEFINITION_COLUMNS + ", next_fire_at, version, created_at, updated_at)"
      + " VALUES (?, ?, " + ScheduleRows.DEFINITION_PLACEHOLDERS + ", ?, 1, ?, ?)";
  private static final String REPLACE = "UPDATE schedules SET "
      + ScheduleRows.DEFINITION_ASSIGNMENTS
      + ", next_fire_at = ?, version = version + 1, updated_at = ?"
      + " WHERE namespace = ? AND name = ?";
  private static final String SET_NEXT_FIRE = "UPDATE schedules SET next_fire_at = ?"
      + " WHERE namespace = ? AND name = ?";
  private static final String FIND = ScheduleRows.SELECT + " WHERE s.namespace = ? AND s.name = ?";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String LIST = ScheduleRows.SELECT + " WHERE s.namespace = ? ORDER BY s.name";
  private static final String DELETE = "DELETE FROM schedules WHERE namespace = ? AND name = ?";
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
      if (existing.isEmpty()) {
        insert(c, schedule, nextFireAt);
        return true;
      }
      if (existing.get().schedule().equals(schedule)) {
        // Unchanged: keep the version, so optimistic updates by version do not clash in vain.
        Sql.update(c, SET_NEXT_FIRE, nextFireAt, schedule.namespace(), schedule.name());
      } else {
        Sql.update(c, REPLACE, Sql.flat(ScheduleRows.definition(schedule), nextFireAt,
            db.now(), schedule.namespace(), schedule.name()));
      }
      return false;
    });
  }

  @Override
  public void create(Schedule schedule, Instant nextFireAt) {
    db.transaction(c -> {
      insert(c, schedule, nextFireAt);
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

  @Override
  public boolean delete(String namespace, String name) {
    return db.transaction(c -> Sql.update(c, DELETE, namespace, name)) == 1;
  }

  @Override
  public boolean setPaused(String namespace, String name, boolean paused, Instant nextFireAt) {
    return db.transaction(c -> Sql.update(c, SET_PAUSED, nextFireAt, paused, paused, db.now(),
        paused, namespace, name)) == 1;
  }

  @Override
  public Optional<Instant> earliestNextFire() {
    return db.read(c -> Sql.query(c, EARLIEST, row -> Sql.instant(row, "earliest")))
        .stream().filter(Objects::nonNull).findFirst();
  }

  private void insert(Connection c, Schedule schedule, Instant nextFireAt) throws SQLException {
    Instant now = db.now();
    try {
      Sql.update(c, INSERT, Sql.flat(schedule.namespace(), schedule.name(),
          ScheduleRows.definition(schedule), nextFireAt, now, now));
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
