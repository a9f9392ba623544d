package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain-English descriptions (SPEC §2.6): literal expectations in every dialect. */
class WordsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId DENVER = ZoneId.of("America/Denver");

  private static String words(String expression, Dialect dialect) {
    return CronExpression.parse(expression, dialect).describe(UTC);
  }

  private static String words(String expression) {
    return words(expression, Dialect.POSIX);
  }

  // --- the example of the spec, and the zone ---

  @Test
  void describe_weekdays_readsAsRange() {
    assertThat(CronExpression.parse("0 9 * * 1-5").describe(DENVER))
        .isEqualTo("At 09:00, Monday through Friday (America/Denver)");
  }

  @Test
  void describe_endsWithTheZoneId() {
    assertThat(CronExpression.parse("0 9 * * *").describe(ZoneId.of("Asia/Kolkata")))
        .isEqualTo("At 09:00, every day (Asia/Kolkata)");
    assertThat(CronExpression.parse("0 9 * * *").describe(ZoneOffset.ofHours(2)))
        .isEqualTo("At 09:00, every day (+02:00)");
  }

  @Test
  void describe_sameScheduleInEveryDialect_readsTheSame() {
    String expected = "At 09:00, Monday through Friday (UTC)";
    assertThat(words("0 9 * * MON-FRI")).isEqualTo(expected);
    assertThat(words("0 9 * * 0-4", Dialect.ISO)).isEqualTo(expected);
    assertThat(words("0 0 9 ? * 2-6", Dialect.QUARTZ)).isEqualTo(expected);
    assertThat(words("cron(0 9 ? * MON-FRI *)", Dialect.AWS)).isEqualTo(expected);
  }

  // --- times of day ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          * * * * *              | Every minute (UTC)
          */15 * * * *           | Every 15 minutes (UTC)
          0,30 * * * *           | Every 30 minutes (UTC)
          5 * * * *              | At minute 5 of every hour (UTC)
          0 * * * *              | Every hour, on the hour (UTC)
          15,45 * * * *          | At minutes 15 and 45 of every hour (UTC)
          5/15 * * * *           | At minutes 5, 20, 35 and 50 of every hour (UTC)
          */7 * * * *            | Every 7 minutes from minute 0 through 56 of every hour (UTC)
          0-29 * * * *           | Every minute from minute 0 through 29 of every hour (UTC)
          0-10,30 * * * *        | At minutes 0 through 10 and 30 of every hour (UTC)
          0 9 * * *              | At 09:00, every day (UTC)
          30 17 * * *            | At 17:30, every day (UTC)
          0 9,17 * * *           | At 09:00 and 17:00, every day (UTC)
          0,30 9,17 * * *        | At 09:00, 09:30, 17:00 and 17:30, every day (UTC)
          0 */6 * * *            | At 00:00, 06:00, 12:00 and 18:00, every day (UTC)
          */15 9 * * *           | At 09:00, 09:15, 09:30 and 09:45, every day (UTC)
          */10 9 * * *           | Every 10 minutes from 09:00 through 09:50, every day (UTC)
          * 9 * * *              | Every minute from 09:00 through 09:59, every day (UTC)
          0-29 9 * * *           | Every minute from 09:00 through 09:29, every day (UTC)
          0 9-17 * * *           | Every hour from 09:00 through 17:00, every day (UTC)
          30 */2 * * *           | Every 2 hours from 00:30 through 22:30, every day (UTC)
          0 8-18/2 * * *         | Every 2 hours from 08:00 through 18:00, every day (UTC)
          0 8-11,13-17 * * *     | Every hour from 08:00 through 11:00 and from 13:00 through 17:00, every day (UTC)
          0 1,2,5,8,13 * * *     | At 01:00, 02:00, 05:00, 08:00 and 13:00, every day (UTC)
          * 9-17 * * *           | Every minute, between 09:00 and 17:59, every day (UTC)
          */15 9-17 * * *        | Every 15 minutes, between 09:00 and 17:59, every day (UTC)
          */30 9-11,14-16 * * *  | Every 30 minutes, between 09:00 and 11:59 and between 14:00 and 16:59, every day (UTC)
          15,45 9-17 * * *       | At minutes 15 and 45 past the hour, between 09:00 and 17:59, every day (UTC)
          */15 */2 * * *         | Every 15 minutes, during hours 0, 2, 4, ..., 22, every day (UTC)
          */20 1,5,9-11 * * *    | Every 20 minutes, during hours 1, 5 and 9 through 11, every day (UTC)
          0-10,30 9 * * *        | At minutes 0 through 10 and 30 past the hour, between 09:00 and 09:59, every day (UTC)
          """)
  void describe_timeOfDay_listsFewTimesAndNamesStepsAndWindows(String expression, String expected) {
    assertThat(words(expression)).isEqualTo(expected);
  }

  @Test
  void describe_everyNMinutesWithinWorkingHours_namesTheWindow() {
    assertThat(words("*/15 9-17 * * 1-5"))
        .isEqualTo("Every 15 minutes, between 09:00 and 17:59, Monday through Friday (UTC)");
  }

  // --- days of the week and of the month ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 0 * * 0        | At 00:00, on Sunday (UTC)
          0 0 * * 7        | At 00:00, on Sunday (UTC)
          0 0 * * 1,3,5    | At 00:00, on Monday, Wednesday and Friday (UTC)
          0 0 * * SAT,SUN  | At 00:00, on Saturday and Sunday (UTC)
          0 0 * * 5-7      | At 00:00, Friday through Sunday (UTC)
          0 0 * * FRI-SUN  | At 00:00, Friday through Sunday (UTC)
          0 0 * * 0-2      | At 00:00, Sunday through Tuesday (UTC)
          0 0 * * 0,1,3    | At 00:00, on Sunday, Monday and Wednesday (UTC)
          0 0 * * 1-3,5    | At 00:00, Monday through Wednesday and Friday (UTC)
          0 0 * * 0-6      | At 00:00, every day (UTC)
          0 0 1 * *        | At 00:00, on day 1 of the month (UTC)
          0 0 1,15 * *     | At 00:00, on days 1 and 15 of the month (UTC)
          0 0 1,10,20 * *  | At 00:00, on days 1, 10 and 20 of the month (UTC)
          0 0 1-7 * *      | At 00:00, on days 1 through 7 of the month (UTC)
          0 0 */2 * *      | At 00:00, on odd-numbered days of the month (UTC)
          0 0 2/2 * *      | At 00:00, on even-numbered days of the month (UTC)
          0 0 */5 * *      | At 00:00, on days 1, 6, 11, ..., 31 of the month (UTC)
          0 0 1-31 * *     | At 00:00, every day (UTC)
          """)
  void describe_days_readAsDayNamesRangesAndDaysOfTheMonth(String expression, String expected) {
    assertThat(words(expression)).isEqualTo(expected);
  }

  @Test
  void describe_dayOfMonthAndDayOfWeek_saysEitherMatches() {
    assertThat(words("0 0 13 * 5"))
        .isEqualTo("At 00:00, on day 13 of the month or on Friday (UTC)");
    assertThat(words("0 0 1,15 * 1-5"))
        .isEqualTo("At 00:00, on days 1 and 15 of the month or on Monday through Friday (UTC)");
    assertThat(words("0 0 1 * SAT,SUN"))
        .isEqualTo("At 00:00, on day 1 of the month or on Saturday or Sunday (UTC)");
    assertThat(words("0 0 1-7 * 1"))
        .as("not the first Monday: cron's OR rule")
        .isEqualTo("At 00:00, on days 1 through 7 of the month or on Monday (UTC)");
    assertThat(words("0 12 13 * 5", Dialect.ISO))
        .isEqualTo("At 12:00, on day 13 of the month or on Saturday (UTC)");
  }

  @Test
  void describe_orWithAWholeField_isEveryDay() {
    assertThat(words("0 0 1-31 * 1")).isEqualTo("At 00:00, every day (UTC)");
    assertThat(words("0 0 1 * 0-7")).isEqualTo("At 00:00, every day (UTC)");
  }

  @Test
  void describe_stepInDayOfMonth_meansBothMustMatch() {
    assertThat(words("0 0 */2 * 1"))
        .isEqualTo("At 00:00, on odd-numbered days of the month, if that day is a Monday (UTC)");
    assertThat(words("0 0 */7 * 1-5"))
        .isEqualTo(
            "At 00:00, on days 1, 8, 15, 22 and 29 of the month, if that day is a weekday"
                + " (Monday through Friday) (UTC)");
    assertThat(words("0 0 */10 * 6,0"))
        .isEqualTo(
            "At 00:00, on days 1, 11, 21 and 31 of the month, if that day is a Saturday or a"
                + " Sunday (UTC)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 0 12 ? * 2#1          | At 12:00, on the first Monday of the month (UTC)
          0 0 12 ? * MON#1        | At 12:00, on the first Monday of the month (UTC)
          0 0 12 ? * 6#3          | At 12:00, on the third Friday of the month (UTC)
          0 0 12 ? * 2#1,2#3      | At 12:00, on the first and third Monday of the month (UTC)
          0 0 12 ? * 2#2,6#5      | At 12:00, on the second Monday and the fifth Friday of the month (UTC)
          0 0 12 ? * 6L           | At 12:00, on the last Friday of the month (UTC)
          0 0 12 ? * FRIL         | At 12:00, on the last Friday of the month (UTC)
          0 0 12 ? * 2#1,6L       | At 12:00, on the first Monday and the last Friday of the month (UTC)
          0 0 12 ? * L            | At 12:00, on Saturday (UTC)
          0 0 12 L * ?            | At 12:00, on the last day of the month (UTC)
          0 0 12 L-1 * ?          | At 12:00, on the second-to-last day of the month (UTC)
          0 0 12 L-3 * ?          | At 12:00, on the fourth-to-last day of the month (UTC)
          0 0 12 15W * ?          | At 12:00, on the weekday nearest day 15 (UTC)
          0 0 12 1W * ?           | At 12:00, on the weekday nearest day 1 (UTC)
          0 0 12 LW * ?           | At 12:00, on the last weekday of the month (UTC)
          0 0 12 1,L * ?          | At 12:00, on day 1 of the month and on the last day of the month (UTC)
          0 0 12 ? * MON-FRI      | At 12:00, Monday through Friday (UTC)
          0 0 12 ? * 1            | At 12:00, on Sunday (UTC)
          0 0 12 * * ?            | At 12:00, every day (UTC)
          0 0/5 14 * * ?          | Every 5 minutes from 14:00 through 14:55, every day (UTC)
          0 0/5 14,18 * * ?       | Every 5 minutes, between 14:00 and 14:59 and between 18:00 and 18:59, every day (UTC)
          0 15 10 ? * 6L 2026-2027 | At 10:15, on the last Friday of the month, in 2026 and 2027 (UTC)
          """)
  void describe_quartzSpecials_readAsDaysOfTheMonthAndWeeks(String expression, String expected) {
    assertThat(words(expression, Dialect.QUARTZ)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cron(0 12 ? * MON-FRI *)   | At 12:00, Monday through Friday (UTC)
          cron(0/15 * * * ? *)       | Every 15 minutes (UTC)
          cron(0 18 L * ? 2027)      | At 18:00, on the last day of the month, in 2027 (UTC)
          cron(0 10 ? * 6#3 *)       | At 10:00, on the third Friday of the month (UTC)
          cron(0 8 1W * ? *)         | At 08:00, on the weekday nearest day 1 (UTC)
          cron(30 6 ? * 2 2026,2028) | At 06:30, on Monday, in 2026 and 2028 (UTC)
          0 12 * * ? *               | At 12:00, every day (UTC)
          """)
  void describe_aws_readsLikeQuartz(String expression, String expected) {
    assertThat(words(expression, Dialect.AWS)).isEqualTo(expected);
  }

  // --- months and years ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 9 * 1 *            | POSIX  | At 09:00, every day in January (UTC)
          * * * 1 *            | POSIX  | Every minute, in January (UTC)
          0 0 1 1-3 *          | POSIX  | At 00:00, on day 1 of the month, in January through March (UTC)
          0 0 1 */3 *          | POSIX  | At 00:00, on day 1 of the month, in January, April, July and October (UTC)
          0 0 1 1,2,6-8 *      | POSIX  | At 00:00, on day 1 of the month, in January, February and June through August (UTC)
          0 0 1 1 *            | POSIX  | At 00:00, on January 1 (UTC)
          0 0 1,15 3 *         | POSIX  | At 00:00, on March 1 and 15 (UTC)
          0 0 29 2 *           | POSIX  | At 00:00, on February 29 (UTC)
          0 0 13 1 5           | POSIX  | At 00:00, on day 13 of the month or on Friday, in January (UTC)
          0 0 12 1 1 ? 2027    | QUARTZ | At 12:00, on January 1, 2027 (UTC)
          0 0 12 ? 1 * 2027    | QUARTZ | At 12:00, every day in January 2027 (UTC)
          0 0 12 ? * * 2027    | QUARTZ | At 12:00, every day in 2027 (UTC)
          0 0 12 ? * * 2027-2030 | QUARTZ | At 12:00, every day in 2027 through 2030 (UTC)
          0 0 12 L 2 ? 2028    | QUARTZ | At 12:00, on the last day of the month, in February 2028 (UTC)
          0 0 12 1 * ? 2026/2  | QUARTZ | At 12:00, on day 1 of the month, in 2026, 2028, 2030, ..., 2098 (UTC)
          0 0 12 1 1,7 ? 2027,2029 | QUARTZ | At 12:00, on day 1 of the month, in January and July, in 2027 and 2029 (UTC)
          """)
  void describe_monthsAndYears_followTheDays(String expression, Dialect dialect, String expected) {
    assertThat(words(expression, dialect)).isEqualTo(expected);
  }

  // --- macros and H ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @yearly   | At 00:00, on January 1 (UTC)
          @annually | At 00:00, on January 1 (UTC)
          @monthly  | At 00:00, on day 1 of the month (UTC)
          @weekly   | At 00:00, on Sunday (UTC)
          @daily    | At 00:00, every day (UTC)
          @midnight | At 00:00, every day (UTC)
          @hourly   | Every hour, on the hour (UTC)
          """)
  void describe_macros_readLikeTheirExpansion(String macro, String expected) {
    assertThat(words(macro)).isEqualTo(expected);
  }

  @Test
  void describe_spread_namesTheChosenMinute() {
    CronExpression spread = CronExpression.parse("H 2 * * *", Dialect.POSIX, "billing/nightly");
    int minute =
        spread
            .in(UTC)
            .next(Instant.parse("2026-01-01T00:00:00Z"))
            .orElseThrow()
            .instant()
            .atZone(UTC)
            .getMinute();
    String expected = CronExpression.parse(minute + " 2 * * *").describe(UTC);
    assertThat(spread.describe(UTC))
        .isEqualTo(expected)
        .matches("At 02:\\d\\d, every day \\(UTC\\)");
  }

  // --- intervals ---

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @every 1m        | UTC            | Every minute (UTC)
          @every 10m       | America/Denver | Every 10 minutes, counted from 00:00 UTC (America/Denver)
          @every 90m       | UTC            | Every 90 minutes, counted from 00:00 UTC (UTC)
          @every 1h        | Europe/Paris   | Every hour, counted from 00:00 UTC (Europe/Paris)
          @every 2h        | America/Denver | Every 2 hours, counted from 00:00 UTC (America/Denver)
          @every 120m      | America/Denver | Every 2 hours, counted from 00:00 UTC (America/Denver)
          @every 6h        | Asia/Kolkata   | Every 6 hours, at 00:00, 06:00, 12:00 and 18:00 UTC (Asia/Kolkata)
          @every 8h        | UTC            | Every 8 hours, at 00:00, 08:00 and 16:00 UTC (UTC)
          @every 12h       | UTC            | Every 12 hours, at 00:00 and 12:00 UTC (UTC)
          @every 24h       | Europe/Paris   | Once a day, at 00:00 UTC (Europe/Paris)
          """)
  void describe_interval_isAnchoredAtMidnightUtc(String text, String zone, String expected) {
    Timing timing = Timing.parse(text, Dialect.POSIX, "");
    assertThat(timing.describe(ZoneId.of(zone))).isEqualTo(expected);
  }

  @Test
  void describe_awsRate_readsLikeAnInterval() {
    assertThat(Timing.parse("rate(1 day)", Dialect.AWS, "").describe(UTC))
        .isEqualTo("Once a day, at 00:00 UTC (UTC)");
    assertThat(Timing.parse("rate(5 minutes)", Dialect.AWS, "").describe(UTC))
        .isEqualTo("Every 5 minutes, counted from 00:00 UTC (UTC)");
  }

  // --- every expression gets words ---

  @Test
  void describe_generatedExpressions_areNonEmptyAndEndWithTheZone() {
    Random random = new Random(20261122L);
    List<ZoneId> zones =
        List.of(UTC, DENVER, ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"));
    int described = 0;
    for (int i = 0; i < 20_000; i++) {
      Dialect dialect = Dialect.values()[random.nextInt(Dialect.values().length)];
      String text = Generator.expression(random, dialect);
      CronExpression cron;
      try {
        cron = CronExpression.parse(text, dialect, "ns/" + i);
      } catch (CronParseException e) {
        continue; // never fires, or a combination the dialect refuses
      }
      ZoneId zone = zones.get(random.nextInt(zones.size()));
      String words = cron.describe(zone);
      assertThat(words)
          .as("%s (%s)", text, dialect)
          .endsWith(" (" + zone.getId() + ")")
          .doesNotContain("  ", ", ,", ",,", " ,", "null", "()")
          .matches("[A-Z][a-z].*");
      assertThat(words.length()).as(text).isGreaterThan(zone.getId().length() + 8);
      assertThat(cron.describe(zone)).as("deterministic").isEqualTo(words);
      if (words.contains(" or on ")) {
        assertThat(cron.matchesEitherDay()).as(text).isTrue();
      }
      if (words.matches("At \\d\\d:\\d\\d\\b.*")) {
        assertThat(clockTimes(words)).as(text).isEqualTo(firesOnFirstDay(cron));
      }
      Matcher span = SPAN.matcher(words);
      if (span.lookingAt()) {
        assertSpan(cron, span, text);
      }
      described++;
    }
    assertThat(described).isGreaterThan(10_000);
  }

  /** "Every 2 hours from 00:30 through 22:30, ..." with a single span. */
  private static final Pattern SPAN =
      Pattern.compile(
          "Every (minute|hour|(\\d+) (minutes|hours)) from (\\d\\d:\\d\\d) through"
              + " (\\d\\d:\\d\\d),");

  /** The first day's fires are the span: its first and last time, evenly spaced by the step. */
  private static void assertSpan(CronExpression cron, Matcher span, String text) {
    List<String> fires = firesOnFirstDay(cron);
    int unit = span.group(1).startsWith("hour") || "hours".equals(span.group(3)) ? 60 : 1;
    int step = span.group(2) == null ? unit : Integer.parseInt(span.group(2)) * unit;
    assertThat(fires.get(0)).as(text).isEqualTo(span.group(4));
    assertThat(fires.get(fires.size() - 1)).as(text).isEqualTo(span.group(5));
    for (int i = 1; i < fires.size(); i++) {
      assertThat(minuteOfDay(fires.get(i)) - minuteOfDay(fires.get(i - 1)))
          .as(text)
          .isEqualTo(step);
    }
  }

  private static int minuteOfDay(String clock) {
    return Integer.parseInt(clock.substring(0, 2)) * 60 + Integer.parseInt(clock.substring(3));
  }

  /** The HH:MM times the words name. */
  private static List<String> clockTimes(String words) {
    return Pattern.compile("\\d\\d:\\d\\d")
        .matcher(words)
        .results()
        .map(MatchResult::group)
        .toList();
  }

  /** The times of day the expression fires at, in UTC, on the first day it fires at all. */
  private static List<String> firesOnFirstDay(CronExpression cron) {
    FireSchedule fires = cron.in(UTC);
    FireTime first = fires.next(Instant.parse("2025-12-31T23:59:59Z")).orElseThrow();
    LocalDate day = first.time().toLocalDate();
    return fires
        .fireTimes(first.instant().minusSeconds(1))
        .map(FireTime::time)
        .takeWhile(t -> t.toLocalDate().equals(day))
        .map(t -> t.toLocalTime().toString())
        .toList();
  }

  /** Random expressions in each dialect's grammar, from the operators of SPEC §2.1 and §2.2. */
  private static final class Generator {
    static String expression(Random r, Dialect dialect) {
      String minute = field(r, 0, 59);
      String hour = field(r, 0, 23);
      String month = field(r, 1, 12);
      return switch (dialect) {
        case POSIX ->
            r.nextInt(20) == 0
                ? macro(r)
                : String.join(
                    " ", spreadOr(r, minute), hour, field(r, 1, 31), month, field(r, 0, 7));
        case ISO -> String.join(" ", minute, hour, field(r, 1, 31), month, field(r, 0, 6));
        case QUARTZ -> String.join(" ", "0", minute, hour, quartzDays(r), month) + quartzYear(r);
        case AWS ->
            "cron("
                + String.join(" ", minute, hour, quartzDays(r), month)
                + " "
                + (r.nextBoolean() ? "*" : field(r, 2026, 2030))
                + ")";
      };
    }

    private static String macro(Random r) {
      String[] macros = {"@yearly", "@monthly", "@weekly", "@daily", "@hourly"};
      return macros[r.nextInt(macros.length)];
    }

    private static String spreadOr(Random r, String field) {
      return switch (r.nextInt(8)) {
        case 0 -> "H";
        case 1 -> "H/" + (2 + r.nextInt(20));
        default -> field;
      };
    }

    /** Day-of-month and day-of-week with one of them ?, as Quartz and AWS require. */
    private static String quartzDays(Random r) {
      if (r.nextBoolean()) {
        String[] specials = {"L", "L-2", "15W", "LW", "1W"};
        String dom = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : field(r, 1, 31);
        return dom + " ?";
      }
      String[] specials = {"6L", "2#1", "6#3", "1#5", "2#1,6L", "L"};
      String dow = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : field(r, 1, 7);
      return "? " + dow;
    }

    private static String quartzYear(Random r) {
      return switch (r.nextInt(4)) {
        case 0 -> " " + field(r, 2026, 2035);
        case 1 -> " *";
        default -> "";
      };
    }

    /** One field: *, N, A-B, *\/S, A-B/S, A/S or a list of those. */
    static String field(Random r, int min, int max) {
      int kind = r.nextInt(10);
      if (kind < 2) {
        return "*";
      }
      if (kind == 9) {
        List<String> items = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          items.add(element(r, min, max));
        }
        return String.join(",", items);
      }
      return element(r, min, max);
    }

    private static String element(Random r, int min, int max) {
      int a = min + r.nextInt(max - min + 1);
      int b = a + r.nextInt(max - a + 1);
      int step = 1 + r.nextInt(Math.max(1, (max - min) / 2));
      return switch (r.nextInt(6)) {
        case 0, 1 -> Integer.toString(a);
        case 2 -> a + "-" + b;
        case 3 -> "*/" + step;
        case 4 -> a + "-" + b + "/" + step;
        default -> a + "/" + step;
      };
    }
  }
}
