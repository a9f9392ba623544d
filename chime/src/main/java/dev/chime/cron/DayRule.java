package dev.chime.cron;

/**
 * Which days of a month match: the day-of-month and day-of-week fields together, including
 * Quartz's {@code L}, {@code W}, {@code LW}, {@code nL} and {@code n#k}. Answers with a bit set of
 * the month's matching days (bit d = day d), so finding the next matching day is one bit scan.
 *
 * <ul>
 *   <li>{@code domBits}: plain days of month (bits 1-31)
 *   <li>{@code lastDayOffset}: {@code L-n} as n (0 for {@code L}), or -1 when absent
 *   <li>{@code nearestWeekdayBits}: days given as {@code nW} (bits 1-31)
 *   <li>{@code lastWeekday}: {@code LW}: the last Monday-to-Friday of the month
 *   <li>{@code dowBits}: plain days of week (bits 0-6, 0 = Sunday)
 *   <li>{@code lastDowBits}: {@code nL}: the last such weekday of the month (bits 0-6)
 *   <li>{@code nthDowBits}: {@code n#k}: bit {@code n*5 + k-1}
 *   <li>{@code either}: the Vixie rule: a day matches when either field matches (posix and
 *       iso, when neither field starts with {@code *}); otherwise both must match
 * </ul>
 */
final class DayRule {
  private static final long ALL_DAYS = 0xFFFF_FFFEL; // bits 1..31
  private static final long REPEAT_EVERY_7_BITS = 0x0102_0408_1020_4081L; // bits 0, 7, …, 56

  private final long domBits;
  private final int lastDayOffset;
  private final long nearestWeekdayBits;
  private final boolean lastWeekday;
  private final int dowBits;
  private final int lastDowBits;
  private final long nthDowBits;
  private final boolean either;
  /**
   * The matching days of each kind of month, filled as met: a month's days depend only on its
   * length (28-31) and the weekday of its 1st, so 28 masks answer every month. Entries are
   * {@code mask | 1} (day 0 never matches), so 0 means not yet computed; threads that race
   * compute the same int, and int writes are atomic, so no lock is needed.
   */
  private final int[] monthDays = new int[4 * 7];

  DayRule(long domBits, int lastDayOffset, long nearestWeekdayBits, boolean lastWeekday,
      int dowBits, int lastDowBits, long nthDowBits, boolean either) {
    this.domBits = domBits;
    this.lastDayOffset = lastDayOffset;
    this.nearestWeekdayBits = nearestWeekdayBits;
    this.lastWeekday = lastWeekday;
    this.dowBits = dowBits;
    this.lastDowBits = lastDowBits;
    this.nthDowBits = nthDowBits;
    this.either = either;
  }

  long domBits() {
    return domBits;
  }

  int lastDayOffset() {
    return lastDayOffset;
  }

  long nearestWeekdayBits() {
    return nearestWeekdayBits;
  }

  boolean lastWeekday() {
    return lastWeekday;
  }

  int dowBits() {
    return dowBits;
  }

  int lastDowBits() {
    return lastDowBits;
  }

  long nthDowBits() {
    return nthDowBits;
  }

  boolean either() {
    return either;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayRule other
        && domBits == other.domBits
        && lastDayOffset == other.lastDayOffset
        && nearestWeekdayBits == other.nearestWeekdayBits
        && lastWeekday == other.lastWeekday
        && dowBits == other.dowBits
        && lastDowBits == other.lastDowBits
        && nthDowBits == other.nthDowBits
        && either == other.either;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(domBits, lastDayOffset, nearestWeekdayBits, lastWeekday,
        dowBits, lastDowBits, nthDowBits, either);
  }

  @Override
  public String toString() {
    return "DayRule[dom=" + Long.toBinaryString(domBits) + ", dow="
        + Integer.toBinaryString(dowBits) + ", either=" + either + "]";
  }

  /** No {@code L}, {@code W} or {@code #}: the plain bits alone decide. */
  boolean plain() {
    return lastDayOffset < 0
        && nearestWeekdayBits == 0
        && !lastWeekday
        && lastDowBits == 0
        && nthDowBits == 0;
  }

