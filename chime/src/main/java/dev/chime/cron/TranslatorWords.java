package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/** The short English a {@link TranslationException} uses to say what a day rule means. */
final class TranslatorWords {
  private static final List<String> NTH = List.of("first", "second", "third", "fourth", "fifth");

  private TranslatorWords() {}

  /** {@code L} or {@code L-n} with its meaning. */
  static String lastDay(int offset) {
    if (offset == 0) {
      return "L (the last day of the month)";
    }
    return "L-"
        + offset
        + " ("
        + offset
        + (offset == 1 ? " day" : " days")
        + " before the last day of the month)";
  }

  /** 1st, 2nd, 3rd, 4th, 11th, 21st. */
  static String ordinal(int n) {
    int tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  /** first to fifth. */
  static String nth(int k) {
    return NTH.get(k - 1);
  }

  /**
   * Days of the month: "the 13th", "the 1st and 15th", "the 1st to 7th and 15th", "every 2nd day
   * from the 1st to the 31st".
   */
  static String days(int[] days) {
    if (days.length >= 3 && ListWords.step(days) >= 2) {
      return "every "
          + ordinal(days[1] - days[0])
          + " day from the "
          + ordinal(days[0])
          + " to the "
          + ordinal(days[days.length - 1]);
    }
    List<String> parts = new ArrayList<>();
    for (int[] run : ListWords.runs(days)) {
      parts.add(
          run[1] - run[0] >= 2 ? ordinal(run[0]) + " to " + ordinal(run[1]) : ordinal(run[0]));
      if (run[1] - run[0] == 1) {
        parts.add(ordinal(run[1]));
      }
    }
    return "the " + ListWords.join(parts, "and");
  }

  /** Days of the week (0 = Sunday): "Friday", "Monday to Friday", "Monday and Friday". */
  static String weekdays(int[] dows, String conjunction) {
    List<String> parts = new ArrayList<>();
    for (int[] run : ListWords.runs(dows)) {
      String first = TranslatorDays.DAY_WORDS.get(run[0]);
      parts.add(
          run[1] - run[0] >= 2 ? first + " to " + TranslatorDays.DAY_WORDS.get(run[1]) : first);
      if (run[1] - run[0] == 1) {
        parts.add(TranslatorDays.DAY_WORDS.get(run[1]));
      }
    }
    return ListWords.join(parts, conjunction.strip());
  }
}
