package dev.chime.store;

import java.time.Instant;
import java.util.List;

/**
 * Decides, inside the claiming transaction, what a due schedule's fires become. The scheduler
 * implements it with the cron engine; the store stays free of time rules.
 */
@FunctionalInterface
public interface FirePlanner {

  /**
   * @param due the schedule, locked for this transaction
   * @param inFlight whether a run of it is pending or running; looked up only for {@code
   *     concurrency: forbid}, the one policy that needs it (false for the others)
   * @param now the claimer's clock, by which fires are late or missed
   * @param horizon the fires due up to this instant (at or after {@code now}) are planned now;
   *     the next fire is the first after it
   */
  Plan plan(StoredSchedule due, boolean inFlight, Instant now, Instant horizon);

  /** The runs to insert and the schedule's new next fire (null when it has no more fires). */
  record Plan(List<NewRun> runs, Instant nextFireAt) {
    public Plan {
      runs = List.copyOf(runs);
    }
  }
}
