package dev.chime.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fire times of a {@link Timing} in one zone. Immutable and safe to share between threads.
 */
public sealed interface FireSchedule permits CronFireSchedule, IntervalFireSchedule {

  /** The zone the wall times are read in. */
  ZoneId zone();

  /** The first fire strictly after {@code after}; empty only when a year field has run out. */
  Optional<FireTime> next(Instant after);

  /** The last fire strictly before {@code before}; empty when there is none. */
  Optional<FireTime> previous(Instant before);

  /** The fires strictly after {@code after}, in order, computed as they are consumed. */
  default Stream<FireTime> fireTimes(Instant after) {
    return Stream.iterate(next(after), Optional::isPresent, f -> next(f.get().instant()))
        .map(Optional::get);
  }
}
