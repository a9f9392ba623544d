package dev.chime.bench;

import java.time.Instant;

/**
 * The instants next-fire is asked about. Every library gets the same ones, in the same order.
 *
 * <p>{@code rotating} (the default) cycles through eight starts spread over a year, in both
 * halves of Denver's daylight-saving year and on both of its change days, so that no library's
 * one-entry cache (Chime keeps the zone offset segment it used last) can answer every call from
 * the same entry, and the numbers describe a mix of dates rather than one lucky one. {@code
 * fixed} asks about the first start only, the best case for any cache.
 */
final class StartInstants {
  private static final Instant[] ROTATING = {
    Instant.parse("2026-01-15T10:17:00Z"), // Thursday; 03:17 in Denver (MST)
    Instant.parse("2026-02-27T23:59:30Z"), // end of February, mid-minute
    Instant.parse("2026-03-08T08:30:00Z"), // 01:30 MST, half an hour before the spring gap
    Instant.parse("2026-04-30T18:45:00Z"), // last day of April
    Instant.parse("2026-06-13T06:05:00Z"), // Saturday; Friday evening in Denver
    Instant.parse("2026-08-31T21:10:00Z"), // Monday, end of August
    Instant.parse("2026-11-01T07:50:00Z"), // 01:50 MDT, ten minutes before the fall-back overlap
    Instant.parse("2026-12-31T23:44:59Z"), // New Year's Eve, one second before a quarter hour
  };

  private StartInstants() {}

  /** The starts of a {@code starts} parameter: a power-of-two count, so a mask can cycle them. */
  static Instant[] named(String name) {
    return switch (name) {
      case "rotating" -> ROTATING.clone();
      case "fixed" -> new Instant[] {ROTATING[0]};
      default ->
          throw new IllegalArgumentException(
              "unknown starts \"" + name + "\"; expected rotating or fixed");
    };
  }
}
