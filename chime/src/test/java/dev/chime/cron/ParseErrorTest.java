package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors name the field, the column and the offending text, and say what to write instead. */
class ParseErrorTest {

  private static CronParseException error(String text, Dialect dialect) {
    return catchThrowableOfType(
        CronParseException.class, () -> Timing.parse(text, dialect, ""));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          61 * * * *        | posix  | minute       | 1  | 61    | value 61 out of range 0-59
          0 24 * * *        | posix  | hour         | 3  | 24    | value 24 out of range 0-23
          0 0 0 * *         | posix  | day-of-month | 5  | 0     | value 0 out of range 1-31
          0 0 * 13 *        | posix  | month        | 7  | 13    | value 13 out of range 1-12
          0 0 * * 8         | posix  | day-of-week  | 9  | 8     | value 8 out of range 0-7
          0 0 * * 7         | iso    | day-of-week  | 9  | 7     | value 7 out of range 0-6
          0 0 * JANU *      | posix  | month        | 7  | JANU  | "JANU" is not a month (1-12 or JAN-DEC)
          */0 * * * *       | posix  | minute       | 3  | 0     | step "0" must be a whole number of at least 1
          5-1 * * * *       | posix  | minute       | 1  | 5-1   | range 5-1 goes backwards
          1,,2 * * * *      | posix  | minute       | 3  | 1,,2  | empty element in list
          0 0 L * *         | posix  | day-of-month | 5  | L     | L, W and # are Quartz and AWS only and have no posix form
          0 0 ? * *         | posix  | day-of-month | 5  | ?     | ? is Quartz and AWS only; write * instead
          0 0 30 2 *        | posix  | day-of-month | 5  | 30    | never fires: no month in (2) has a day 30
          0 0 31 4,6,9,11 * | posix  | day-of-month | 5  | 31    | never fires: no month in (4,6,9,11) has a day 31
          H 2 * * *         | iso    | minute       | 1  | H     | H is supported in the posix dialect only
          30 0 0 * * ?      | quartz | second       | 1  | 30    | seconds must be 0
          0 0 0 * * 1       | quartz | day-of-week  | 11 | 1     | one of day-of-month and day-of-week must be ?
          0 0 0 ? * ?       | quartz | day-of-week  | 11 | ?     | ? may stand in day-of-month or day-of-week, not both
          0 0 0 ? * 2#6     | quartz | day-of-week  | 11 | 2#6   | #6 is out of range
          0 0 0 30 2 ?      | quartz | day-of-month | 7  | 30    | never fires
          0 0 0 ? 2 5#5 2027 | quartz | day-of-month | 7 | ?     | never fires: no date matches it
          cron(0 0 L-2 * ? *) | aws  | day-of-month | 10 | L-2  | L-n is Quartz only
          """)
  void namesFieldColumnAndText(
      String text, String dialect, String field, int column, String offending, String reason) {
    CronParseException e = error(text, Dialect.named(dialect));
    assertThat(e).as(text).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.text()).isEqualTo(offending);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage()).contains("at column " + column + " of \"");
  }

  @Test
  void sixFieldPosix_suggestsTheFiveFieldForm() {
    CronParseException e = error("0 0 2 * * *", Dialect.POSIX);
    assertThat(e.getMessage())
        .startsWith("6-part cron (with seconds) is not supported; did you mean \"0 2 * * *\"?");
  }

  @Test
  void wrongFieldCount_saysHowManyAreExpected() {
    assertThat(error("0 0 * *", Dialect.POSIX).reason())
        .isEqualTo("expected 5 fields (minute hour day-of-month month day-of-week), found 4");
    assertThat(error("cron(0 0 * * ?)", Dialect.AWS).reason()).contains("found 5");
    assertThat(error("0 0 * * *", Dialect.QUARTZ).reason()).contains("6 or 7 fields");
  }

  @Test
  void emptyAndOversizeAndUnknownMacro() {
    assertThat(error("  ", Dialect.POSIX).reason()).isEqualTo("the expression is empty");
    assertThat(error("1,".repeat(600) + " * * * *", Dialect.POSIX).reason())
        .contains("longer than 1000 characters");
    assertThat(error("@reboot", Dialect.POSIX).reason()).startsWith("unknown macro @reboot");
    assertThat(error("@daily", Dialect.QUARTZ).reason()).contains("posix and iso only");
  }

  @Test
  void everyInterval_mustDivideTheDay() {
    assertThatThrownBy(() -> Interval.parse("7h"))
        .isInstanceOf(CronParseException.class)
        .hasMessageContaining("7h does not divide 24 hours evenly; the nearest valid values are 6h and 8h");
    assertThatThrownBy(() -> Interval.parse("7m")).hasMessageContaining("6m and 8m");
    assertThatThrownBy(() -> Interval.parse("0m")).hasMessageContaining("at least 1m");
    assertThatThrownBy(() -> Interval.parse("25h")).hasMessageContaining("at most 24h");
    assertThatThrownBy(() -> Interval.parse("10s")).hasMessageContaining("use m (minutes) or h");
    assertThatThrownBy(() -> Interval.parse("ten minutes")).hasMessageContaining("10m or 2h");
    assertThatThrownBy(() -> Timing.parse("rate(7 days)", Dialect.AWS, ""))
        .hasMessageContaining("at most 24h");
  }

  @Test
  void unknownZone_suggestsTheClosest() {
    assertThatThrownBy(() -> Zones.of("America/Denve"))
        .hasMessage("unknown timezone \"America/Denve\"; did you mean America/Denver?");
    assertThatThrownBy(() -> Zones.of("Mars/Olympus"))
        .hasMessageStartingWith("unknown timezone \"Mars/Olympus\"");
    assertThat(Zones.of("Europe/Stockholm").getId()).isEqualTo("Europe/Stockholm");
  }
}
