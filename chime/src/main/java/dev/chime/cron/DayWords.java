package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The days a {@link DayRule} names, in words: "Monday through Friday", "on day 1 of the month", "on
 * the last Friday of the month", and, for the Vixie rule, "on day 13 of the month or on Friday",
 * which says plainly that either day field is enough.
 */
final class DayWords {
  static final long ALL_DAYS_OF_MONTH = 0xFFFF_FFFEL; // bits 1..31
  private static final int ALL_DAYS_OF_WEEK = 0x7f;
  private static final String[] DAY_NAMES = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
  };
  private static final int WORKING_DAYS = 0b0111110; // Monday to Friday

  private DayWords() {}

  /** The days in words, or "" when the rule matches every day. */
  static String describe(DayRule rule) {
    boolean everyDayOfMonth = rule.domBits() == ALL_DAYS_OF_MONTH;
    boolean everyDayOfWeek = rule.dowBits() == ALL_DAYS_OF_WEEK;
    if (rule.either()) {
      if (everyDayOfMonth || everyDayOfWeek) {
        return ""; // either field alone matches every day
      }
      return dayOfMonth(rule) + " or on " + names(rule.dowBits(), "or");
    }
    if (everyDayOfMonth && everyDayOfWeek) {
      return "";
    }
    if (everyDayOfMonth) {
      return dayOfWeek(rule);
    }
    if (everyDayOfWeek) {
      return dayOfMonth(rule);
    }
    return dayOfMonth(rule) + ", if that day is " + condition(rule);
  }

  /** Whether the rule is plain days of the month and nothing else, such as "1,15". */
  static boolean isPlainDaysOfMonth(DayRule rule) {
    return !rule.either()
        && rule.dowBits() == ALL_DAYS_OF_WEEK
        && rule.domBits() != ALL_DAYS_OF_MONTH
        && rule.domBits() != 0
        && rule.lastDayOffset() < 0
        && rule.nearestWeekdayBits() == 0
        && !rule.lastWeekday();
  }

  /** Days of the month as "1", "1 and 15", "1 through 7", "1, 4, 7, ..., 31". */
  static String dayNumbers(long domBits) {
    return ListWords.compact(ListWords.values(domBits), Integer::toString, true);
  }

  private static String dayOfMonth(DayRule rule) {
    List<String> parts = new ArrayList<>();
    if (rule.domBits() != 0) {
      parts.add(plainDays(rule.domBits()));
    }
    if (rule.lastDayOffset() == 0) {
      parts.add("on the last day of the month");
    } else if (rule.lastDayOffset() > 0) {
      parts.add(
          "on the " + ListWords.ordinal(rule.lastDayOffset() + 1) + "-to-last day of the month");
    }
    if (rule.nearestWeekdayBits() != 0) {
      int[] days = ListWords.values(rule.nearestWeekdayBits());
      parts.add(
          days.length == 1
              ? "on the weekday nearest day " + days[0]
              : "on the weekdays nearest days " + dayNumbers(rule.nearestWeekdayBits()));
    }
    if (rule.lastWeekday()) {
      parts.add("on the last weekday of the month");
    }
    return ListWords.join(parts, "and");
  }

  private static String plainDays(long domBits) {
    int[] days = ListWords.values(domBits);
    int step = ListWords.step(days);
    if (step == 2 && days.length >= 15) {
      return days[0] == 1
          ? "on odd-numbered days of the month"
          : "on even-numbered days of the month";
    }
    String noun = days.length == 1 ? "day " : "days ";
    return "on " + noun + dayNumbers(domBits) + " of the month";
  }

  /**
   * Plain, last and n-th days of the week: "Monday through Friday", "on the last Friday of the
   * month".
   */
  private static String dayOfWeek(DayRule rule) {
    List<String> parts = new ArrayList<>();
    if (rule.dowBits() != 0) {
      parts.add(weekdays(rule.dowBits()));
    }
    if (rule.lastDowBits() != 0 || rule.nthDowBits() != 0) {
      parts.add("on " + weeksOfMonth(rule) + " of the month");
    }
    return ListWords.join(parts, "and");
  }

  /** "on Friday", "on Monday, Wednesday and Friday", "Monday through Friday". */
  private static String weekdays(int dowBits) {
    List<int[]> runs = weekRuns(dowBits);
    boolean anyRange = runs.stream().anyMatch(r -> r[1] >= 3);
    String names = names(dowBits, "and");
    return anyRange ? names : "on " + names;
  }

  /** "the first and third Monday and the last Friday", grouped by day of the week. */
  private static String weeksOfMonth(DayRule rule) {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int dow = (i + 1) % 7; // Monday first
      List<String> which = new ArrayList<>();
      for (int k = 1; k <= 5; k++) {
        if ((rule.nthDowBits() & (1L << (dow * 5 + k - 1))) != 0) {
          which.add(ListWords.ordinal(k));
        }
      }
      if ((rule.lastDowBits() & (1 << dow)) != 0) {
        which.add("last");
      }
      if (!which.isEmpty()) {
        groups.add("the " + ListWords.join(which, "and") + " " + DAY_NAMES[dow]);
      }
    }
    return ListWords.join(groups, "and");
  }

  /** The days of the week a day of the month must also fall on: "a weekday", "a Monday". */
  private static String condition(DayRule rule) {
    if (rule.lastDowBits() != 0 || rule.nthDowBits() != 0) {
      return "also " + dayOfWeek(rule); // no dialect writes this, but stay correct
    }
    if (rule.dowBits() == WORKING_DAYS) {
      return "a weekday (Monday through Friday)";
    }
    List<String> items = new ArrayList<>();
    for (int[] run : weekRuns(rule.dowBits())) {
      int first = run[0];
      int length = run[1];
      if (length >= 3) {
        items.add("between " + DAY_NAMES[first] + " and " + DAY_NAMES[(first + length - 1) % 7]);
      } else {
        for (int i = 0; i < length; i++) {
          items.add("a " + DAY_NAMES[(first + i) % 7]);
        }
      }
    }
    return ListWords.join(items, "or");
  }

  /**
   * Day names with runs of three or more as "Friday through Sunday", joined with the conjunction.
   */
  private static String names(int dowBits, String conjunction) {
    List<String> items = new ArrayList<>();
    for (int[] run : weekRuns(dowBits)) {
      int first = run[0];
      int length = run[1];
      if (length >= 3) {
        items.add(DAY_NAMES[first] + " through " + DAY_NAMES[(first + length - 1) % 7]);
      } else {
        for (int i = 0; i < length; i++) {
          items.add(DAY_NAMES[(first + i) % 7]);
        }
      }
    }
    return ListWords.join(items, conjunction);
  }

  /**
   * Runs of consecutive days of the week as {first day, length}, in a week that starts on Monday,
   * except that a run through Sunday into Monday is kept whole ("Saturday through Monday").
   */
  static List<int[]> weekRuns(int dowBits) {
    int bits = dowBits & ALL_DAYS_OF_WEEK;
    int start = 1; // Monday
    if ((bits & 1) != 0 && (bits & 2) != 0 && bits != ALL_DAYS_OF_WEEK) {
      start = 0; // walk back from Sunday to the start of its run
      while ((bits & (1 << ((start + 6) % 7))) != 0) {
        start = (start + 6) % 7;
      }
    }
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < 7) {
      int day = (start + i) % 7;
      if ((bits & (1 << day)) == 0) {
        i++;
        continue;
      }
      int length = 0;
      while (i < 7 && (bits & (1 << ((start + i) % 7))) != 0) {
        length++;
        i++;
      }
      runs.add(new int[] {day, length});
    }
    return runs;
  }
}
