package dev.chime.cron;

import java.time.ZoneId;
import java.util.Locale;

/** When a schedule fires: a cron expression or an {@code every} interval. */
public sealed interface Timing permits CronExpression, Interval {

  /**
   * Parses a schedule's timing: a cron expression in {@code dialect}, {@code @every 2h}, or AWS's
   * {@code rate(2 hours)}.
   *
   * @param spreadKey what {@code H} hashes (namespace and schedule name); may be empty
   * @throws CronParseException naming the field, column and text at fault
   */
  static Timing parse(String text, Dialect dialect, String spreadKey) {
    String trimmed = text.strip();
    if (trimmed.toLowerCase(Locale.ROOT).startsWith("@every")) {
      return Interval.parseMacro(text);
    }
    if (dialect == Dialect.AWS && trimmed.toLowerCase(Locale.ROOT).startsWith("rate(")) {
      return Interval.parseRate(text);
    }
    return CronExpression.parse(text, dialect, spreadKey);
  }

  /** The text as declared; for an interval {@code @every 2h}. */
  String expression();

  /** The fire times in {@code zone}, with the default daylight-saving gap policy. */
  default FireSchedule in(ZoneId zone) {
    return in(zone, DstGap.SHIFT);
  }

  /** The fire times in {@code zone}. */
  FireSchedule in(ZoneId zone, DstGap gap);

  /** Plain English, ending with the zone: "At 09:00, Monday through Friday (America/Denver)". */
  String describe(ZoneId zone);
}
