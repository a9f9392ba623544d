package dev.chime.cron;

/**
 * Proleptic Gregorian date arithmetic on epoch days, without allocating. The algorithms are the
 * well-known civil-from-days conversions over 400-year eras.
 */
final class Calendar {
  static final int MINUTES_PER_DAY = 1440;

  private Calendar() {}

  static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a date. */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int m = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * m + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** The date of an epoch day, packed as {@code year << 9 | month << 5 | day}. */
  static long date(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year << 9 | (long) month << 5 | day;
  }

  static int year(long packedDate) {
    return (int) (packedDate >> 9);
  }

  static int month(long packedDate) {
    return (int) (packedDate >> 5) & 15;
  }

  static int day(long packedDate) {
    return (int) packedDate & 31;
  }

  /** Day of week, 0 = Sunday. */
  static int dayOfWeek(long epochDay) {
    return (int) Math.floorMod(epochDay + 4, 7L);
  }

  static int dayOfWeek(int year, int month, int day) {
    return dayOfWeek(epochDay(year, month, day));
  }

  /** Minutes since 1970-01-01T00:00 of a wall time. */
  static long epochMinute(int year, int month, int day, int hour, int minute) {
    return epochDay(year, month, day) * MINUTES_PER_DAY + hour * 60L + minute;
  }
}
