package dev.chime.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The system clock plus an offset that the harness moves forward between measurements, so that a
 * fire minute arrives in seconds instead of once a minute. While a measurement runs the offset
 * does not change: the clock then advances exactly as the system clock does, and every duration
 * measured with it (receive time minus {@code X-Fired-At}) is real time.
 */
final class ShiftedClock implements InstantSource {
  private volatile long offsetNanos;

  @Override
  public Instant instant() {
    return Instant.now().plusNanos(offsetNanos);
  }

  /** Moves the clock forward so that it reads {@code target} now; never backward. */
  void jumpTo(Instant target) {
    long by = Duration.between(instant(), target).toNanos();
    if (by < 0) {
      throw new IllegalStateException("the clock would go back " + Duration.ofNanos(-by)
          + " (to " + target + "); a measurement took longer than the harness allows for");
    }
    offsetNanos += by;
  }

  /** The first whole minute strictly after {@code after}. */
  static Instant nextMinute(Instant after) {
    long minute = Math.floorDiv(after.getEpochSecond(), 60) + 1;
    return Instant.ofEpochSecond(minute * 60);
  }
}
