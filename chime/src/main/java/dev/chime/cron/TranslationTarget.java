package dev.chime.cron;

import java.util.List;

/**
 * What the {@link Translator} writes for: the four dialects and a Kubernetes CronJob. AWS writes
 * steps as {@code 0/5}, as its documentation does; the others write {@code *}/{@code 5}.
 */
enum TranslationTarget {
  POSIX("posix", true, false),
  ISO("iso", true, false),
  QUARTZ("Quartz", false, true),
  AWS("AWS", false, true),
  /** robfig/cron's standard parser: posix, except that only a bare {@code *} is unrestricted. */
  KUBERNETES("Kubernetes", true, false);

  private static final List<String> DAY_NAMES =
      List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** The name used in reasons. */
  final String label;

  /** Five fields where two restricted day fields mean either (no {@code ?}, no specials). */
  final boolean crontab;

  /** Day specials {@code L W #} and {@code ?}. */
  final boolean quartzLike;

  TranslationTarget(String label, boolean crontab, boolean quartzLike) {
    this.label = label;
    this.crontab = crontab;
    this.quartzLike = quartzLike;
  }

  static TranslationTarget of(Dialect dialect) {
    return switch (dialect) {
      case POSIX -> POSIX;
      case ISO -> ISO;
      case QUARTZ -> QUARTZ;
      case AWS -> AWS;
    };
  }

  FieldText.Shape minute() {
    return numbers(0, 59);
  }

  FieldText.Shape hour() {
    return numbers(0, 23);
  }

  FieldText.Shape dayOfMonth() {
    return numbers(1, 31);
  }

  FieldText.Shape month() {
    return numbers(1, 12);
  }

  /** Quartz refuses a step as large as the field ({@code *}/{@code 60}); cronie accepts it. */
  private FieldText.Shape numbers(int lo, int hi) {
    int size = hi - lo + 1;
    return FieldText.Shape.numbers(lo, hi, this != AWS, quartzLike, quartzLike ? size - 1 : size);
  }

  /** Day of week in this target's numbering; posix reads 7 as Sunday again. */
  FieldText.Shape dayOfWeek() {
    return switch (this) {
      case POSIX, KUBERNETES -> FieldText.Shape.weekdays(0, 7, null);
      case ISO -> FieldText.Shape.weekdays(0, 6, null);
      case QUARTZ, AWS -> FieldText.Shape.weekdays(1, 7, DAY_NAMES);
    };
  }

  /** The year field, or null when the target has none. */
  FieldText.Shape year() {
    return switch (this) {
      case QUARTZ -> FieldText.Shape.numbers(Field.YEAR.min, 2099, false, true, 0);
      case AWS -> FieldText.Shape.numbers(Field.YEAR.min, Field.YEAR.max, false, true, 0);
      default -> null;
    };
  }

  /** The year field as messages write it, ranges always closed. */
  FieldText.Shape yearForWords() {
    return FieldText.Shape.numbers(Field.YEAR.min, Field.YEAR.max, false, false, 0);
  }

  /** A canonical day of week (0 = Sunday) in this target's numbering. */
  int dow(int canonical) {
    return switch (this) {
      case POSIX, KUBERNETES -> canonical;
      case ISO -> (canonical + 6) % 7;
      case QUARTZ, AWS -> canonical + 1;
    };
  }

  /** The whole expression from its fields; {@code year} is null for every year. */
  String format(String minute, String hour, String dom, String month, String dow, String year) {
    String five = minute + " " + hour + " " + dom + " " + month + " " + dow;
    return switch (this) {
      case POSIX, ISO, KUBERNETES -> five;
      case QUARTZ -> "0 " + five + (year == null ? "" : " " + year);
      case AWS -> "cron(" + five + " " + (year == null ? "*" : year) + ")";
    };
  }
}
