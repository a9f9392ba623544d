package dev.chime.scheduler;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;

/**
 * What happens to a run, as this process records it: the facts that metrics, logs and alerts
 * are made of. Each event follows a write to the store, so it never reports what did not happen;
 * a run moved along by another replica is that replica's to report.
 */
public sealed interface RunEvent {

  /** The run as it stands after the event. */
  Run run();

  /**
   * A run was created: a fire claimed (trigger {@code schedule} or {@code catchup}), a manual run
   * or a chain run. A fire recorded {@code missed} or {@code skipped} is created final, and its
   * {@link Finished} follows at once.
   */
  record Created(Run run) implements RunEvent {}

  /**
   * An attempt ended and was recorded.
   *
   * @param run the run after it: pending again (a retry is due), running (awaiting its
   *     completion report), or final
   */
  record AttemptEnded(Run run, Attempt attempt) implements RunEvent {}

  /**
   * The run reached a final status: by an attempt, at its creation (missed, skipped), by its
   * completion report, or by its completion deadline (timed out).
   *
   * @param lastAttempt the attempt that ended it, or null when none did
   */
  record Finished(Run run, Attempt lastAttempt) implements RunEvent {}
}
