package dev.chime.cron;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-English descriptions of timings (SPEC §2.6), such as "At 09:00, Monday through Friday
 * (America/Denver)". Described from the parsed pattern, never from the text, so every dialect,
 * macro and spread ({@code H}) value reads the same way; always deterministic, and always ending
 * with the zone in parentheses.
 *
 * <p>The parts are, in order: the time of day ({@link TimeWords}), the days ({@link DayWords}),
 * then months and years ({@link CalendarWords}), separated by commas. When both day fields are
 * restricted under the Vixie rule the days read "on day 13 of the month or on Friday".
 */
final class Words {
  private static final int MINUTES_PER_DAY = 24 * 60;

  /** An interval with at most this many fires a day lists them. */
  private static final int LISTED_FIRES = 4;

  private Words() {}

  static String describe(CronExpression cron, ZoneId zone) {
    TimePattern p = cron.pattern();
    TimeWords.Phrase time = TimeWords.describe(p.minutes(), p.hours());
    List<String> parts = new ArrayList<>();
    parts.add(time.text());
    parts.addAll(CalendarWords.describe(p.days(), p.months(), p.years(), time.withinDay()));
    return withZone(String.join(", ", parts), zone);
  }

  /**
   * An interval, honest that it counts from midnight UTC whatever the zone: "Every 2 hours, counted
   * from 00:00 UTC (America/Denver)", "Every 6 hours, at 00:00, 06:00, 12:00 and 18:00 UTC
   * (Asia/Kolkata)".
   */
  static String describe(Interval interval, ZoneId zone) {
    int minutes = interval.minutes();
    if (minutes == 1) {
      return withZone("Every minute", zone);
    }
    int fires = MINUTES_PER_DAY / minutes;
    String every = period(minutes);
    if (fires > LISTED_FIRES) {
      return withZone(every + ", counted from 00:00 UTC", zone);
    }
    List<String> times = new ArrayList<>();
    for (int i = 0; i < fires; i++) {
      int minuteOfDay = i * minutes;
      times.add(ListWords.clock(minuteOfDay / 60, minuteOfDay % 60));
    }
    return withZone(every + ", at " + ListWords.join(times, "and") + " UTC", zone);
  }

  private static String period(int minutes) {
    if (minutes == MINUTES_PER_DAY) {
      return "Once a day";
    }
    if (minutes == 60) {
      return "Every hour";
    }
    return minutes % 60 == 0 ? "Every " + minutes / 60 + " hours" : "Every " + minutes + " minutes";
  }

  private static String withZone(String words, ZoneId zone) {
    return words + " (" + zone.getId() + ")";
  }
}
