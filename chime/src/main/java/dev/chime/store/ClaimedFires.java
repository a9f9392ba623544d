package dev.chime.store;

import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import java.util.List;

/**
 * What a claim of due fires did.
 *
 * @param schedules how many due schedules it claimed: fewer than the limit when no more were due
 * @param inserted the runs inserted (a fire that already had its run is not inserted again), as
 *     inserted: started runs are {@code running}
 * @param started the runs started under the claim's lease, oldest fire first, with the schedule
 *     they were planned from
 */
public record ClaimedFires(int schedules, List<Run> inserted, List<Started> started) {

  public ClaimedFires {
    inserted = List.copyOf(inserted);
    started = List.copyOf(started);
  }

  /** A run whose first attempt the claim started, and its schedule as the claim read it. */
  public record Started(ClaimedRun claim, Schedule schedule) {}
}
