package dev.chime.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One cron library driven through its own natural API, for one expression in one zone.
 *
 * <p>Everything a library needs that is not part of the measured work is done once in the
 * constructor: the expression is rewritten into the library's syntax (see {@link PeerSyntax}),
 * the start instants are converted into the type its next-fire method takes ({@code Instant},
 * {@code ZonedDateTime} or {@code Date}), and zone objects are looked up. What remains is what a
 * scheduler calls on its hot path.
 */
interface CronEngine {

  /**
   * Turns the expression's text into an object that can answer next-fire questions in the zone:
   * for libraries whose parsed value is bound to a zone (Chime's {@code in(zone)}, Quartz's
   * {@code setTimeZone}) that binding is part of the work.
   */
  Object parse();

  /** The first fire strictly after start instant {@code i}, in the library's own result type. */
  Object next(int i);

  /** The first fire strictly after {@code after}, as an instant: for checking, not measuring. */
  Optional<Instant> nextInstant(Instant after);

  /** The libraries compared, by the name used in {@code @Param} and in reports. */
  static CronEngine of(String library, String posix, ZoneId zone, Instant[] starts) {
    return switch (library) {
      case "chime" -> new ChimeEngine(posix, zone, starts);
      case "spring" -> new SpringEngine(posix, zone, starts);
      case "cron-utils" -> new CronUtilsEngine(posix, zone, starts);
      case "quartz" -> new QuartzEngine(posix, zone, starts);
      case "jobrunr" -> new JobRunrEngine(posix, zone, starts);
      default -> throw new IllegalArgumentException("unknown library \"" + library + "\"");
    };
  }
}
