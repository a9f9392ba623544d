package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The date part of a schedule in words: its days ({@link DayWords}), months and years, such as "on
 * day 1 of the month, in January through March" or, for one month and plain days, "on January 1".
 */
final class CalendarWords {
  private static final int ALL_MONTHS = 0x1FFE; // bits 1..12

  /** A year field holding every year from 1970 through this one reads as every year. */
  private static final int EVERY_YEAR_UNTIL = 2099;

  private static final String[] MONTH_NAMES = {
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private CalendarWords() {}

  /**
   * The date phrases, in order (days, then months and years); empty when the schedule fires every
   * day of every year.
   *
   * @param everyDay whether to say "every day" when the days are not restricted, as after a time of
   *     day ("At 09:00, every day in January")
   */
  static List<String> describe(DayRule days, int months, YearSet years, boolean everyDay) {
    int[] yearValues = isEveryYear(years) ? new int[0] : years.toArray();
    int[] monthValues = ListWords.values(months & ALL_MONTHS);
    List<String> parts = new ArrayList<>();
    if (monthValues.length == 1 && DayWords.isPlainDaysOfMonth(days)) {
      String date = "on " + MONTH_NAMES[monthValues[0]] + " " + DayWords.dayNumbers(days.domBits());
      if (yearValues.length == 1) {
        parts.add(date + ", " + yearValues[0]);
      } else {
        parts.add(date);
        addIfPresent(parts, yearPhrase(yearValues));
      }
      return parts;
    }
    String dayPhrase = DayWords.describe(days);
    String monthPhrase = monthPhrase(monthValues);
    String yearPhrase = yearPhrase(yearValues);
    if (monthValues.length == 1 && yearValues.length == 1) {
      monthPhrase += " " + yearValues[0]; // "in January 2027"
      yearPhrase = "";
    }
    addIfPresent(parts, dayPhrase);
    addIfPresent(parts, monthPhrase);
    addIfPresent(parts, yearPhrase);
    if (dayPhrase.isEmpty() && everyDay) {
      // "every day", or "every day in January" rather than a bare "in January"
      if (parts.isEmpty()) {
        parts.add("every day");
      } else {
        parts.set(0, "every day " + parts.get(0));
      }
    }
    return parts;
  }

  /** "in January", "in January through March", "in January, April, July and October". */
  private static String monthPhrase(int[] months) {
    if (months.length == 12) {
      return "";
    }
    return "in " + ListWords.compact(months, m -> MONTH_NAMES[m], false);
  }

  /** "in 2027", "in 2027 and 2029", "in 2027 through 2030", "in 2026, 2028, 2030, ..., 2098". */
  private static String yearPhrase(int[] years) {
    if (years.length == 0) {
      return ""; // every year
    }
    return "in " + ListWords.compact(years, Integer::toString, true);
  }

  /** Whether the year field names every year in any horizon that matters (AWS's 1970/1). */
  private static boolean isEveryYear(YearSet years) {
    for (int y = Field.YEAR.min; y <= EVERY_YEAR_UNTIL; y++) {
      if (!years.contains(y)) {
        return false;
      }
    }
    return true;
  }

  private static void addIfPresent(List<String> parts, String phrase) {
    if (!phrase.isEmpty()) {
      parts.add(phrase);
    }
  }
}
