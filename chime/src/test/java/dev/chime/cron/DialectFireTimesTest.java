package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator of every dialect, with literal expected fire times in UTC from 2026-01-01T00:00Z
 * (a Thursday), exclusive.
 */
class DialectFireTimesTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest(name = "{0} dialect {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          */15 * * * *      | posix  | 2026-01-01T00:15:00Z 2026-01-01T00:30:00Z 2026-01-01T00:45:00Z
          5 * * * *         | posix  | 2026-01-01T00:05:00Z 2026-01-01T01:05:00Z
          0 9-11 * * *      | posix  | 2026-01-01T09:00:00Z 2026-01-01T10:00:00Z 2026-01-01T11:00:00Z 2026-01-02T09:00:00Z
          0 9,17 * * *      | posix  | 2026-01-01T09:00:00Z 2026-01-01T17:00:00Z 2026-01-02T09:00:00Z
          0 8-18/4 * * *    | posix  | 2026-01-01T08:00:00Z 2026-01-01T12:00:00Z 2026-01-01T16:00:00Z 2026-01-02T08:00:00Z
          50/5 * * * *      | posix  | 2026-01-01T00:50:00Z 2026-01-01T00:55:00Z 2026-01-01T01:50:00Z
          0 0 1 JAN-MAR *   | posix  | 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z 2027-01-01T00:00:00Z
          0 0 1 jan,Jul *   | posix  | 2026-07-01T00:00:00Z 2027-01-01T00:00:00Z
          0 12 * * MON-FRI  | posix  | 2026-01-01T12:00:00Z 2026-01-02T12:00:00Z 2026-01-05T12:00:00Z
          0 12 * * 0        | posix  | 2026-01-04T12:00:00Z 2026-01-11T12:00:00Z
          0 12 * * 7        | posix  | 2026-01-04T12:00:00Z 2026-01-11T12:00:00Z
          0 12 * * sun      | posix  | 2026-01-04T12:00:00Z 2026-01-11T12:00:00Z
          0 12 * * FRI-SUN  | posix  | 2026-01-02T12:00:00Z 2026-01-03T12:00:00Z 2026-01-04T12:00:00Z 2026-01-09T12:00:00Z
          0 12 * * 5-7      | posix  | 2026-01-02T12:00:00Z 2026-01-03T12:00:00Z 2026-01-04T12:00:00Z 2026-01-09T12:00:00Z
          @hourly           | posix  | 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z
          @daily            | posix  | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z
          @midnight         | posix  | 2026-01-02T00:00:00Z
          @weekly           | posix  | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z
          @monthly          | posix  | 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z
          @yearly           | posix  | 2027-01-01T00:00:00Z
          @annually         | posix  | 2027-01-01T00:00:00Z
          0 0 13 * 5        | posix  | 2026-01-02T00:00:00Z 2026-01-09T00:00:00Z 2026-01-13T00:00:00Z 2026-01-16T00:00:00Z
          0 0 1 * 1         | posix  | 2026-01-05T00:00:00Z 2026-01-12T00:00:00Z 2026-01-19T00:00:00Z 2026-01-26T00:00:00Z 2026-02-01T00:00:00Z 2026-02-02T00:00:00Z
          0 0 */2 * 1       | posix  | 2026-01-05T00:00:00Z 2026-01-19T00:00:00Z 2026-02-09T00:00:00Z
          0 0 * * 1         | posix  | 2026-01-05T00:00:00Z 2026-01-12T00:00:00Z
          0 0 29 2 *        | posix  | 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z
          0 9 * * 0         | iso    | 2026-01-05T09:00:00Z 2026-01-12T09:00:00Z
          0 9 * * 6         | iso    | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z
          0 9 * * SAT-SUN   | iso    | 2026-01-03T09:00:00Z 2026-01-04T09:00:00Z 2026-01-10T09:00:00Z
          0 9 * * 0-4       | iso    | 2026-01-01T09:00:00Z 2026-01-02T09:00:00Z 2026-01-05T09:00:00Z
          0 0 12 ? * 2#1    | quartz | 2026-01-05T12:00:00Z 2026-02-02T12:00:00Z 2026-03-02T12:00:00Z
          0 0 12 ? * MON#1  | quartz | 2026-01-05T12:00:00Z 2026-02-02T12:00:00Z
          0 0 12 L * ?      | quartz | 2026-01-31T12:00:00Z 2026-02-28T12:00:00Z 2026-03-31T12:00:00Z
          0 0 12 L-3 * ?    | quartz | 2026-01-28T12:00:00Z 2026-02-25T12:00:00Z 2026-03-28T12:00:00Z
          0 0 12 15W * ?    | quartz | 2026-01-15T12:00:00Z 2026-02-16T12:00:00Z 2026-03-16T12:00:00Z
          0 0 12 1W * ?     | quartz | 2026-01-01T12:00:00Z 2026-02-02T12:00:00Z 2026-03-02T12:00:00Z
          0 0 12 LW * ?     | quartz | 2026-01-30T12:00:00Z 2026-02-27T12:00:00Z 2026-03-31T12:00:00Z
          0 0 12 ? * 6L     | quartz | 2026-01-30T12:00:00Z 2026-02-27T12:00:00Z 2026-03-27T12:00:00Z
          0 0 12 ? * L      | quartz | 2026-01-03T12:00:00Z 2026-01-10T12:00:00Z
          0 0 12 1 1 ? 2028 | quartz | 2028-01-01T12:00:00Z
          0 15 10 ? * MON-FRI | quartz | 2026-01-01T10:15:00Z 2026-01-02T10:15:00Z 2026-01-05T10:15:00Z
          0 15 10 ? * 2-6   | quartz | 2026-01-01T10:15:00Z 2026-01-02T10:15:00Z 2026-01-05T10:15:00Z
          0 0 12 ? * FRI-MON | quartz | 2026-01-02T12:00:00Z 2026-01-03T12:00:00Z 2026-01-04T12:00:00Z 2026-01-05T12:00:00Z 2026-01-09T12:00:00Z
          0 0 22-2 * * ?    | quartz | 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z 2026-01-01T22:00:00Z 2026-01-01T23:00:00Z 2026-01-02T00:00:00Z
          0 0 22-2/2 * * ?  | quartz | 2026-01-01T02:00:00Z 2026-01-01T22:00:00Z 2026-01-02T00:00:00Z
          0 0/20 * * * ?    | quartz | 2026-01-01T00:20:00Z 2026-01-01T00:40:00Z 2026-01-01T01:00:00Z
          cron(0/5 * * * ? *) | aws  | 2026-01-01T00:05:00Z 2026-01-01T00:10:00Z
          cron(0 9 ? * MON *) | aws  | 2026-01-05T09:00:00Z 2026-01-12T09:00:00Z
          cron(0 9 ? * 2 *)   | aws  | 2026-01-05T09:00:00Z 2026-01-12T09:00:00Z
          cron(0 0 1,15 * ? *) | aws | 2026-01-15T00:00:00Z 2026-02-01T00:00:00Z 2026-02-15T00:00:00Z
          cron(0 0 ? * 2#1 *) | aws  | 2026-01-05T00:00:00Z 2026-02-02T00:00:00Z
          cron(0 0 L * ? 2026) | aws | 2026-01-31T00:00:00Z 2026-02-28T00:00:00Z
          0 0 ? * 2#1 *     | aws    | 2026-01-05T00:00:00Z
          rate(5 minutes)   | aws    | 2026-01-01T00:05:00Z 2026-01-01T00:10:00Z
          rate(1 day)       | aws    | 2026-01-02T00:00:00Z
          @every 6h         | posix  | 2026-01-01T06:00:00Z 2026-01-01T12:00:00Z
          @every 90m        | posix  | 2026-01-01T01:30:00Z 2026-01-01T03:00:00Z
          """)
  void firesAtLiteralTimes(String expression, String dialect, String expected) {
    List<String> want = Arrays.asList(expected.trim().split("\\s+"));
    Timing timing = Timing.parse(expression, Dialect.named(dialect), "");
    List<String> got =
        timing.in(ZoneId.of("UTC")).fireTimes(START).limit(want.size())
            .map(f -> f.instant().toString()).toList();
    assertThat(got).containsExactlyElementsOf(want);
  }

  @ParameterizedTest(name = "{0} stops after its last year")
  @CsvSource({"0 0 12 1 1 ? 2026-2027, 2", "0 0 12 1 1 ? 2027, 1"})
  void yearField_endsTheSequence(String expression, int count) {
    var fires =
        CronExpression.parse(expression, Dialect.QUARTZ).in(ZoneId.of("UTC"))
            .fireTimes(START).toList();
    assertThat(fires).hasSize(count);
  }
}
