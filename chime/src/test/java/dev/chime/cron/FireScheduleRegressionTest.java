package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Literal cases for engine bugs found by the property, differential and fuzz tests. */
class FireScheduleRegressionTest {
  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void nextAndPrevious_nameTheFirstMissingWallTime_whenSeveralCollapseAtGapEnd() {
    // 02:00 and 02:30 do not exist on 2026-03-08 in Denver; both fire once at 03:00 MDT.
    FireSchedule schedule = CronExpression.parse("0,30 2 * * *").in(DENVER);
    FireTime expected =
        new FireTime(
            Instant.parse("2026-03-08T09:00:00Z"),
            DENVER,
            LocalDateTime.parse("2026-03-08T02:00"),
            FireTime.Adjustment.SHIFTED);

    assertThat(schedule.next(Instant.parse("2026-03-08T08:00:00Z"))).contains(expected);
    assertThat(schedule.previous(Instant.parse("2026-03-08T09:00:01Z"))).contains(expected);
  }

  @Test
  void sunToSun_isSundayOnly() {
    // A range ending in the name SUN reads as ending at 7 (FRI-SUN = 5-7), but not from Sunday.
    FireSchedule schedule = CronExpression.parse("0 0 * * SUN-SUN").in(ZoneId.of("UTC"));

    assertThat(schedule.fireTimes(Instant.parse("2026-01-01T00:00:00Z")).limit(2))
        .extracting(FireTime::instant)
        .containsExactly(
            Instant.parse("2026-01-04T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"));
  }

  @Test
  void nearestWeekday_skipsMonthsWithoutThatDay_asQuartzDoes() {
    // 31W is the weekday nearest the 31st: no fire in February or April, like a plain 31.
    FireSchedule schedule = CronExpression.parse("0 0 0 31W * ?", Dialect.QUARTZ).in(UTC);

    assertThat(schedule.fireTimes(Instant.parse("2026-01-01T00:00:00Z")).limit(3))
        .extracting(FireTime::instant)
        .containsExactly(
            Instant.parse("2026-01-30T00:00:00Z"), // Saturday 31st: Friday before
            Instant.parse("2026-03-31T00:00:00Z"),
            Instant.parse("2026-05-29T00:00:00Z")); // Sunday 31st: Friday before
  }

  @Test
  void nearestWeekday_inAMonthThatNeverHasTheDay_neverFires() {
    assertThatThrownBy(() -> CronExpression.parse("0 0 0 31W 4 ?", Dialect.QUARTZ))
        .isInstanceOf(CronParseException.class)
        .hasMessageContaining("never fires");
  }

  @Test
  void rateInDays_thatOverflowsHours_isRejected() {
    // 178956971 days * 24 wrapped around to 8 hours in int arithmetic.
    assertThatThrownBy(() -> Timing.parse("rate(178956971 days)", Dialect.AWS, ""))
        .isInstanceOf(CronParseException.class)
        .hasMessageContaining("at most 24h");
    assertThat(Timing.parse("rate(1 day)", Dialect.AWS, "")).isEqualTo(Interval.parse("24h"));
  }

  @Test
  void quartzSpecials_areCaseInsensitive_asInQuartz() {
    // "0 0 0 l * ?" failed with "L, W and # are not allowed in the day-of-month field".
    for (String[] same :
        new String[][] {
          {"0 0 0 l * ?", "0 0 0 L * ?"},
          {"0 0 0 lw * ?", "0 0 0 LW * ?"},
          {"0 0 0 15w * ?", "0 0 0 15W * ?"},
          {"0 0 0 l-3 * ?", "0 0 0 L-3 * ?"},
          {"0 0 0 ? * 6l", "0 0 0 ? * 6L"},
          {"0 0 0 ? * l", "0 0 0 ? * L"}
        }) {
      Instant from = Instant.parse("2026-03-01T00:00:00Z");
      assertThat(CronExpression.parse(same[0], Dialect.QUARTZ).in(UTC).fireTimes(from).limit(3))
          .as(same[0])
          .isEqualTo(
              CronExpression.parse(same[1], Dialect.QUARTZ)
                  .in(UTC)
                  .fireTimes(from)
                  .limit(3)
                  .toList());
    }
  }

  @Test
  void names_matchAsciiLettersOnly() {
    // Unicode upper-casing turned the long s of "ſun" into S and the dotless i of "FRı" into I.
    for (String lookalike : new String[] {"0 0 * * ſun", "0 0 * * FRı", "0 0 1 ſep *"}) {
      assertThatThrownBy(() -> CronExpression.parse(lookalike))
          .as(lookalike)
          .isInstanceOf(CronParseException.class);
    }
    assertThat(
            CronExpression.parse("0 0 * * sun").in(UTC).next(Instant.parse("2026-01-01T00:00:00Z")))
        .map(FireTime::instant)
        .contains(Instant.parse("2026-01-04T00:00:00Z"));
  }

  @Test
  void everyMacroError_namesTheWholeExpression() {
    // The error named " 7h" as the expression, not "@every 7h".
    assertThatThrownBy(() -> Timing.parse("@every 7h", Dialect.POSIX, ""))
        .isInstanceOfSatisfying(
            CronParseException.class,
            e -> {
              assertThat(e.expression()).isEqualTo("@every 7h");
              assertThat(e.text()).isEqualTo("@every 7h");
              assertThat(e.reason()).contains("does not divide 24 hours evenly");
            });
  }

  @Test
  void extremeInstants_answerEmptyInsteadOfThrowing() {
    // next() near Instant.MAX threw DateTimeException; fire times stop at the year 9999.
    for (String cron : new String[] {"30 2 * * *", "*/15 * * * *"}) {
      FireSchedule denver = CronExpression.parse(cron).in(java.time.ZoneId.of("America/Denver"));
      assertThat(denver.next(Instant.MAX)).isEmpty();
      assertThat(denver.previous(Instant.MIN)).isEmpty();
      assertThat(denver.next(Instant.MIN)).map(f -> f.instant().atZone(UTC).getYear()).contains(1);
      assertThat(denver.previous(Instant.MAX)).map(f -> f.time().getYear()).contains(9999);
      assertThat(denver.next(Instant.parse("9999-12-31T12:00:00Z"))).isEmpty();
    }
  }
}
