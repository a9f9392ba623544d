package dev.chime.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One instant at which a schedule is due.
 *
 * @param instant when it fires
 * @param zone the schedule's zone
 * @param scheduled the wall time the expression names; differs from the local time of {@code
 *     instant} only when daylight saving moved the fire past a gap
 * @param adjustment what daylight saving did to this fire
 */
public record FireTime(
    Instant instant, ZoneId zone, LocalDateTime scheduled, Adjustment adjustment) {

  /** What daylight saving did to a fire. */
  public enum Adjustment {
    /** The wall time exists and fires as named. */
    NONE,
    /** The wall time fell in a spring-forward gap; it fires at the first instant after it. */
    SHIFTED,
    /** The wall time fell in a gap and the schedule says {@code dstGap: skip}: record, not send. */
    SKIPPED
  }

  /** The fire instant as a date-time in the schedule's zone. */
  public ZonedDateTime time() {
    return instant.atZone(zone);
  }

  /** Whether this fire is recorded as skipped rather than delivered. */
  public boolean skipped() {
    return adjustment == Adjustment.SKIPPED;
  }
}
