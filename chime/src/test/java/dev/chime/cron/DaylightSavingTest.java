package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.5 at real transitions. Expected values are literal local times with their offsets;
 * "!" marks a fire moved past a gap, "~" one skipped under {@code dstGap: skip}.
 */
class DaylightSavingTest {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx");

  private static List<String> fires(String cron, String zone, String from, int n) {
    return fires(cron, zone, from, n, DstGap.SHIFT);
  }

  private static List<String> fires(String cron, String zone, String from, int n, DstGap gap) {
    return CronExpression.parse(cron).in(ZoneId.of(zone), gap)
        .fireTimes(Instant.parse(from)).limit(n)
        .map(f -> LOCAL.format(f.time()) + switch (f.adjustment()) {
          case NONE -> "";
          case SHIFTED -> "!";
          case SKIPPED -> "~";
        })
        .toList();
  }

  private static String previous(String cron, String zone, String before) {
    return CronExpression.parse(cron).in(ZoneId.of(zone))
        .previous(Instant.parse(before)).map(f -> LOCAL.format(f.time())).orElse("none");
  }

  @Nested
  class Denver {
    private static final String Z = "America/Denver";

    @Test
    void fixedTimeInGap_firesAtFirstInstantAfterGap() {
      assertThat(fires("30 2 * * *", Z, "2026-03-07T12:00:00Z", 2))
          .containsExactly("2026-03-08T03:00-06:00!", "2026-03-09T02:30-06:00");
    }

    @Test
    void severalTimesInGap_collapseIntoOneFire() {
      assertThat(fires("0,30 2 * * *", Z, "2026-03-07T12:00:00Z", 2))
          .containsExactly("2026-03-08T03:00-06:00!", "2026-03-09T02:00-06:00");
    }

    @Test
    void gapTimeAndRealTimeAfterIt_fireOnceAsTheRealTime() {
      assertThat(fires("0 2,3 * * *", Z, "2026-03-07T12:00:00Z", 2))
          .containsExactly("2026-03-08T03:00-06:00", "2026-03-09T02:00-06:00");
    }

    @Test
    void dstGapSkip_recordsTheFireAsSkipped() {
      assertThat(fires("30 2 * * *", Z, "2026-03-07T12:00:00Z", 2, DstGap.SKIP))
          .containsExactly("2026-03-08T03:00-06:00~", "2026-03-09T02:30-06:00");
    }

    @Test
    void clockFollowingSchedule_skipsMissingTimes() {
      assertThat(fires("*/30 * * * *", Z, "2026-03-08T08:00:00Z", 3))
          .containsExactly("2026-03-08T01:30-07:00", "2026-03-08T03:00-06:00",
              "2026-03-08T03:30-06:00");
    }

    @Test
    void clockFollowingScheduleInsideGapHour_hasNoFireThatDay() {
      assertThat(fires("*/15 2 * * *", Z, "2026-03-07T09:50:00Z", 2))
          .containsExactly("2026-03-09T02:00-06:00", "2026-03-09T02:15-06:00");
    }

    @Test
    void fixedTimeInOverlap_firesOnceAtFirstOccurrence() {
      assertThat(fires("30 1 * * *", Z, "2026-10-31T12:00:00Z", 2))
          .containsExactly("2026-11-01T01:30-06:00", "2026-11-02T01:30-07:00");
    }

    @Test
    void clockFollowingScheduleInOverlap_firesInBothPasses() {
      assertThat(fires("*/30 1 * * *", Z, "2026-11-01T06:00:00Z", 5))
          .containsExactly("2026-11-01T01:00-06:00", "2026-11-01T01:30-06:00",
              "2026-11-01T01:00-07:00", "2026-11-01T01:30-07:00", "2026-11-02T01:00-07:00");
    }

    @Test
    void startInsideRepeatedHour_fixedTimeWaitsForNextDay() {
      // 08:15Z is 01:15 MST, the second pass; 01:30's first occurrence (07:30Z) has passed.
      assertThat(fires("30 1 * * *", Z, "2026-11-01T08:15:00Z", 1))
          .containsExactly("2026-11-02T01:30-07:00");
      assertThat(fires("*/30 1 * * *", Z, "2026-11-01T08:15:00Z", 1))
          .containsExactly("2026-11-01T01:30-07:00");
    }

    @Test
    void startExactlyOnFireTime_returnsTheFollowingFire() {
      assertThat(fires("0 9 * * 1-5", Z, "2026-11-20T16:00:00Z", 1))
          .containsExactly("2026-11-23T09:00-07:00");
    }

    @Test
    void previous_isStrictlyBefore_andSeesShiftedFire() {
      assertThat(previous("30 2 * * *", Z, "2026-03-08T09:00:00Z"))
          .isEqualTo("2026-03-07T02:30-07:00");
      assertThat(previous("30 2 * * *", Z, "2026-03-08T09:00:01Z"))
          .isEqualTo("2026-03-08T03:00-06:00");
      assertThat(previous("*/30 1 * * *", Z, "2026-11-01T08:00:00Z"))
          .isEqualTo("2026-11-01T01:30-06:00");
      assertThat(previous("30 1 * * *", Z, "2026-11-01T08:45:00Z"))
          .isEqualTo("2026-11-01T01:30-06:00");
    }
  }

