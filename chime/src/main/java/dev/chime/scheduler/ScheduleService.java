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

/**
 * PLACEHOLDER written on branch {@code api} so the REST API compiles before the scheduler lands;
 * the scheduler's own ScheduleService (same signatures) replaces it. Every schedule change goes
 * through here so that the next fire is recomputed and the loop woken at once.
 */
public final class ScheduleService {
  private final Store store;
  private final InstantSource clock;
  private final Wakeup wakeup;
  private final Supplier<String> runIds;

  public ScheduleService(Store store, InstantSource clock, Wakeup wakeup,
      Supplier<String> runIds) {
    this.store = store;
    this.clock = clock;
    this.wakeup = wakeup;
    this.runIds = runIds;
  }

  /** Creates or replaces; true when created. */
  public boolean put(Schedule schedule) {
    boolean created = store.schedules().put(schedule, nextFire(schedule));
    wakeup.wake();
    return created;
  }

  /** Creates; {@link dev.chime.store.Conflict} when the name is taken. */
  public void create(Schedule schedule) {
    store.schedules().create(schedule, nextFire(schedule));
    wakeup.wake();
  }

  public boolean delete(String namespace, String name) {
    boolean deleted = store.schedules().delete(namespace, name);
    wakeup.wake();
    return deleted;
  }

  public Optional<StoredSchedule> setPaused(String namespace, String name, boolean paused) {
    Optional<StoredSchedule> found = store.schedules().find(namespace, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Schedule schedule = found.get().schedule().withPaused(paused);
    store.schedules().setPaused(namespace, name, paused, nextFire(schedule));
    wakeup.wake();
    return store.schedules().find(namespace, name);
  }

  /** A pending manual run, or empty when the schedule does not exist. */
  public Optional<Run> trigger(String namespace, String name) {
    if (store.schedules().find(namespace, name).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Run run = store.runs().insert(new NewRun(runIds.get(), namespace, name, Trigger.MANUAL, now,
        RunStatus.PENDING, "", now), now);
    wakeup.wake();
    return Optional.of(run);
  }

  public static List<FireTime> nextFires(Schedule schedule, Instant after, int count) {
    return schedule.timing().timing(schedule.namespace(), schedule.name())
        .in(schedule.zone(), schedule.delivery().dstGap())
        .fireTimes(after)
        .limit(count)
        .toList();
  }

  private Instant nextFire(Schedule schedule) {
    if (schedule.paused()) {
      return null;
    }
    List<FireTime> next = nextFires(schedule, clock.instant(), 1);
    return next.isEmpty() ? null : next.get(0).instant();
  }
}
