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

  private static final int[] MONTH_LENGTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  static int monthLength(int year, int month) {
    return month == 2 && isLeap(year) ? 29 : MONTH_LENGTH[month];
  }

  /** Days since 1970-01-01 of a date (years -32800 to 32800, in {@code int} arithmetic). */
  static long epochDay(int year, int month, int day) {
    int y = (month <= 2 ? year - 1 : year) + YEARS_SHIFT; // non-negative from here on
    int era = y / 400;
    int yearOfEra = y - era * 400;
    int m = month > 2 ? month - 3 : month + 9;
    int dayOfYear = (153 * m + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return (long) era * 146_097 + dayOfEra - DAYS_SHIFT;
  }

  /** Shifts epoch days so that the arithmetic below stays unsigned over Chime's years. */
  private static final int ERAS_BEFORE = 82;

  private static final int DAYS_SHIFT = 719_468 + 146_097 * ERAS_BEFORE;
  private static final int YEARS_SHIFT = 400 * ERAS_BEFORE;

  /**
   * The date of an epoch day, packed as {@code year << 9 | month << 5 | day}. Uses Neri and
   * Schneider's Euclidean affine functions (2021): three divisions by constants instead of
   * eight, in {@code int} arithmetic, exact for the years -32800 to 32800 and so for every year
   * Chime computes (0001 to 9999 plus the 400-year search margin).
   */
  static long date(long epochDay) {
    int n = (int) epochDay + DAYS_SHIFT;
    int n1 = 4 * n + 3;
    int century = n1 / 146_097;
    int dayOfCentury = n1 % 146_097 / 4;
    long p2 = 2_939_745L * (4 * dayOfCentury + 3);
    int yearOfCentury = (int) (p2 >>> 32);
    int dayOfYear = (int) ((p2 & 0xFFFF_FFFFL) / 2_939_745 / 4);
    int n3 = 2141 * dayOfYear + 197_913;
    int month = n3 >>> 16;
    int day = (n3 & 0xFFFF) / 2141 + 1;
    int january = dayOfYear >= 306 ? 1 : 0; // the computation's year starts on March 1
    int year = 100 * century + yearOfCentury - YEARS_SHIFT + january;
    return (long) year << 9 | (long) (month - 12 * january) << 5 | day;
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
