package dev.chime.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** An interval's fires: multiples of the period since the epoch, which is midnight UTC. */
final class IntervalFireSchedule implements FireSchedule {
  private final long periodSeconds;
  private final ZoneId zone;

  IntervalFireSchedule(long periodSeconds, ZoneId zone) {
    this.periodSeconds = periodSeconds;
    this.zone = zone;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Optional<FireTime> next(Instant after) {
    long t = after.getEpochSecond();
    return Optional.of(fire((Math.floorDiv(t, periodSeconds) + 1) * periodSeconds));
  }

  @Override
  public Optional<FireTime> previous(Instant before) {
    long t = before.getNano() > 0 ? before.getEpochSecond() : before.getEpochSecond() - 1;
    return Optional.of(fire(Math.floorDiv(t, periodSeconds) * periodSeconds));
  }

  private FireTime fire(long epochSecond) {
    return FireTime.atLocalTime(epochSecond, zone);
  }
}
