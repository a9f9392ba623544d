package dev.chime.store.jdbc;

import dev.chime.schedule.Delivery;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.store.ClaimedFires;
import dev.chime.store.ClaimedRun;
import dev.chime.store.Conflict;
import dev.chime.store.FireClaim;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.StoredSchedule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Due fires become runs exactly once: the schedule row is locked while its fires are planned, and
 * each schedule or catch-up run is inserted under the unique (namespace, schedule, fire_key) key,
 * so a fire claimed twice (a retried transaction, a clock going back) still has one run.
 *
 * <p>A claim costs a fixed number of statements per schedule, sent in JDBC batches: lock, insert
 * its runs, advance it (and point it at its latest run). Runs the claim starts are inserted
 * {@code running} under the lease, so a fire's first attempt needs no transaction of its own.
 */
final class FireClaims {
  static final int MAX_LIMIT = 1000;

  private static final String DUE_WHERE = " WHERE s.paused = FALSE AND s.next_fire_at >= "
      + Sql.SINCE_EVER + " AND s.next_fire_at <= ?";
  private static final String DUE_ORDER = " ORDER BY s.next_fire_at, s.namespace, s.name LIMIT ?";
  // Picked and locked in one statement where the dialect allows it (locksOnlyWhatItReturns);
  // otherwise picked without a lock, then each taken by TAKE_IF_UNCHANGED.
  private static final String DUE = ScheduleRows.SELECT + DUE_WHERE + DUE_ORDER;
  // Matches only while the row is as it was read: still due at the same fire, same definition
  // (a claimer that took it first has moved its next fire by the time the lock is granted, a
  // change has raised its version). An update rather than a FOR UPDATE select: H2 never caches
  // a FOR UPDATE select's plan, and parsed the wide one again for every fire. Taking the row as
  // read spares reading it again under the lock.
  private static final String TAKE_IF_UNCHANGED = "UPDATE schedules SET next_fire_at ="
      + " next_fire_at WHERE namespace = ? AND name = ? AND paused = FALSE AND next_fire_at = ?"
      + " AND version = ?";
  private static final String ADVANCE = "UPDATE schedules SET next_fire_at = ?"
      + " WHERE namespace = ? AND name = ?";
  // The schedule shows the run with the latest fire instant; on a tie, the newer run.
  private static final String NEWER_THAN_LATEST = "last_run_id IS NULL"
      + " OR (SELECT r.fire_at FROM runs r WHERE r.id = schedules.last_run_id) <= ?";
  private static final String ADVANCE_AND_MARK = "UPDATE schedules SET next_fire_at = ?,"
      + " last_run_id = CASE WHEN " + NEWER_THAN_LATEST + " THEN CAST(? AS VARCHAR("
      + RunRows.MAX_ID + ")) ELSE last_run_id END WHERE namespace = ? AND name = ?";
  private static final String MARK_LATEST = "UPDATE schedules SET last_run_id = ?"
      + " WHERE namespace = ? AND name = ? AND (" + NEWER_THAN_LATEST + ")";

  private final Database db;

  FireClaims(Database db) {
    this.db = db;
  }

