package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejects day rules that no date can satisfy (SPEC §2.1), so that computing the next fire never
 * searches in vain. Plain days of the month are checked against month lengths directly; rules
 * with Quartz specials or a year field are checked over every kind of year.
 */
final class NeverFires {
  private static final int[] LONGEST_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private final CronParser parser;
  private final DayRule rule;
  private final int months;
  private final YearSet years;
  private final CronParser.Token dom;

  NeverFires(CronParser parser, DayRule rule, int months, YearSet years, CronParser.Token dom) {
    this.parser = parser;
    this.rule = rule;
    this.months = months;
    this.years = years;
    this.dom = dom;
  }

  void check() {
    boolean plainDays =
        rule.lastDayOffset() < 0
            && rule.nearestWeekdayBits() == 0
            && !rule.lastWeekday()
            && rule.lastDowBits() == 0
            && rule.nthDowBits() == 0;
    if (years.isAny() && plainDays) {
      checkPlainDays();
    } else if (!rule.canMatch(months, years)) {
      throw parser.error(
          Field.DAY_OF_MONTH, dom.column(), dom.text(), "never fires: no date matches it");
    }
  }

  /**
   * With plain values, a day of the week exists in every month, and over the Gregorian cycle
   * every date falls on every day of the week; so only the days of the month can be impossible.
   */
  private void checkPlainDays() {
    if (rule.either() && rule.dowBits() != 0) {
      return;
    }
    List<String> monthList = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      if ((months & (1 << m)) != 0) {
        long possible = (1L << (LONGEST_MONTH[m] + 1)) - 2;
        if ((rule.domBits() & possible) != 0) {
          return;
        }
        monthList.add(Integer.toString(m));
      }
    }
    List<String> days = new ArrayList<>();
    for (long bits = rule.domBits(); bits != 0; bits &= bits - 1) {
      days.add(Integer.toString(Long.numberOfTrailingZeros(bits)));
    }
    throw parser.error(
        Field.DAY_OF_MONTH,
        dom.column(),
        dom.text(),
        "never fires: no month in ("
            + String.join(",", monthList)
            + ") has a day "
            + String.join(" or ", days));
  }
}
