package dev.chime.alert;

import dev.chime.schedule.RunStatus;
import java.util.Locale;
import java.util.Optional;

/** What a schedule alerts about; each has its own ten-minute window. */
public enum Condition {
  /** A run failed after its last attempt, or timed out awaiting its completion report. */
  FAILED,
  /** A fire was missed: Chime was down past the grace period, or the fire passed its deadline. */
  MISSED,
  /** A fire was skipped: an overlap under {@code concurrency: forbid}, or a DST gap. */
  SKIPPED,
  /** A run succeeded after a failure. */
  RECOVERED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The condition a final status raises by itself (a success is a recovery only after a failure). */
  static Optional<Condition> of(RunStatus status) {
    return switch (status) {
      case FAILED, TIMED_OUT -> Optional.of(FAILED);
      case MISSED -> Optional.of(MISSED);
      case SKIPPED -> Optional.of(SKIPPED);
      case PENDING, RUNNING, SUCCEEDED -> Optional.empty();
    };
  }
}
