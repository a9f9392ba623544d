package dev.chime.cron;

/**
 * The wall-clock times an expression names, independent of any zone. Finds the next or previous
 * matching minute with bit scans, field by field; every search ends, because an expression that
 * can never fire is rejected when parsed and the search is bounded by a 400-year calendar cycle.
 *
 * @param minutes bits 0-59
 * @param hours bits 0-23
 * @param days the day-of-month and day-of-week rule
 * @param months bits 1-12
 * @param years the year field, or every year
 * @param followsClock whether the minute or hour field starts with {@code *}: such a schedule
 *     follows the real clock across daylight-saving changes instead of keeping a daily promise
 */
record TimePattern(
    long minutes, long hours, DayRule days, int months, YearSet years, boolean followsClock) {

  /** No matching time exists in the searched direction. */
  static final long NONE = Long.MIN_VALUE;

  private static final int CYCLE_YEARS = 400;
  private static final long UNKNOWN = Long.MIN_VALUE;
  private static final int ALL_MONTHS = 0x1ffe; // bits 1..12
  private static final long ALL_DAYS_OF_MONTH = 0xFFFF_FFFEL; // bits 1..31

  boolean matches(long epochMinute) {
    return nextAtOrAfter(epochMinute) == epochMinute;
  }

  /** The first matching wall time at or after {@code from}, both in epoch minutes, or NONE. */
  long nextAtOrAfter(long from) {
    if (weekdaysOnly()) {
      return nextOnWeekdays(from);
    }
    long epochDay = Math.floorDiv(from, Calendar.MINUTES_PER_DAY);
    int minuteOfDay = (int) (from - epochDay * Calendar.MINUTES_PER_DAY);
    long date = Calendar.date(epochDay);
    int year = Calendar.year(date);
    int month = Calendar.month(date);
    int day = Calendar.day(date);
    long monthStart = epochDay - (day - 1); // epoch day of the month's 1st, or UNKNOWN
    long inMonth = nextInMonth(year, month, day, monthStart, minuteOfDay);
    if (inMonth != NONE) {
      return inMonth;
    }
    int hour = minuteOfDay / 60;
    int minute = minuteOfDay % 60;
    int lastYear = year + CYCLE_YEARS;
    while (true) {
      int y = years.next(year);
      if (y < 0 || y > lastYear) {
        return NONE;
      }
      if (y != year) {
        year = y;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        monthStart = UNKNOWN;
      }
      int m = nextBit(months, month);
      if (m < 0) {
        year++;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        monthStart = UNKNOWN;
        continue;
      }
      if (m != month) {
        month = m;
        day = 1;
        hour = 0;
        minute = 0;
        monthStart = UNKNOWN;
      }
      if (monthStart == UNKNOWN) {
        monthStart = Calendar.epochDay(year, month, 1);
      }
      long dayBits = days.days(Calendar.monthLength(year, month), Calendar.dayOfWeek(monthStart));
      int d = nextBit(dayBits, day);
      if (d < 0) {
        month++;
        day = 1;
        hour = 0;
        minute = 0;
        monthStart = UNKNOWN;
        continue; // month 13 finds no bit and moves to the next year
      }
      if (d != day) {
        day = d;
        hour = 0;
        minute = 0;
      }
      int h = nextBit(hours, hour);
      if (h < 0) {
        day++;
        hour = 0;
        minute = 0;
        continue;
      }
      if (h != hour) {
        hour = h;
        minute = 0;
      }
      int mi = nextBit(minutes, minute);
      if (mi < 0) {
        hour++;
        minute = 0;
        continue;
      }
      return (monthStart + day - 1) * Calendar.MINUTES_PER_DAY + hour * 60L + mi;
    }
  }

  /** The last matching wall time at or before {@code from}, both in epoch minutes, or NONE. */
  long previousAtOrBefore(long from) {
    if (weekdaysOnly()) {
      return previousOnWeekdays(from);
    }
    long epochDay = Math.floorDiv(from, Calendar.MINUTES_PER_DAY);
    int minuteOfDay = (int) (from - epochDay * Calendar.MINUTES_PER_DAY);
    long date = Calendar.date(epochDay);
    int year = Calendar.year(date);
    int month = Calendar.month(date);
    int day = Calendar.day(date);
    int hour = minuteOfDay / 60;
    int minute = minuteOfDay % 60;
    long monthStart = epochDay - (day - 1); // epoch day of the month's 1st, or UNKNOWN
    int firstYear = year - CYCLE_YEARS;
    while (true) {
      int y = years.previous(year);
      if (y < 0 || y < firstYear) {
        return NONE;
      }
      if (y != year) {
        year = y;
        month = 12;
        day = 31;
        hour = 23;
        minute = 59;
        monthStart = UNKNOWN;
      }
      int m = previousBit(months, month);
      if (m < 0) {
        year--;
        month = 12;
        day = 31;
        hour = 23;
        minute = 59;
        monthStart = UNKNOWN;
        continue;
      }
      if (m != month) {
        month = m;
        day = 31;
        hour = 23;
        minute = 59;
        monthStart = UNKNOWN;
      }
      if (monthStart == UNKNOWN) {
        monthStart = Calendar.epochDay(year, month, 1);
      }
      int length = Calendar.monthLength(year, month);
      if (day > length) {
        day = length;
      }
      long dayBits = days.days(length, Calendar.dayOfWeek(monthStart));
      int d = previousBit(dayBits, day);
      if (d < 0) {
        month--;
        day = 31;
        hour = 23;
        minute = 59;
        monthStart = UNKNOWN;
        continue; // month 0 finds no bit and moves to the previous year
      }
      if (d != day) {
        day = d;
        hour = 23;
        minute = 59;
      }
      int h = previousBit(hours, hour);
      if (h < 0) {
        day--;
        hour = 23;
        minute = 59;
        continue;
      }
      if (h != hour) {
        hour = h;
        minute = 59;
      }
      int mi = previousBit(minutes, minute);
      if (mi < 0) {
        hour--;
        minute = 59;
        continue;
      }
      return (monthStart + day - 1) * Calendar.MINUTES_PER_DAY + hour * 60L + mi;
    }
  }

  /**
   * The common case, answered without the general walk: the next match later today, on a later
   * day of this month, or in the next month. NONE sends the caller on to the general search.
   */
  private long nextInMonth(int year, int month, int day, long monthStart, int minuteOfDay) {
    int length = Calendar.monthLength(year, month);
    int firstDow = Calendar.dayOfWeek(monthStart);
    if ((months & (1 << month)) != 0 && years.contains(year)) {
      long dayBits = days.days(length, firstDow);
      if ((dayBits & (1L << day)) != 0) {
        int time = nextTimeOfDay(minuteOfDay);
        if (time >= 0) {
          return (monthStart + day - 1) * Calendar.MINUTES_PER_DAY + time;
        }
      }
      int later = nextBit(dayBits, day + 1);
      if (later > 0) {
        return firstTimeOn(monthStart + later - 1);
      }
    }
    int nextMonth = month == 12 ? 1 : month + 1;
    int nextYear = month == 12 ? year + 1 : year;
    if ((months & (1 << nextMonth)) == 0 || !years.contains(nextYear)) {
      return NONE;
    }
    long dayBits =
        days.days(Calendar.monthLength(nextYear, nextMonth), (firstDow + length) % 7);
    return dayBits == 0
        ? NONE
        : firstTimeOn(monthStart + length + Long.numberOfTrailingZeros(dayBits) - 1);
  }

  private long firstTimeOn(long epochDay) {
    return epochDay * Calendar.MINUTES_PER_DAY
        + Long.numberOfTrailingZeros(hours) * 60L
        + Long.numberOfTrailingZeros(minutes);
  }

  /**
   * Whether only the day of the week restricts days (every month, every day of the month, every
   * year): then the calendar date is never needed, and a week holds every matching day.
   */
  private boolean weekdaysOnly() {
    return months == ALL_MONTHS
        && days.domBits() == ALL_DAYS_OF_MONTH
        && !days.either()
        && days.plain()
        && years.isAny();
  }

  private long nextOnWeekdays(long from) {
    long day = Math.floorDiv(from, Calendar.MINUTES_PER_DAY);
    int minuteOfDay = (int) (from - day * Calendar.MINUTES_PER_DAY);
    for (int i = 0; i <= 7; i++, day++, minuteOfDay = 0) {
      if ((days.dowBits() & (1 << Calendar.dayOfWeek(day))) != 0) {
        int time = nextTimeOfDay(minuteOfDay);
        if (time >= 0) {
          return day * Calendar.MINUTES_PER_DAY + time;
        }
      }
    }
    return NONE; // unreachable: a parsed day-of-week field is never empty
  }

  private long previousOnWeekdays(long from) {
    long day = Math.floorDiv(from, Calendar.MINUTES_PER_DAY);
    int minuteOfDay = (int) (from - day * Calendar.MINUTES_PER_DAY);
    for (int i = 0; i <= 7; i++, day--, minuteOfDay = Calendar.MINUTES_PER_DAY - 1) {
      if ((days.dowBits() & (1 << Calendar.dayOfWeek(day))) != 0) {
        int time = previousTimeOfDay(minuteOfDay);
        if (time >= 0) {
          return day * Calendar.MINUTES_PER_DAY + time;
        }
      }
    }
    return NONE;
  }

  /** The first matching minute of the day at or after {@code minuteOfDay}, or -1. */
  private int nextTimeOfDay(int minuteOfDay) {
    int hour = minuteOfDay / 60;
    int h = nextBit(hours, hour);
    if (h == hour) {
      int m = nextBit(minutes, minuteOfDay % 60);
      if (m >= 0) {
        return h * 60 + m;
      }
      h = nextBit(hours, hour + 1);
    }
    return h < 0 ? -1 : h * 60 + Long.numberOfTrailingZeros(minutes);
  }

  /** The last matching minute of the day at or before {@code minuteOfDay}, or -1. */
  private int previousTimeOfDay(int minuteOfDay) {
    int hour = minuteOfDay / 60;
    int h = previousBit(hours, hour);
    if (h == hour) {
      int m = previousBit(minutes, minuteOfDay % 60);
      if (m >= 0) {
        return h * 60 + m;
      }
      h = previousBit(hours, hour - 1);
    }
    return h < 0 ? -1 : h * 60 + 63 - Long.numberOfLeadingZeros(minutes);
  }

  /** The lowest set bit at or above {@code from}, or -1. */
  static int nextBit(long bits, int from) {
    if (from > 63) {
      return -1;
    }
    long masked = bits & (-1L << from);
    return masked == 0 ? -1 : Long.numberOfTrailingZeros(masked);
  }

  /** The highest set bit at or below {@code from}, or -1. */
  static int previousBit(long bits, int from) {
    if (from < 0) {
      return -1;
    }
    long masked = from >= 63 ? bits : bits & ((1L << (from + 1)) - 1);
    return masked == 0 ? -1 : 63 - Long.numberOfLeadingZeros(masked);
  }
}
