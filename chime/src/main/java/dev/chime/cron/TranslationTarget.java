package dev.chime.cron;

import java.util.List;

/** What the {@link Translator} writes for: the four dialects and a Kubernetes CronJob. */
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

  /** AWS documents its steps as {@code 0/5}; the others read {@code *}/{@code 5} as well. */
  private boolean starSteps() {
    return this != AWS;
  }

  FieldText.Shape minute() {
    return new FieldText.Shape(0, 59, 59, true, starSteps(), null);
  }

  FieldText.Shape hour() {
    return new FieldText.Shape(0, 23, 23, true, starSteps(), null);
  }

  FieldText.Shape dayOfMonth() {
    return new FieldText.Shape(1, 31, 31, true, starSteps(), null);
  }

  FieldText.Shape month() {
    return new FieldText.Shape(1, 12, 12, true, starSteps(), null);
  }

  /** Day of week in this target's numbering; posix reads 7 as Sunday again. */
  FieldText.Shape dayOfWeek() {
    return switch (this) {
      case POSIX, KUBERNETES -> new FieldText.Shape(0, 6, 7, false, false, null);
      case ISO -> new FieldText.Shape(0, 6, 6, false, false, null);
      case QUARTZ, AWS -> new FieldText.Shape(1, 7, 7, false, false, DAY_NAMES);
    };
  }

  /** The year field, or null when the target has none. */
  FieldText.Shape year() {
    return switch (this) {
      case QUARTZ -> new FieldText.Shape(Field.YEAR.min, 2099, 2099, true, false, null);
      case AWS -> new FieldText.Shape(Field.YEAR.min, Field.YEAR.max, Field.YEAR.max, true, false, null);
      default -> null;
    };
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