  /** Matching days of the month (bit d = day d) given its length and the weekday of its 1st. */
  long days(int length, int firstDow) {
    int kind = (length - 28) * 7 + firstDow;
    int known = monthDays[kind];
    if (known == 0) {
      known = (int) compute(length, firstDow) | 1;
      monthDays[kind] = known;
    }
    return known & 0xFFFF_FFFEL;
  }

  private long compute(int length, int firstDow) {
    long monthDays = (1L << (length + 1)) - 2;
    long dom = dayOfMonthPart(length, firstDow) & monthDays;
    long dow = dayOfWeekPart(length, firstDow) & monthDays;
    return either ? (dom | dow) : (dom & dow);
  }

  private long dayOfMonthPart(int length, int firstDow) {
    long days = domBits;
    if (lastDayOffset >= 0 && length - lastDayOffset >= 1) {
      days |= 1L << (length - lastDayOffset);
    }
    if (nearestWeekdayBits != 0) {
      for (long bits = nearestWeekdayBits; bits != 0; bits &= bits - 1) {
        int day = Long.numberOfTrailingZeros(bits);
        if (day <= length) { // as in Quartz, 31W does not fire in a month without a 31st
          days |= 1L << nearestWeekday(day, length, firstDow);
        }
      }
    }
    if (lastWeekday) {
      days |= 1L << nearestWeekday(length, length, firstDow);
    }
    return days;
  }

  private long dayOfWeekPart(int length, int firstDow) {
    long days = weekPattern(dowBits, firstDow);
    for (int bits = lastDowBits; bits != 0; bits &= bits - 1) {
      int dow = Integer.numberOfTrailingZeros(bits);
      int first = 1 + Math.floorMod(dow - firstDow, 7);
      days |= 1L << (first + 7 * ((length - first) / 7));
    }
    for (long bits = nthDowBits; bits != 0; bits &= bits - 1) {
      int bit = Long.numberOfTrailingZeros(bits);
      int dow = bit / 5;
      int nth = bit % 5 + 1;
      int day = 1 + Math.floorMod(dow - firstDow, 7) + 7 * (nth - 1);
      if (day <= length) {
        days |= 1L << day;
      }
    }
    return days;
  }

  /** The days 1-31 that fall on a weekday in {@code dows}, for a month starting on firstDow. */
  static long weekPattern(int dows, int firstDow) {
    // dows repeated every 7 bits: bit i is set when weekday i % 7 is allowed; day d of the
    // month is weekday (firstDow + d - 1) % 7.
    long repeated = (dows & 0x7fL) * REPEAT_EVERY_7_BITS;
    return ((repeated >>> firstDow) << 1) & ALL_DAYS;
  }

  /** Quartz's {@code W}: the weekday nearest to day {@code target}, never leaving the month. */
  private static int nearestWeekday(int target, int length, int firstDow) {
    int dow = (firstDow + target - 1) % 7;
    if (dow == 6) { // Saturday: Friday before, or Monday after when the 1st is a Saturday
      return target == 1 ? 3 : target - 1;
    }
    if (dow == 0) { // Sunday: Monday after, or Friday before when it is the month's last day
      return target == length ? target - 2 : target + 1;
    }
    return target;
  }

  /** Whether some day matches in some month among {@code months} (bits 1-12) of some year. */
  boolean canMatch(int months, YearSet years) {
    for (int year : candidateYears(years)) {
      for (int m = 1; m <= 12; m++) {
        if ((months & (1 << m)) != 0
            && days(Calendar.monthLength(year, m), Calendar.dayOfWeek(year, m, 1)) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every kind of year over the 400-year Gregorian cycle, or the years of the year field. */
  private static int[] candidateYears(YearSet years) {
    if (!years.isAny()) {
      return years.toArray();
    }
    int[] all = new int[400];
    for (int i = 0; i < 400; i++) {
      all[i] = 2000 + i;
    }
    return all;
  }
}
