package dev.chime.scheduler;

import dev.chime.cron.FireTime;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.store.NewRun;
import dev.chime.store.Store;
import dev.chime.store.StoredSchedule;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to schedules, applied at once (SPEC §4): every change recomputes the next fire and
 * wakes the scheduler, so there is no restart and no recalculation job. The API and {@code
 * apply} go through here, never to the store directly.
 */
public final class ScheduleService {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);

  private final Store store;
  private final InstantSource clock;
  private final Wakeup wakeup;
  private final Supplier<String> runIds;

  public ScheduleService(Store store, InstantSource clock, Wakeup wakeup, Supplier<String> runIds) {
    this.store = store;
    this.clock = clock;
    this.wakeup = wakeup;
    this.runIds = runIds;
  }

  /**
   * Creates or replaces a schedule. A change of timing counts from now, so fires missed before a
   * change are not replayed; when the timing is unchanged (the same file applied again, a new
   * description) the next fire is kept, so a fire due but not yet claimed is not lost.
   *
   * @return true when it was created
   */
  public boolean put(Schedule schedule) {
    Instant next = store.schedules().find(schedule.namespace(), schedule.name())
        .filter(stored -> sameTiming(stored.schedule(), schedule) && stored.nextFireAt() != null)
        .map(StoredSchedule::nextFireAt)
        .orElseGet(() -> nextFire(schedule, clock.instant()));
    boolean created = store.schedules().put(schedule, next);
    wakeup.changed(schedule.namespace(), schedule.name());
    return created;
  }

  private static boolean sameTiming(Schedule stored, Schedule next) {
    return stored.timing().equals(next.timing())
        && stored.zone().equals(next.zone())
        && stored.delivery().dstGap() == next.delivery().dstGap()
        && stored.paused() == next.paused()
        && !next.paused();
  }

  /** Creates a schedule; {@link dev.chime.store.Conflict} when the name is taken. */
  public void create(Schedule schedule) {
    store.schedules().create(schedule, nextFire(schedule, clock.instant()));
    wakeup.wake();
  }

  public boolean delete(String namespace, String name) {
    boolean deleted = store.schedules().delete(namespace, name);
    wakeup.changed(namespace, name);
    return deleted;
  }

  /** Pauses or resumes; resuming counts from now, not from when it was paused. */
  public Optional<StoredSchedule> setPaused(String namespace, String name, boolean paused) {
    Optional<StoredSchedule> found = store.schedules().find(namespace, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Schedule schedule = found.get().schedule().withPaused(paused);
    Instant next = nextFire(schedule, clock.instant());
    store.schedules().setPaused(namespace, name, paused, next);
    wakeup.changed(namespace, name);
    return store.schedules().find(namespace, name);
  }

  /** Runs a schedule now (trigger {@code manual}), paused or not. */
  public Optional<Run> trigger(String namespace, String name) {
    return trigger(namespace, name, Trigger.MANUAL);
  }

  Optional<Run> trigger(String namespace, String name, Trigger trigger) {
    if (store.schedules().find(namespace, name).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Run run = store.runs().insert(
        new NewRun(runIds.get(), namespace, name, trigger, now, RunStatus.PENDING, "", now), now);
    wakeup.wake();
    return Optional.of(run);
  }

  /**
   * Ends a {@code completion: callback} run with the service's report (SPEC §3.1); when it
   * succeeded, its schedule's chain runs, as after a run that succeeded by its response.
   *
   * @return false when the run is not awaiting a report (unknown, or already final)
   */
  public boolean complete(String runId, RunStatus status, String message) {
    if (!store.runs().complete(runId, status, message, clock.instant())) {
      return false;
    }
    if (status == RunStatus.SUCCEEDED) {
      store.runs().find(runId).ifPresent(this::runChain);
    }
    return true;
  }

  /** Runs each schedule in the chain of {@code run}'s schedule once (trigger {@code chain}). */
  void runChain(Run run) {
    Optional<StoredSchedule> schedule = store.schedules().find(run.namespace(), run.schedule());
    runChain(run, schedule.map(s -> s.schedule().delivery().chain()).orElse(List.of()));
  }

  /** Runs each schedule of {@code chain} once (trigger {@code chain}) after {@code run}. */
  void runChain(Run run, List<String> chain) {
    for (String next : chain) {
      if (trigger(run.namespace(), next, Trigger.CHAIN).isEmpty()) {
        LOG.warn("chain of {}/{} names {}, which does not exist", run.namespace(),
            run.schedule(), next);
      }
    }
  }

  /** The next {@code count} fires strictly after {@code after}. */
  public static List<FireTime> nextFires(Schedule schedule, Instant after, int count) {
    return schedule.timing().timing(schedule.namespace(), schedule.name())
        .in(schedule.zone(), schedule.delivery().dstGap())
        .fireTimes(after).limit(count).toList();
  }

  static Instant nextFire(Schedule schedule, Instant after) {
    if (schedule.paused()) {
      return null;
    }
    return nextFires(schedule, after, 1).stream().findFirst().map(FireTime::instant).orElse(null);
  }
}
