package dev.chime.cli;

import dev.chime.cron.FireTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.Locale;

/** How the command line prints fire times, with daylight-saving effects spelled out. */
final class FireTimeFormat {
  /** ISO-8601 with the zone's offset and seconds always present: 2026-03-08T03:00:00-06:00. */
  static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
  private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private FireTimeFormat() {}

  static String offset(FireTime fire) {
    return OFFSET.format(fire.time());
  }

  /** One line: local time with offset, weekday, UTC, and what daylight saving did. */
  static String line(FireTime fire) {
    String line =
        offset(fire)
            + "  "
            + DAY.format(fire.time())
            + "  "
            + UTC.format(fire.instant().atOffset(ZoneOffset.UTC));
    String note = note(fire);
    return note.isEmpty() ? line : line + "  (" + note + ")";
  }

  /** Why this fire is unusual, or "" when it is not. */
  static String note(FireTime fire) {
    String zone = fire.zone().getId();
    return switch (fire.adjustment()) {
      case SHIFTED -> WALL.format(fire.scheduled())
          + " does not exist in " + zone + " that day; runs at " + WALL.format(fire.time());
      case SKIPPED -> WALL.format(fire.scheduled())
          + " does not exist in " + zone + " that day; skipped (dstGap: skip)";
      case NONE -> repeated(fire);
    };
  }

  private static String repeated(FireTime fire) {
    ZoneRules rules = fire.zone().getRules();
    var local = fire.time().toLocalDateTime();
    var offsets = rules.getValidOffsets(local);
    if (offsets.size() < 2) {
      return "";
    }
    boolean first = fire.time().getOffset().equals(offsets.get(0));
    return WALL.format(local)
        + " occurs twice as clocks fall back; this is the "
        + (first ? "first" : "second")
        + " time";
  }
}
