package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The engine's own date arithmetic agrees with java.time on every day it can meet. */
class CalendarTest {

  @Test
  void dateAndEpochDay_agreeWithLocalDate_forEveryDayFromYearMinus400To10400() {
    long first = LocalDate.of(-400, 1, 1).toEpochDay();
    long last = LocalDate.of(10_400, 12, 31).toEpochDay();
    int mismatches = 0;
    for (long d = first; d <= last && mismatches < 5; d++) {
      LocalDate expected = LocalDate.ofEpochDay(d);
      long packed = Calendar.date(d);
      int year = Calendar.year(packed);
      int month = Calendar.month(packed);
      int day = Calendar.day(packed);
      boolean same =
          year == expected.getYear()
              && month == expected.getMonthValue()
              && day == expected.getDayOfMonth()
              && Calendar.epochDay(year, month, day) == d
              && Calendar.dayOfWeek(d) == expected.getDayOfWeek().getValue() % 7
              && Calendar.monthLength(year, month) == expected.lengthOfMonth();
      if (!same) {
        mismatches++;
        System.err.println("mismatch on " + expected + ": " + year + "-" + month + "-" + day);
      }
    }
    assertThat(mismatches).isZero();
  }
}
