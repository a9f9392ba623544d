package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The time of day of a schedule in words, from its minute and hour bits: "At 09:00", "Every 15
 * minutes, between 09:00 and 17:59", "At minute 5 of every hour".
 *
 * <p>Few fire times a day are listed as clock times; a fixed minute over many hours reads as "Every
 * 2 hours from 00:00 through 22:00"; otherwise the minutes are described within the hour and the
 * hours as windows. Whatever cannot be said simply is listed.
 */
final class TimeWords {
  /** At most this many fire times a day are listed as clock times. */
  private static final int CLOCK_LIST = 4;

  private static final int MINUTES = 60;
  private static final int HOURS = 24;

  private TimeWords() {}

  /**
   * The time phrase, capitalised.
   *
   * @param text such as "At 09:00"
   * @param withinDay whether it names only part of the day, so that "every day" may follow
   */
  record Phrase(String text, boolean withinDay) {}

  static Phrase describe(long minuteBits, long hourBits) {
    int[] minutes = ListWords.values(minuteBits);
    int[] hours = ListWords.values(hourBits);
    boolean everyHour = hours.length == HOURS;
    return new Phrase(text(minutes, hours, everyHour), !everyHour);
  }

  private static String text(int[] minutes, int[] hours, boolean everyHour) {
    if (everyHour) {
      return minutes.length == 1 ? minuteOfEveryHour(minutes[0]) : minutesOfHour(minutes, true);
    }
    if (minutes.length * hours.length <= CLOCK_LIST) {
      return clockTimes(minutes, hours);
    }
    if (minutes.length == 1) {
      return hourly(minutes[0], hours);
    }
    if (hours.length == 1) {
      return withinOneHour(minutes, hours[0]);
    }
    return minutesOfHour(minutes, false) + ", " + hourWindows(hours);
  }

  private static String minuteOfEveryHour(int minute) {
    return minute == 0 ? "Every hour, on the hour" : "At minute " + minute + " of every hour";
  }

  /** "At 09:00, 09:30, 17:00 and 17:30". */
  private static String clockTimes(int[] minutes, int[] hours) {
    List<String> times = new ArrayList<>();
    for (int h : hours) {
      for (int m : minutes) {
        times.add(ListWords.clock(h, m));
      }
    }
    return "At " + ListWords.join(times, "and");
  }

  /** One minute of several hours: "Every hour from 09:00 through 17:00", or the times listed. */
  private static String hourly(int minute, int[] hours) {
    int step = ListWords.step(hours);
    if (step > 1) {
      return "Every " + step + " hours " + span(hours[0], hours[hours.length - 1], minute);
    }
    List<int[]> runs = ListWords.runs(hours);
    boolean longRuns = runs.stream().allMatch(r -> r[1] - r[0] >= 2);
    if (runs.size() <= 2 && longRuns) {
      List<String> spans = new ArrayList<>();
      for (int[] run : runs) {
        spans.add(span(run[0], run[1], minute));
      }
      return "Every hour " + ListWords.join(spans, "and");
    }
    return clockTimes(new int[] {minute}, hours);
  }

  private static String span(int firstHour, int lastHour, int minute) {
    return "from "
        + ListWords.clock(firstHour, minute)
        + " through "
        + ListWords.clock(lastHour, minute);
  }

  /** Several minutes of one hour: "Every 10 minutes from 09:00 through 09:50". */
  private static String withinOneHour(int[] minutes, int hour) {
    int step = ListWords.step(minutes);
    if (step >= 1) {
      String every = step == 1 ? "Every minute " : "Every " + step + " minutes ";
      return every
          + "from "
          + ListWords.clock(hour, minutes[0])
          + " through "
          + ListWords.clock(hour, minutes[minutes.length - 1]);
    }
    return minutesOfHour(minutes, false) + ", " + hourWindows(new int[] {hour});
  }

  /**
   * Several minutes within an hour: "Every minute", "Every 15 minutes", "At minutes 15 and 45 of
   * every hour" (or "past the hour" when windows of hours follow).
   */
  private static String minutesOfHour(int[] minutes, boolean everyHour) {
    if (minutes.length == MINUTES) {
      return "Every minute";
    }
    int step = ListWords.step(minutes);
    if (step > 1 && minutes[0] == 0 && minutes.length * step == MINUTES) {
      return "Every " + step + " minutes";
    }
    String ofHour = everyHour ? " of every hour" : " past the hour";
    int first = minutes[0];
    int last = minutes[minutes.length - 1];
    if (step == 1 && minutes.length >= 3) {
      return "Every minute from minute " + first + " through " + last + ofHour;
    }
    if (step > 1 && minutes.length >= 5) {
      return "Every " + step + " minutes from minute " + first + " through " + last + ofHour;
    }
    return "At minutes " + ListWords.compact(minutes, Integer::toString, false) + ofHour;
  }

  /** "between 09:00 and 17:59", two such windows, or "during hours 0, 2, 4, ..., 22". */
  private static String hourWindows(int[] hours) {
    List<int[]> runs = ListWords.runs(hours);
    if (runs.size() <= 2) {
      List<String> windows = new ArrayList<>();
      for (int[] run : runs) {
        windows.add(
            "between " + ListWords.clock(run[0], 0) + " and " + ListWords.clock(run[1], 59));
      }
      return ListWords.join(windows, "and");
    }
    return "during hours " + ListWords.compact(hours, Integer::toString, true);
  }
}
