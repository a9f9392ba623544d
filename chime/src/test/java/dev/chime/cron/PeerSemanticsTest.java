package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where Chime and other cron libraries read the same text differently, one literal case each. Chime
 * follows cronie for posix (SPEC §2.1, §2.5) and Quartz's documentation for the quartz dialect; the
 * peers' readings are pinned here so that a change on either side is noticed, and so that the
 * README's "semantics" section can cite them. The differential tests rewrite expressions around
 * exactly these differences ({@link PeerForms}).
 */
class PeerSemanticsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private static final Instant JAN_2026 = Instant.parse("2026-01-01T00:00:00Z");

  /** Noon UTC the day before Denver springs forward (2026-03-08 02:00 MST to 03:00 MDT). */
  private static final Instant BEFORE_SPRING_FORWARD = Instant.parse("2026-03-07T12:00:00Z");

  /** Noon UTC the day before Denver falls back (2026-11-01 02:00 MDT to 01:00 MST). */
  private static final Instant BEFORE_FALL_BACK = Instant.parse("2026-10-31T12:00:00Z");

  private static List<Instant> chime(String expression, ZoneId zone, Instant from, int n) {
    return PeerSchedules.chime(expression, Dialect.POSIX, zone, from, n);
  }

  private static List<Instant> chimeQuartz(String expression, ZoneId zone, Instant from, int n) {
    return PeerSchedules.chime(expression, Dialect.QUARTZ, zone, from, n);
  }

  private static List<Instant> instants(String... isoDateTimes) {
    return java.util.Arrays.stream(isoDateTimes)
        .map(t -> t.contains("[") ? ZonedDateTime.parse(t).toInstant() : Instant.parse(t))
        .toList();
  }

  @Nested
  class Spring {
    @Test
    void restrictedDayFields_chimeOrsThem_springAndsThem() {
      // Vixie/POSIX rule: "0 0 13 * 5" is every 13th and every Friday; Spring: Friday the 13th.
      assertThat(chime("0 0 13 * 5", UTC, JAN_2026, 3))
          .isEqualTo(
              instants("2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 0 13 * 5", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-02-13T00:00:00Z", "2026-03-13T00:00:00Z"));
    }

    @Test
    void starStepInDayOfWeek_chimeCountsFromSunday_springFromMonday() {
      // */2 over 0-7 is 0,2,4,6 (Sun, Tue, Thu, Sat); Spring steps over 1-7 (Mon, Wed, Fri, Sun).
      assertThat(chime("0 0 * * */2", UTC, JAN_2026, 3)) // Sat 3, Sun 4, Tue 6
          .isEqualTo(
              instants("2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-06T00:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 0 * * */2", UTC, JAN_2026, 3)) // Fri 2, Sun 4, Mon 5
          .isEqualTo(
              instants("2026-01-02T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z"));
    }

    @Test
    void sundayToSundayRange_isSundayInChime_everyDayInSpring() {
      assertThat(chime("0 0 * * 7-7", UTC, JAN_2026, 1))
          .isEqualTo(instants("2026-01-04T00:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 0 * * 7-7", UTC, JAN_2026, 1))
          .isEqualTo(instants("2026-01-02T00:00:00Z")); // a Friday
    }

    @Test
    void fixedTimeInGap_chimeFiresAtGapEnd_springSkipsTheDay() {
      assertThat(chime("30 2 * * *", DENVER, BEFORE_SPRING_FORWARD, 2))
          .isEqualTo(
              instants(
                  "2026-03-08T03:00-06:00[America/Denver]",
                  "2026-03-09T02:30-06:00[America/Denver]"));
      assertThat(PeerSchedules.spring("0 30 2 * * *", DENVER, BEFORE_SPRING_FORWARD, 1))
          .isEqualTo(instants("2026-03-09T02:30-06:00[America/Denver]"));
    }

    @Test
    void fixedTimeInOverlap_chimeFiresOnce_springFiresOnBothPasses() {
      assertThat(chime("30 1 * * *", DENVER, BEFORE_FALL_BACK, 2))
          .isEqualTo(
              instants(
                  "2026-11-01T01:30-06:00[America/Denver]",
                  "2026-11-02T01:30-07:00[America/Denver]"));
      assertThat(PeerSchedules.spring("0 30 1 * * *", DENVER, BEFORE_FALL_BACK, 2))
          .isEqualTo(
              instants(
                  "2026-11-01T01:30-06:00[America/Denver]",
                  "2026-11-01T01:30-07:00[America/Denver]"));
    }

    @Test
    void midnightInGap_springSkipsTheWholeDay() {
      // America/Santiago springs forward at 24:00 on 2026-09-05 (to 01:00 on the 6th). Spring's
      // next fire of "every three hours" after 22:03 on the 5th is on the 7th.
      ZoneId santiago = ZoneId.of("America/Santiago");
      Instant from = Instant.parse("2026-09-06T01:03:00Z");
      assertThat(chime("0 */3 * * *", santiago, from, 1))
          .isEqualTo(instants("2026-09-06T03:00-03:00[America/Santiago]"));
      assertThat(PeerSchedules.spring("0 0 */3 * * *", santiago, from, 1))
          .isEqualTo(instants("2026-09-07T00:00-03:00[America/Santiago]"));
    }

    @Test
    void quartzForm_fifthWeekdayOfAMonthWithoutOne_springFiresOnTheFirst() {
      // November 2029 has four Saturdays; Quartz and Chime skip it, Spring fires on the 1st.
      Instant from = Instant.parse("2029-01-01T00:00:00Z");
      assertThat(chimeQuartz("0 0 10 ? NOV 7#5", UTC, from, 1))
          .isEqualTo(instants("2030-11-30T10:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 10 ? NOV SAT#5", UTC, from, 1))
          .isEqualTo(instants("2029-11-01T10:00:00Z"));
    }

    @Test
    void quartzForm_nearestWeekdayOnASundayEndingTheMonth_springSkipsTheMonth() {
      // 2028-04-30 is a Sunday: 30W is Friday the 28th (Quartz agrees); Spring skips April.
      Instant from = Instant.parse("2028-01-01T00:00:00Z");
      assertThat(chimeQuartz("0 0 0 30W 4 ?", UTC, from, 1))
          .isEqualTo(instants("2028-04-28T00:00:00Z"));
      assertThat(PeerSchedules.quartz("0 0 0 30W 4 ?", UTC, from, 1))
          .isEqualTo(instants("2028-04-28T00:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 0 30W 4 ?", UTC, from, 1))
          .isEqualTo(instants("2029-04-30T00:00:00Z"));
    }

    @Test
    void quartzForm_dayOfWeekNumbers_quartzCountsFromSunday_springFromMonday() {
      assertThat(chimeQuartz("0 0 0 ? * 2", UTC, JAN_2026, 1))
          .isEqualTo(instants("2026-01-05T00:00:00Z"));
      assertThat(PeerSchedules.spring("0 0 0 ? * 2", UTC, JAN_2026, 1))
          .isEqualTo(instants("2026-01-06T00:00:00Z")); // a Tuesday
    }
  }

  @Nested
  class CronUtils {
    @Test
    void starStepDayOfMonth_chimeAndsWithDayOfWeek_cronUtilsOrs() {
      // A field starting with * is unrestricted for the OR rule (cronie): Mondays on odd days.
      assertThat(chime("0 0 */2 * 1", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-05T00:00:00Z", "2026-01-19T00:00:00Z"));
      assertThat(PeerSchedules.cronUtilsUnix("0 0 */2 * 1", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-03T00:00:00Z", "2026-01-05T00:00:00Z"));
    }

    @Test
    void sundayStartingARange_chimeReadsZero_cronUtilsRejectsIt() {
      assertThat(chime("0 0 * * SUN-TUE", UTC, JAN_2026, 3))
          .isEqualTo(
              instants("2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"));
      assertThatThrownBy(() -> PeerSchedules.cronUtilsUnix("0 0 * * SUN-TUE", UTC, JAN_2026, 1))
          .hasMessageContaining("Invalid range");
    }

    @Test
    void sevenWithAStep_isSundayInChime_zeroStepInCronUtils() {
      // 7/2 runs from 7 to the field's end (7): Sunday. cron-utils reads 0/2.
      assertThat(chime("0 0 * * 7/2", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z"));
      assertThat(PeerSchedules.cronUtilsUnix("0 0 * * 7/2", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"));
    }

    @Test
    void stepWiderThanItsField_chimeAcceptsIt_cronUtilsRejectsIt() {
      // As in cronie, */60 in the minute field is minute 0 only.
      assertThat(chime("*/60 * * * *", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"));
      assertThatThrownBy(() -> PeerSchedules.cronUtilsUnix("*/60 * * * *", UTC, JAN_2026, 1))
          .hasMessageContaining("Period 60 not in range");
    }

    @Test
    void fixedTimeInGap_chimeFiresAtGapEnd_cronUtilsSkipsTheDay() {
      assertThat(PeerSchedules.cronUtilsUnix("30 2 * * *", DENVER, BEFORE_SPRING_FORWARD, 1))
          .isEqualTo(instants("2026-03-09T02:30-06:00[America/Denver]"));
    }

    @Test
    void overlap_cronUtilsAgreesWithChime() {
      assertThat(PeerSchedules.cronUtilsUnix("30 1 * * *", DENVER, BEFORE_FALL_BACK, 2))
          .isEqualTo(chime("30 1 * * *", DENVER, BEFORE_FALL_BACK, 2));
      assertThat(PeerSchedules.cronUtilsUnix("*/30 1 * * *", DENVER, BEFORE_FALL_BACK, 4))
          .isEqualTo(chime("*/30 1 * * *", DENVER, BEFORE_FALL_BACK, 4));
    }

    @Test
    void quartz_nearestWeekdayOnASundayEndingTheMonth_cronUtilsFiresOnTheSunday() {
      Instant from = Instant.parse("2028-01-01T00:00:00Z");
      assertThat(PeerSchedules.cronUtilsQuartz("0 0 0 30W 4 ?", UTC, from, 1))
          .isEqualTo(instants("2028-04-30T00:00:00Z"));
    }

    @Test
    void quartz_nearestWeekdayInAMonthWithoutThatDay_cronUtilsFails() {
      assertThatThrownBy(() -> PeerSchedules.cronUtilsQuartz("0 0 0 31W * ?", UTC, JAN_2026, 3))
          .hasMessageContaining("Invalid date");
    }
  }

  @Nested
  class JobRunr {
    @Test
    void seven_isSundayInChime_rejectedByJobRunr() {
      assertThat(chime("0 0 * * 7", UTC, JAN_2026, 1)).isEqualTo(instants("2026-01-04T00:00:00Z"));
      assertThatThrownBy(() -> PeerSchedules.jobRunr("0 0 * * 7", UTC, JAN_2026, 1))
          .hasMessageContaining("maximum allowed value for day_of_week field is \"6\"");
    }

    @Test
    void valueWithAStepInDayOfWeek_reachesSundayInChime_stopsAtSaturdayInJobRunr() {
      // 1/2 is 1,3,5,7: Monday, Wednesday, Friday and Sunday.
      assertThat(chime("0 0 * * 1/2", UTC, JAN_2026, 3))
          .isEqualTo(
              instants("2026-01-02T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z"));
      assertThat(PeerSchedules.jobRunr("0 0 * * 1/2", UTC, JAN_2026, 3))
          .isEqualTo(
              instants("2026-01-02T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-07T00:00:00Z"));
    }

    @Test
    void monthStep_reachesDecemberInChime_notInJobRunr() {
      Instant from = Instant.parse("2027-06-15T00:00:00Z");
      assertThat(chime("0 0 1 */1 *", UTC, from, 6))
          .contains(Instant.parse("2027-12-01T00:00:00Z"));
      assertThat(PeerSchedules.jobRunr("0 0 1 */1 *", UTC, from, 6))
          .doesNotContain(Instant.parse("2027-12-01T00:00:00Z"));
      assertThatThrownBy(() -> PeerSchedules.jobRunr("0 0 1 12/2 *", UTC, from, 1))
          .hasMessageContaining("MonthOfYear");
    }

    @Test
    void fixedTimeInGap_chimeFiresAtGapEnd_jobRunrMovesItByTheGap() {
      // JobRunr fires 02:30 at 03:30 MDT, one hour late; Chime at 03:00, when the gap ends.
      assertThat(PeerSchedules.jobRunr("30 2 * * *", DENVER, BEFORE_SPRING_FORWARD, 2))
          .isEqualTo(
              instants(
                  "2026-03-08T03:30-06:00[America/Denver]",
                  "2026-03-09T02:30-06:00[America/Denver]"));
    }

    @Test
    void clockScheduleInOverlap_chimeFiresBothPasses_jobRunrOnlyTheFirst() {
      assertThat(chime("*/30 1 * * *", DENVER, BEFORE_FALL_BACK, 4))
          .isEqualTo(
              instants(
                  "2026-11-01T01:00-06:00[America/Denver]",
                  "2026-11-01T01:30-06:00[America/Denver]",
                  "2026-11-01T01:00-07:00[America/Denver]",
                  "2026-11-01T01:30-07:00[America/Denver]"));
      assertThat(PeerSchedules.jobRunr("*/30 1 * * *", DENVER, BEFORE_FALL_BACK, 3))
          .isEqualTo(
              instants(
                  "2026-11-01T01:00-06:00[America/Denver]",
                  "2026-11-01T01:30-06:00[America/Denver]",
                  "2026-11-02T01:00-07:00[America/Denver]"));
    }
  }

  @Nested
  class Quartz {
    @Test
    void lastDayOfAShortMonth_chimeFindsIt_quartz250DoesNot() {
      assertThat(chimeQuartz("0 0 0 L 2 ?", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-02-28T00:00:00Z", "2027-02-28T00:00:00Z"));
      assertThat(PeerSchedules.quartz("0 0 0 L 2 ?", UTC, JAN_2026, 2)).isEmpty();
      assertThat(PeerSchedules.quartz("0 0 0 L * ?", UTC, JAN_2026, 2)) // skips February
          .isEqualTo(instants("2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z"));
    }

    @Test
    void namedRangeWithAStep_chimeSteps_quartzIgnoresTheStep() {
      assertThat(chimeQuartz("0 0 0 ? * MON-THU/2", UTC, JAN_2026, 2)) // Monday, Wednesday
          .isEqualTo(instants("2026-01-05T00:00:00Z", "2026-01-07T00:00:00Z"));
      assertThat(PeerSchedules.quartz("0 0 0 ? * MON-THU/2", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"));
      assertThat(PeerSchedules.quartz("0 0 0 ? * 2-5/2", UTC, JAN_2026, 2))
          .isEqualTo(instants("2026-01-05T00:00:00Z", "2026-01-07T00:00:00Z"));
    }

    @Test
    void stepAsWideAsItsField_chimeAcceptsIt_quartzRejectsIt() {
      assertThat(chimeQuartz("0 */60 * * * ?", UTC, JAN_2026, 1))
          .isEqualTo(instants("2026-01-01T01:00:00Z"));
      assertThatThrownBy(() -> PeerSchedules.quartz("0 */60 * * * ?", UTC, JAN_2026, 1))
          .hasMessageContaining("Increment > 60");
    }

    @Test
    void fixedTimeInGap_chimeFiresAtGapEnd_quartzSkipsTheDay() {
      assertThat(chimeQuartz("0 30 2 * * ?", DENVER, BEFORE_SPRING_FORWARD, 1))
          .isEqualTo(instants("2026-03-08T03:00-06:00[America/Denver]"));
      assertThat(PeerSchedules.quartz("0 30 2 * * ?", DENVER, BEFORE_SPRING_FORWARD, 1))
          .isEqualTo(instants("2026-03-09T02:30-06:00[America/Denver]"));
    }

    @Test
    void overlap_chimeFiresTheFirstPass_quartzOnlyTheSecond() {
      assertThat(PeerSchedules.quartz("0 30 1 * * ?", DENVER, BEFORE_FALL_BACK, 1))
          .isEqualTo(instants("2026-11-01T01:30-07:00[America/Denver]"));
      assertThat(PeerSchedules.quartz("0 */30 1 * * ?", DENVER, BEFORE_FALL_BACK, 3))
          .isEqualTo(
              instants(
                  "2026-11-01T01:00-07:00[America/Denver]",
                  "2026-11-01T01:30-07:00[America/Denver]",
                  "2026-11-02T01:00-07:00[America/Denver]"));
    }
  }
}
