package dev.chime.store;

import dev.chime.schedule.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Schedules and their next fire instants. */
public interface ScheduleStore {

  /**
   * Creates or replaces a schedule, setting its next fire; it is then the API's ({@link
   * StoredSchedule.Source#API}).
   *
   * @return true when it was created
   */
  boolean put(Schedule schedule, Instant nextFireAt);

  /**
   * Creates a schedule, the API's.
   *
   * @throws Conflict when the namespace already has a schedule of that name
   */
  void create(Schedule schedule, Instant nextFireAt);

  Optional<StoredSchedule> find(String namespace, String name);

  /** A namespace's schedules by name. */
  List<StoredSchedule> list(String namespace);

  /**
   * Brings a namespace's schedules in line with a catalog file, all or nothing: locks the
   * namespace and its schedules, hands them to {@code planner}, and makes the writes it answers
   * in the same transaction, deletes first. What it creates or replaces becomes the catalog's
   * ({@link StoredSchedule.Source#CATALOG}). Two applies to one namespace run one after the
   * other; a failure part-way (a name taken meanwhile, the database) leaves every schedule as it
   * was.
   *
   * @throws IllegalArgumentException when the namespace does not exist, or a write names another
   * @throws Conflict when a schedule to create was made meanwhile
   */
  void apply(String namespace, ApplyPlanner planner);

  /**
   * How many schedules each namespace has, enabled and paused (for metrics): one aggregate
   * query, not a read of every schedule.
   */
  List<ScheduleCount> count();

  /** The schedules of a namespace in one state. */
  record ScheduleCount(String namespace, boolean paused, long schedules) {}

  /** Deletes a schedule; its runs stay in the history. True when it existed. */
  boolean delete(String namespace, String name);

  /**
   * Pauses or resumes a schedule, setting its next fire; its source stays, since pausing is an
   * operator's act, not a new definition. True when it existed.
   */
  boolean setPaused(String namespace, String name, boolean paused, Instant nextFireAt);

  /** The earliest next fire of any enabled schedule: when the scheduler must wake up next. */
  Optional<Instant> earliestNextFire();
}
