package dev.chime.cron;

import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code every} interval (SPEC §2.3): minutes or hours that divide a day evenly, anchored at
 * midnight UTC whatever the schedule's zone, so {@code 6h} fires at 00:00, 06:00, 12:00 and 18:00
 * UTC.
 */
public final class Interval implements Timing {
  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final Pattern EVERY = Pattern.compile("(\\d{1,9})\\s*([a-zA-Z]*)");
  private static final Pattern RATE =
      Pattern.compile("(?i)rate\\(\\s*(\\d{1,9})\\s+(minutes?|hours?|days?)\\s*\\)");

  private final int minutes;
  private final String text;

  private Interval(int minutes, String text) {
    this.minutes = minutes;
    this.text = text;
  }

  /** Parses {@code 10m} or {@code 2h}. */
  public static Interval parse(String text) {
    String value = text.strip();
    Matcher m = EVERY.matcher(value);
    if (!m.matches()) {
      throw error(text, "\"" + value + "\" is not an interval; write a number and a unit: 10m or 2h");
    }
    int amount = Integer.parseInt(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    int perUnit =
        switch (unit) {
          case "m" -> 1;
          case "h" -> 60;
          default -> throw error(
              text, "unit \"" + m.group(2) + "\" is not supported; use m (minutes) or h (hours)");
        };
    return of(amount, perUnit, unit, text);
  }

  /** Parses {@code @every 10m}. */
  static Interval parseMacro(String text) {
    String value = text.strip().substring("@every".length());
    try {
      Interval interval = parse(value);
      return new Interval(interval.minutes, interval.text);
    } catch (CronParseException e) {
      throw error(text, e.reason()); // name the whole "@every …", not the part after it
    }
  }

  /** Parses AWS's {@code rate(5 minutes)}; Chime anchors it at midnight UTC like {@code every}. */
  static Interval parseRate(String text) {
    Matcher m = RATE.matcher(text.strip());
    if (!m.matches()) {
      throw error(text, "expected rate(N minutes), rate(N hours) or rate(N days)");
    }
    int amount = Integer.parseInt(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    if (unit.startsWith("day")) {
      // in long: rate(178956971 days) must not wrap around to a valid 8h
      int hours = (int) Math.min(amount * 24L, Integer.MAX_VALUE);
      return of(hours, 60, "h", text);
    }
    return unit.startsWith("hour") ? of(amount, 60, "h", text) : of(amount, 1, "m", text);
  }

  private static Interval of(int amount, int perUnit, String unit, String original) {
    long minutes = (long) amount * perUnit;
    if (minutes < 1) {
      throw error(original, "interval must be at least 1m");
    }
    if (minutes > MINUTES_PER_DAY) {
      throw error(original, "interval must be at most 24h; use a cron expression for longer ones");
    }
    if (MINUTES_PER_DAY % minutes != 0) {
      throw error(
          original,
          amount + unit + " does not divide 24 hours evenly; the nearest valid values are "
              + nearest(amount, perUnit, unit));
    }
    return new Interval((int) minutes, amount + unit);
  }

  private static String nearest(int amount, int perUnit, String unit) {
    int below = amount;
    while (below > 1 && MINUTES_PER_DAY % (below * perUnit) != 0) {
      below--;
    }
    int above = amount;
    while (above * perUnit < MINUTES_PER_DAY && MINUTES_PER_DAY % (above * perUnit) != 0) {
      above++;
    }
    return below + unit + " and " + above + unit;
  }

  private static CronParseException error(String text, String reason) {
    return new CronParseException("every", 0, text, reason, text);
  }

  /** The period in minutes. */
  public int minutes() {
    return minutes;
  }

  /** The interval as written in {@code every:}, such as {@code 2h}. */
  public String text() {
    return text;
  }

  @Override
  public String expression() {
    return "@every " + text;
  }

  @Override
  public FireSchedule in(ZoneId zone, DstGap gap) {
    return new IntervalFireSchedule(minutes * 60L, zone);
  }

  @Override
  public String describe(ZoneId zone) {
    return Words.describe(this, zone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interval other && minutes == other.minutes;
  }

  @Override
  public int hashCode() {
    return minutes;
  }

  @Override
  public String toString() {
    return expression();
  }
}
