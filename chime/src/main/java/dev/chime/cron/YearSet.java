package dev.chime.cron;

import java.util.BitSet;

/** The years an expression may fire in: every year, or a set from the year field. */
final class YearSet {
  static final YearSet ANY = new YearSet(null);

  private final BitSet years; // bit i = year Field.YEAR.min + i; null = every year

  private YearSet(BitSet years) {
    this.years = years;
  }

  static YearSet of(BitSet yearsFromMin) {
    return new YearSet((BitSet) yearsFromMin.clone());
  }

  boolean isAny() {
    return years == null;
  }

  boolean contains(int year) {
    return years == null || (year >= Field.YEAR.min && years.get(year - Field.YEAR.min));
  }

  /** The first year in the set at or after {@code year}, or -1. */
  int next(int year) {
    if (years == null) {
      return year;
    }
    int from = Math.max(0, year - Field.YEAR.min);
    int i = years.nextSetBit(from);
    return i < 0 ? -1 : i + Field.YEAR.min;
  }

  /** The last year in the set at or before {@code year}, or -1. */
  int previous(int year) {
    if (years == null) {
      return year;
    }
    if (year < Field.YEAR.min) {
      return -1;
    }
    int i = years.previousSetBit(Math.min(year, Field.YEAR.max) - Field.YEAR.min);
    return i < 0 ? -1 : i + Field.YEAR.min;
  }

  /** The years in the set, ascending (empty for {@link #ANY}). */
  int[] toArray() {
    return years == null ? new int[0] : years.stream().map(i -> i + Field.YEAR.min).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YearSet other && java.util.Objects.equals(years, other.years);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(years);
  }
}
