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
   * @param inFlight whether a run of it is pending or running (for {@code concurrency: forbid})
   * @param now the database's or the scheduler's clock, as the store decides
   */
  Plan plan(StoredSchedule due, boolean inFlight, Instant now);

  /** The runs to insert and the schedule's new next fire (null when it has no more fires). */
  record Plan(List<NewRun> runs, Instant nextFireAt) {
    public Plan {
      runs = List.copyOf(runs);
    }
  }
}
