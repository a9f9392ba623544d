package dev.chime.cron;

import java.util.List;

/** The fields of a cron expression, with their canonical ranges (day of week: 0 = Sunday). */
enum Field {
  SECOND("second", 0, 59, List.of()),
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  DAY_OF_WEEK("day-of-week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")),
  YEAR("year", 1970, 2199, List.of());

  final String label;
  final int min;
  final int max;
  /** Names in order from {@link #min}; for day of week, index 0 is Sunday. */
  final List<String> names;

  Field(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /** The canonical value of a name, or -1. Only ASCII letters spell a name: "ſun" is not SUN. */
  int valueOfName(String text) {
    if (!text.chars().allMatch(c -> c < 128)) {
      return -1;
    }
    int i = names.indexOf(text.toUpperCase(java.util.Locale.ROOT));
    return i < 0 ? -1 : min + i;
  }
}
