package dev.chime.store;

import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import java.time.Instant;

/**
 * A run to insert. Runs of trigger {@code schedule} and {@code catchup} are unique per (schedule,
 * fire instant): inserting one twice inserts it once. Manual and chain runs are always new.
 *
 * @param status {@code PENDING} to deliver, or {@code SKIPPED} / {@code MISSED} with a reason
 */
public record NewRun(
    String id,
    String namespace,
    String schedule,
    Trigger trigger,
    Instant fireAt,
    RunStatus status,
    String reason,
    Instant nextAttemptAt) {

  /** Whether the unique (schedule, fire instant) key applies. */
  public boolean keyedByFire() {
    return trigger == Trigger.SCHEDULE || trigger == Trigger.CATCHUP;
  }
}