  @Test
  void stockholm_springAndAutumn() {
    String z = "Europe/Stockholm";
    assertThat(fires("30 2 * * *", z, "2026-03-28T12:00:00Z", 2))
        .containsExactly("2026-03-29T03:00+02:00!", "2026-03-30T02:30+02:00");
    assertThat(fires("30 2 * * *", z, "2026-10-24T12:00:00Z", 2))
        .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
    assertThat(fires("0 * * * *", z, "2026-10-24T23:30:00Z", 3))
        .containsExactly("2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00",
            "2026-10-25T03:00+01:00");
  }

  @Test
  void newYork_springAndAutumn() {
    String z = "America/New_York";
    assertThat(fires("0 2 * * *", z, "2026-03-07T12:00:00Z", 2))
        .containsExactly("2026-03-08T03:00-04:00!", "2026-03-09T02:00-04:00");
    assertThat(fires("0 1 * * 0", z, "2026-10-31T12:00:00Z", 2))
        .containsExactly("2026-11-01T01:00-04:00", "2026-11-08T01:00-05:00");
  }

  @Test
  void lordHowe_halfHourShifts() {
    String z = "Australia/Lord_Howe";
    assertThat(fires("15 2 * * *", z, "2026-10-03T12:00:00Z", 2))
        .containsExactly("2026-10-04T02:30+11:00!", "2026-10-05T02:15+11:00");
    assertThat(fires("45 1 * * *", z, "2026-04-04T12:00:00Z", 2))
        .containsExactly("2026-04-05T01:45+11:00", "2026-04-06T01:45+10:30");
    assertThat(fires("*/15 1 * * *", z, "2026-04-04T13:50:00Z", 6))
        .containsExactly("2026-04-05T01:00+11:00", "2026-04-05T01:15+11:00",
            "2026-04-05T01:30+11:00", "2026-04-05T01:45+11:00",
            "2026-04-05T01:30+10:30", "2026-04-05T01:45+10:30");
  }

  @Test
  void santiago_transitionsAtMidnight() {
    String z = "America/Santiago";
    assertThat(fires("0 0 * * *", z, "2026-09-04T12:00:00Z", 3))
        .containsExactly("2026-09-05T00:00-04:00", "2026-09-06T01:00-03:00!",
            "2026-09-07T00:00-03:00");
    assertThat(fires("30 0 * * *", z, "2026-09-05T12:00:00Z", 1))
        .containsExactly("2026-09-06T01:00-03:00!");
    assertThat(fires("30 23 * * *", z, "2026-04-04T12:00:00Z", 2))
        .containsExactly("2026-04-04T23:30-03:00", "2026-04-05T23:30-04:00");
    assertThat(fires("*/30 23 * * *", z, "2026-04-04T12:00:00Z", 4))
        .containsExactly("2026-04-04T23:00-03:00", "2026-04-04T23:30-03:00",
            "2026-04-04T23:00-04:00", "2026-04-04T23:30-04:00");
    assertThat(fires("0 0 * * *", z, "2026-04-04T12:00:00Z", 1))
        .containsExactly("2026-04-05T00:00-04:00");
  }

  @Test
  void apia_skippedCalendarDay_hasNoFires() {
    String z = "Pacific/Apia";
    assertThat(fires("0 9 * * *", z, "2011-12-28T20:00:00Z", 2))
        .containsExactly("2011-12-29T09:00-10:00", "2011-12-31T09:00+14:00");
    assertThat(fires("0 * * * *", z, "2011-12-30T09:00:00Z", 1))
        .containsExactly("2011-12-31T00:00+14:00");
    assertThat(fires("0 12 30 12 *", z, "2011-12-01T00:00:00Z", 1))
        .containsExactly("2012-12-30T12:00+14:00");
  }

  @Test
  void kolkata_halfHourOffsetWithoutDst() {
    assertThat(fires("0 9 * * *", "Asia/Kolkata", "2026-11-22T00:00:00Z", 2))
        .containsExactly("2026-11-22T09:00+05:30", "2026-11-23T09:00+05:30");
    assertThat(CronExpression.parse("0 9 * * *").in(ZoneId.of("Asia/Kolkata"))
        .next(Instant.parse("2026-11-22T00:00:00Z")).orElseThrow().instant())
        .isEqualTo(Instant.parse("2026-11-22T03:30:00Z"));
  }

  @Test
  void historicalOffsetChanges() {
    // Moscow left permanent +04:00 for +03:00 on 2014-10-26 at 02:00: 01:00-01:59 repeated.
    assertThat(fires("30 1 * * *", "Europe/Moscow", "2014-10-25T12:00:00Z", 2))
        .containsExactly("2014-10-26T01:30+04:00", "2014-10-27T01:30+03:00");
    // Caracas moved from -04:30 to -04:00 on 2016-05-01 at 02:30: a 30-minute gap.
    assertThat(fires("45 2 * * *", "America/Caracas", "2016-04-30T12:00:00Z", 2))
        .containsExactly("2016-05-01T03:00-04:00!", "2016-05-02T02:45-04:00");
  }
}
