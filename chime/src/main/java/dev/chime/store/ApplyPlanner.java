package dev.chime.store;

import dev.chime.schedule.Schedule;
import java.time.Instant;
import java.util.List;

/**
 * Decides, inside the transaction of {@link ScheduleStore#apply}, how a namespace's schedules
 * change. The store locks them and hands them over; the planner answers with the writes, so the
 * plan a caller is shown is made from exactly the rows that are then written.
 */
@FunctionalInterface
public interface ApplyPlanner {

  /** @param current the namespace's schedules by name, locked until the transaction ends */
  Writes plan(List<StoredSchedule> current);

  /** Schedules to create or replace, and the names of schedules to delete. */
  record Writes(List<Put> puts, List<String> deletes) {
    public static final Writes NONE = new Writes(List.of(), List.of());

    public Writes {
      puts = List.copyOf(puts);
      deletes = List.copyOf(deletes);
    }

    public boolean isEmpty() {
      return puts.isEmpty() && deletes.isEmpty();
    }
  }

  /** @param nextFireAt null when it has no fire to claim (paused, or no more fires) */
  record Put(Schedule schedule, Instant nextFireAt) {}
}
