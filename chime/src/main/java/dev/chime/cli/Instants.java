package dev.chime.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the instants people type on a command line. */
final class Instants {
  private Instants() {}

  /**
   * An instant ({@code 2026-03-08T09:00:00Z}), an offset date-time, or a local date-time or date
   * read in {@code zone} (the earlier instant when a local time occurs twice).
   */
  static Instant parse(String text, ZoneId zone, String option) {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // not an offset date-time; try the local forms
    }
    try {
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(t).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + ": \"" + text + "\" is not a time; write 2026-03-08T09:00:00Z,"
              + " 2026-03-08T02:00:00-07:00, 2026-03-08T02:00 or 2026-03-08");
    }
  }
}