  ClaimedFires claimDueFires(FireClaim claim, FirePlanner planner) {
    checkLimit(claim.limit());
    Instant leaseExpires = claim.starts() == 0 ? null : Sql.stored(claim.now().plus(claim.lease()));
    return db.transaction(c -> {
      List<StoredSchedule> due = db.dialect().locksOnlyWhatItReturns()
          ? Sql.query(c, db.dialect().lockForClaim(DUE), ScheduleRows::stored, claim.horizon(),
              claim.limit())
          : takeEachUnchanged(c, claim.horizon(), claim.limit());
      List<Planned> planned = new ArrayList<>();
      List<Run> runs = new ArrayList<>();
      for (StoredSchedule schedule : due) {
        FirePlanner.Plan plan = planner.plan(schedule, inFlight(c, schedule.schedule()),
            claim.now(), claim.horizon());
        check(schedule, plan);
        planned.add(new Planned(schedule, plan, runs.size()));
        for (NewRun run : plan.runs()) {
          runs.add(RunRows.created(run, claim.now()));
        }
      }
      boolean[] start = toStart(runs, claim.starts());
      List<Object[]> values = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        values.add(start[i]
            ? RunRows.insertValues(RunRows.started(runs.get(i)), claim.owner(), leaseExpires)
            : RunRows.insertValues(runs.get(i)));
      }
      int[] counts = Sql.updateEach(c, db.dialect().insertOncePerFire(), values);
      List<Run> inserted = new ArrayList<>();
      List<ClaimedFires.Started> started = new ArrayList<>();
      List<Run> latest = new ArrayList<>();
      for (Planned p : planned) {
        Run latestOfSchedule = null;
        for (int i = p.firstRun(); i < p.firstRun() + p.plan().runs().size(); i++) {
          if (counts[i] != 1) {
            continue; // the fire already had its run
          }
          Run run = start[i] ? RunRows.started(runs.get(i)) : runs.get(i);
          if (start[i]) {
            started.add(new ClaimedFires.Started(
                new ClaimedRun(run, claim.owner(), 1, leaseExpires), p.due().schedule()));
          }
          inserted.add(run);
          if (latestOfSchedule == null || !run.fireAt().isBefore(latestOfSchedule.fireAt())) {
            latestOfSchedule = run; // the latest fire; on a tie, the newer run
          }
        }
        latest.add(latestOfSchedule);
      }
      advance(c, planned, latest);
      started.sort(Comparator.comparing(s -> s.claim().run().fireAt()));
      return new ClaimedFires(due.size(), inserted, started);
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
      Sql.update(c, MARK_LATEST, created.id(), created.namespace(), created.schedule(),
          created.fireAt());
      return null;
    });
    return created;
  }

  /** A due schedule, its plan, and where the plan's runs begin in the claim's list of runs. */
  private record Planned(StoredSchedule due, FirePlanner.Plan plan, int firstRun) {}

  /**
   * The due schedules, read without a lock and then taken one by one; a schedule another
   * claimer took, or a change touched, in between no longer matches when its lock is granted,
   * and is passed over.
   */
  private static List<StoredSchedule> takeEachUnchanged(Connection c, Instant horizon, int limit)
      throws SQLException {
    List<StoredSchedule> candidates = Sql.query(c, DUE, ScheduleRows::stored, horizon, limit);
    List<Object[]> keys = new ArrayList<>();
    for (StoredSchedule candidate : candidates) {
      Schedule schedule = candidate.schedule();
      keys.add(new Object[] {schedule.namespace(), schedule.name(), candidate.nextFireAt(),
          candidate.version()});
    }
    int[] taken = Sql.updateEach(c, TAKE_IF_UNCHANGED, keys);
    List<StoredSchedule> due = new ArrayList<>();
    for (int i = 0; i < taken.length; i++) {
      if (taken[i] == 1) {
        due.add(candidates.get(i));
      }
    }
    return due;
  }

  /** Only {@code forbid} needs to know; the lookup reads the schedule's history. */
  private static boolean inFlight(Connection c, Schedule schedule) throws SQLException {
    return schedule.delivery().concurrency() == Delivery.Concurrency.FORBID
        && RunHistory.inFlight(c, schedule.namespace(), schedule.name());
  }

  /** Which runs to start: the pending ones with the {@code starts} oldest fires. */
  private static boolean[] toStart(List<Run> runs, int starts) {
    boolean[] start = new boolean[runs.size()];
    IntStream.range(0, runs.size())
        .filter(i -> runs.get(i).status() == RunStatus.PENDING)
        .boxed()
        .sorted(Comparator.comparing(i -> runs.get(i).fireAt()))
        .limit(starts)
        .forEach(i -> start[i] = true);
    return start;
  }

  /**
   * Moves each schedule's next fire on, and points it at {@code latest}, the latest run the
   * claim inserted for it (if any), unless it shows a later one.
   */
  private static void advance(Connection c, List<Planned> planned, List<Run> latest)
      throws SQLException {
    List<Object[]> advances = new ArrayList<>();
    List<Object[]> marks = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Schedule schedule = planned.get(i).due().schedule();
      Instant next = planned.get(i).plan().nextFireAt();
      Run run = latest.get(i);
      if (run == null) {
        advances.add(new Object[] {next, schedule.namespace(), schedule.name()});
      } else {
        marks.add(new Object[] {next, run.fireAt(), run.id(), schedule.namespace(),
            schedule.name()});
      }
    }
    Sql.updateEach(c, ADVANCE, advances);
    Sql.updateEach(c, ADVANCE_AND_MARK, marks);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /**
   * A plan that left the next fire where it was would be claimed again at once, forever; a plan
   * may only make schedule and catch-up runs of its own schedule.
   */
  private static void check(StoredSchedule due, FirePlanner.Plan plan) {
    if (plan.nextFireAt() != null && !plan.nextFireAt().isAfter(due.nextFireAt())) {
      throw new IllegalStateException("the plan for " + key(due.schedule())
          + " does not advance its next fire past " + due.nextFireAt()
          + " (it gave " + plan.nextFireAt() + ")");
    }
    for (NewRun run : plan.runs()) {
      if (!due.schedule().namespace().equals(run.namespace())
          || !due.schedule().name().equals(run.schedule()) || !run.keyedByFire()) {
        throw new IllegalStateException("the plan for " + key(due.schedule()) + " made a "
            + run.trigger().id() + " run of " + run.namespace() + "/" + run.schedule());
      }
    }
  }

  private static String key(Schedule schedule) {
    return schedule.namespace() + "/" + schedule.name();
  }
}
