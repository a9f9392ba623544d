package dev.chime.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One instant at which a schedule is due: when it fires, the schedule's zone, the wall time the
 * expression names, and what daylight saving did to it. Immutable. The wall time is kept as a
 * number and turned into a {@link LocalDateTime} only when asked for, because computing fire
 * times is the scheduler's hot path.
 */
public final class FireTime {

  /** What daylight saving did to a fire. */
  public enum Adjustment {
    /** The wall time exists and fires as named. */
    NONE,
    /** The wall time fell in a spring-forward gap; it fires at the first instant after it. */
    SHIFTED,
    /** The wall time fell in a gap and the schedule says {@code dstGap: skip}: record, not send. */
    SKIPPED
  }

  /** {@link #scheduledMinute} when the wall time is simply the local time of the instant. */
  private static final long LOCAL_TIME_OF_INSTANT = Long.MIN_VALUE;

  private final long epochSecond;
  private final ZoneId zone;
  private final long scheduledMinute;
  private final Adjustment adjustment;
  private Instant instant; // made on first use; racing threads make equal ones

  public FireTime(Instant instant, ZoneId zone, LocalDateTime scheduled, Adjustment adjustment) {
    this(instant.getEpochSecond(), zone, scheduled.toEpochSecond(ZoneOffset.UTC) / 60, adjustment);
  }

  FireTime(long epochSecond, ZoneId zone, long scheduledEpochMinute, Adjustment adjustment) {
    this.epochSecond = epochSecond;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.scheduledMinute = scheduledEpochMinute;
    this.adjustment = Objects.requireNonNull(adjustment, "adjustment");
  }

  /** A fire whose wall time is the local time of its instant (intervals). */
  static FireTime atLocalTime(long epochSecond, ZoneId zone) {
    return new FireTime(epochSecond, zone, LOCAL_TIME_OF_INSTANT, Adjustment.NONE);
  }

  /** When it fires. */
  public Instant instant() {
    Instant i = instant;
    if (i == null) {
      i = Instant.ofEpochSecond(epochSecond);
      instant = i;
    }
    return i;
  }

  /** When it fires, in seconds since the epoch. */
  public long epochSecond() {
    return epochSecond;
  }

  /** The schedule's zone. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The wall time the expression names; differs from the local time of {@link #instant()} only
   * when daylight saving moved the fire past a gap.
   */
  public LocalDateTime scheduled() {
    if (scheduledMinute == LOCAL_TIME_OF_INSTANT) {
      return LocalDateTime.ofInstant(instant(), zone);
    }
    return LocalDateTime.ofEpochSecond(scheduledMinute * 60, 0, ZoneOffset.UTC);
  }

  /** What daylight saving did to this fire. */
  public Adjustment adjustment() {
    return adjustment;
  }

  /** The fire instant as a date-time in the schedule's zone. */
  public ZonedDateTime time() {
    return instant().atZone(zone);
  }

  /** Whether this fire is recorded as skipped rather than delivered. */
  public boolean skipped() {
    return adjustment == Adjustment.SKIPPED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FireTime other
        && epochSecond == other.epochSecond
        && zone.equals(other.zone)
        && scheduled().equals(other.scheduled())
        && adjustment == other.adjustment;
  }

  @Override
  public int hashCode() {
    return Objects.hash(epochSecond, zone, adjustment);
  }

  @Override
  public String toString() {
    String s = "FireTime[" + time() + ", " + adjustment;
    return adjustment == Adjustment.NONE ? s + "]" : s + ", scheduled " + scheduled() + "]";
  }
}
