package dev.chime.scheduler;

import dev.chime.cron.FireSchedule;
import dev.chime.cron.FireTime;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a due schedule's fires become (SPEC §4), decided inside the claiming transaction.
 *
 * <ul>
 *   <li>A fire no later than the grace period runs (trigger {@code schedule}); so does a fire
 *       claimed ahead of its instant (before the claim's horizon), due at that instant.
 *   <li>Fires later than that were missed while Chime was down, and follow {@code catchup}:
 *       {@code latest} runs the most recent once (trigger {@code catchup}), {@code all} runs the
 *       most recent {@value #MAX_CATCHUP} oldest first, {@code skip} runs none. The ones not run
 *       are recorded {@code missed}, at most {@value #MAX_RECORDED_MISSES} of them.
 *   <li>A fire older than {@code startingDeadlineMs} is missed whatever the policy.
 *   <li>{@code dstGap: skip} fires are recorded {@code skipped}, as are fires that would overlap
 *       a run in flight under {@code concurrency: forbid}.
 * </ul>
 */
final class FirePlanning implements FirePlanner {
  static final int MAX_CATCHUP = 100;
  static final int MAX_RECORDED_MISSES = 100;
  private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private final Duration grace;
  private final Supplier<String> runIds;

  FirePlanning(Duration grace, Supplier<String> runIds) {
    this.grace = grace;
    this.runIds = runIds;
  }

  @Override
  public Plan plan(StoredSchedule due, boolean inFlight, Instant now, Instant horizon) {
    Schedule schedule = due.schedule();
    FireSchedule fires =
        schedule.timing().timing(schedule.namespace(), schedule.name())
            .in(schedule.zone(), schedule.delivery().dstGap());
    List<FireTime> dueFires = recentFires(fires, due.nextFireAt(), horizon);
    Instant next = fires.next(horizon).map(FireTime::instant).orElse(null);
    List<NewRun> runs = new ArrayList<>();
    boolean busy = inFlight;
    List<FireTime> missed = new ArrayList<>();
    for (FireTime fire : dueFires) {
      if (isLate(fire, now)) {
        missed.add(fire);
      } else {
        busy = add(runs, schedule, fire, Trigger.SCHEDULE, busy, now);
      }
    }
    catchUp(runs, schedule, missed, busy, now);
    runs.sort((a, b) -> a.fireAt().compareTo(b.fireAt()));
    return new Plan(runs, next);
  }

  /**
   * The fires from {@code from} to {@code until} (both inclusive), the most recent first found
   * walking back, so that a long outage costs at most a few hundred steps; returned oldest first.
   */
  private static List<FireTime> recentFires(FireSchedule fires, Instant from, Instant until) {
    Deque<FireTime> found = new ArrayDeque<>();
    Instant before = until.plusNanos(1);
    int limit = MAX_CATCHUP + MAX_RECORDED_MISSES + 1;
    while (found.size() < limit) {
      var fire = fires.previous(before);
      if (fire.isEmpty() || fire.get().instant().isBefore(from)) {
        break;
      }
      found.addFirst(fire.get());
      before = fire.get().instant();
    }
    return new ArrayList<>(found);
  }

  private boolean isLate(FireTime fire, Instant now) {
    return Duration.between(fire.instant(), now).compareTo(grace) > 0;
  }

  private void catchUp(
      List<NewRun> runs, Schedule schedule, List<FireTime> missed, boolean busy, Instant now) {
    Delivery.Catchup policy = schedule.delivery().catchup();
    int run =
        switch (policy) {
          case SKIP -> 0;
          case LATEST -> Math.min(1, missed.size());
          case ALL -> Math.min(MAX_CATCHUP, missed.size());
        };
    List<FireTime> toRun = missed.subList(missed.size() - run, missed.size());
    List<FireTime> notRun = missed.subList(0, missed.size() - run);
    int firstRecorded = Math.max(0, notRun.size() - MAX_RECORDED_MISSES);
    for (FireTime fire : notRun.subList(firstRecorded, notRun.size())) {
      runs.add(newRun(schedule, fire, Trigger.CATCHUP, RunStatus.MISSED,
          "missed while Chime was not running (catchup: " + policy.id() + ")", now));
    }
    for (FireTime fire : toRun) {
      busy = add(runs, schedule, fire, Trigger.CATCHUP, busy, now);
    }
  }

  /** Adds the run of one fire and returns whether a run is now in flight. */
  private boolean add(
      List<NewRun> runs, Schedule schedule, FireTime fire, Trigger trigger, boolean busy,
      Instant now) {
    Duration deadline = schedule.delivery().startingDeadline();
    if (deadline != null && Duration.between(fire.instant(), now).compareTo(deadline) > 0) {
      runs.add(newRun(schedule, fire, trigger, RunStatus.MISSED,
          "older than startingDeadlineMs (" + deadline.toMillis() + ") when it could start", now));
      return busy;
    }
    if (fire.skipped()) {
      runs.add(newRun(schedule, fire, trigger, RunStatus.SKIPPED,
          "dst-gap: " + WALL.format(fire.scheduled()) + " does not exist in "
              + schedule.zone().getId() + " (dstGap: skip)", now));
      return busy;
    }
    if (busy && schedule.delivery().concurrency() == Delivery.Concurrency.FORBID) {
      runs.add(newRun(schedule, fire, trigger, RunStatus.SKIPPED,
          "overlap: the previous run was still in flight (concurrency: forbid)", now));
      return true;
    }
    runs.add(newRun(schedule, fire, trigger, RunStatus.PENDING, "", now));
    return true;
  }

  private NewRun newRun(
      Schedule schedule, FireTime fire, Trigger trigger, RunStatus status, String reason,
      Instant now) {
    // A fire claimed ahead of its instant is due at it, not before.
    Instant due = fire.instant().isAfter(now) ? fire.instant() : now;
    return new NewRun(runIds.get(), schedule.namespace(), schedule.name(), trigger,
        fire.instant(), status, reason, status == RunStatus.PENDING ? due : null);
  }
}
