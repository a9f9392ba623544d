package dev.chime.store.jdbc;

import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import dev.chime.store.Conflict;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.StoredSchedule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Due fires become runs exactly once: the schedule row is locked while its fires are planned, and
 * each schedule or catch-up run is inserted under the unique (namespace, schedule, fire_key) key,
 * so a fire claimed twice (a retried transaction, a clock going back) still has one run.
 */
final class FireClaims {
  static final int MAX_LIMIT = 1000;

  private static final String DUE_WHERE = " WHERE s.paused = FALSE AND s.next_fire_at >= "
      + Sql.SINCE_EVER + " AND s.next_fire_at <= ?";
  private static final String DUE_ORDER = " ORDER BY s.next_fire_at, s.namespace, s.name LIMIT ?";
  // Picked and locked in one statement, where the dialect allows it (Dialect.locksOnlyWhatItReturns).
  private static final String DUE = ScheduleRows.SELECT + DUE_WHERE + DUE_ORDER;
  // Otherwise picked without a lock, then each taken by an update that matches only while it is
  // still due (a claimer that took it first has moved its next fire by the time the lock is
  // granted), then read. An update rather than a FOR UPDATE select: H2 never caches a FOR UPDATE
  // select's plan, and parsed the wide one again for every fire.
  private static final String DUE_KEYS = "SELECT s.namespace, s.name FROM schedules s"
      + DUE_WHERE + DUE_ORDER;
  private static final String TAKE_IF_DUE = "UPDATE schedules SET next_fire_at = next_fire_at"
      + " WHERE namespace = ? AND name = ? AND paused = FALSE AND next_fire_at <= ?";
  private static final String TAKEN = ScheduleRows.SELECT + " WHERE s.namespace = ? AND s.name = ?";
  private static final String ADVANCE = "UPDATE schedules SET next_fire_at = ?"
      + " WHERE namespace = ? AND name = ?";
  // The schedule shows the run with the latest fire instant; on a tie, the newer run.
  private static final String MARK_LATEST = "UPDATE schedules SET last_run_id = ?"
      + " WHERE namespace = ? AND name = ? AND (last_run_id IS NULL"
      + " OR (SELECT r.fire_at FROM runs r WHERE r.id = schedules.last_run_id) <= ?)";

  private final Database db;

  FireClaims(Database db) {
    this.db = db;
  }

  List<Run> claimDueFires(Instant now, int limit, FirePlanner planner) {
    checkLimit(limit);
    return db.transaction(c -> {
      List<StoredSchedule> due = db.dialect().locksOnlyWhatItReturns()
          ? Sql.query(c, db.dialect().lockForClaim(DUE), ScheduleRows::stored, now, limit)
          : lockEachStillDue(c, now, limit);
      List<Run> inserted = new ArrayList<>();
      for (StoredSchedule schedule : due) {
        inserted.addAll(claim(c, schedule, now, planner));
      }
      return inserted;
    });
  }

  /** Inserts a manual or chain run. */
  Run insert(NewRun run, Instant now) {
    if (run.keyedByFire()) {
      throw new IllegalArgumentException("run.trigger " + run.trigger().id() + ": schedule and"
          + " catch-up runs are made by claimDueFires, once per fire; insert takes manual and"
          + " chain runs");
    }
    Run created = RunRows.created(run, now);
    db.transaction(c -> {
      try {
        Sql.update(c, RunRows.INSERT, RunRows.insertValues(created));
      } catch (SQLException e) {
        if (db.dialect().duplicate(e)) {
          throw new Conflict("a run with id \"" + created.id() + "\" already exists");
        }
        if (db.dialect().missingParent(e)) {
          throw new IllegalArgumentException(
              "namespace \"" + created.namespace() + "\" does not exist");
        }
        throw e;
      }
      markLatest(c, created);
      db.announceChange(c);
      return null;
    });
    return created;
  }

  /**
   * The due schedules, picked without a lock and then locked one by one; a schedule another
   * claimer took in between is no longer due when its lock is granted, and is passed over.
   */
  private static List<StoredSchedule> lockEachStillDue(Connection c, Instant now, int limit)
      throws SQLException {
    List<Object[]> candidates = Sql.query(c, DUE_KEYS,
        row -> new Object[] {row.getString("namespace"), row.getString("name"), now}, now, limit);
    int[] taken = Sql.updateEach(c, TAKE_IF_DUE, candidates);
    List<Object[]> keys = new ArrayList<>();
    for (int i = 0; i < taken.length; i++) {
      if (taken[i] == 1) {
        keys.add(new Object[] {candidates.get(i)[0], candidates.get(i)[1]});
      }
    }
    return Sql.queryEach(c, TAKEN, ScheduleRows::stored, keys);
  }

  private List<Run> claim(Connection c, StoredSchedule due, Instant now, FirePlanner planner)
      throws SQLException {
    Schedule schedule = due.schedule();
    boolean inFlight = RunHistory.inFlight(c, schedule.namespace(), schedule.name());
    FirePlanner.Plan plan = planner.plan(due, inFlight, now);
    checkAdvances(due, plan);
    Sql.update(c, ADVANCE, plan.nextFireAt(), schedule.namespace(), schedule.name());
    List<Run> inserted = new ArrayList<>();
    for (NewRun run : plan.runs()) {
      checkBelongs(run, schedule);
      Run created = RunRows.created(run, now);
      if (insertOncePerFire(c, created)) {
        markLatest(c, created);
        inserted.add(created);
      }
    }
    return inserted;
  }

  private boolean insertOncePerFire(Connection c, Run run) throws SQLException {
    String sql = RunRows.keyedByFire(run) ? db.dialect().insertOncePerFire() : RunRows.INSERT;
    return Sql.update(c, sql, RunRows.insertValues(run)) == 1;
  }

  private static void markLatest(Connection c, Run run) throws SQLException {
    Sql.update(c, MARK_LATEST, run.id(), run.namespace(), run.schedule(), run.fireAt());
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** A plan that left the next fire where it was would be claimed again at once, forever. */
  private static void checkAdvances(StoredSchedule due, FirePlanner.Plan plan) {
    if (plan.nextFireAt() != null && !plan.nextFireAt().isAfter(due.nextFireAt())) {
      throw new IllegalStateException("the plan for " + key(due.schedule())
          + " does not advance its next fire past " + due.nextFireAt()
          + " (it gave " + plan.nextFireAt() + ")");
    }
  }

  private static void checkBelongs(NewRun run, Schedule schedule) {
    if (!schedule.namespace().equals(run.namespace()) || !schedule.name().equals(run.schedule())) {
      throw new IllegalStateException("the plan for " + key(schedule) + " made a run of "
          + run.namespace() + "/" + run.schedule());
    }
  }

  private static String key(Schedule schedule) {
    return schedule.namespace() + "/" + schedule.name();
  }
}
