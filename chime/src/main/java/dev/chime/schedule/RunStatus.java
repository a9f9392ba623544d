package dev.chime.schedule;

import java.util.Locale;

/** Where a run is in its life. The last five are final. */
public enum RunStatus {
  /** Claimed and waiting for its first (or next) attempt. */
  PENDING,
  /** An attempt is in flight, or a {@code completion: callback} run awaits its report. */
  RUNNING,
  SUCCEEDED,
  /** The last attempt failed, or a response said not to retry. */
  FAILED,
  /** A {@code completion: callback} run was not completed within its deadline. */
  TIMED_OUT,
  /** Not sent, with a reason: an overlap under {@code concurrency: forbid}, or a DST gap. */
  SKIPPED,
  /** A fire not run because Chime was down (catch-up {@code skip}, or past its deadline). */
  MISSED;

  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
