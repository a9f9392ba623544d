package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.RetryPolicy;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, honouring Retry-After (SPEC §3). */
class BackoffTest {
  private final RetryPolicy policy =
      new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));
  private final Backoff backoff = new Backoff(new SplittableRandom(42));

  private Duration longestOf(int draws, int nextAttempt) {
    return IntStream.range(0, draws)
        .mapToObj(i -> backoff.delay(policy, nextAttempt, null))
        .max(Duration::compareTo).orElseThrow();
  }

  @Test
  void delay_staysWithinZeroAndTheCeiling_forEveryAttempt() {
    for (int next = 2; next <= 10; next++) {
      Duration ceiling = policy.ceiling(next);
      for (int i = 0; i < 500; i++) {
        Duration delay = backoff.delay(policy, next, null);
        assertThat(delay).as("attempt %d", next).isBetween(Duration.ZERO, ceiling);
      }
    }
  }

  @Test
  void delay_growsWithEachAttempt_untilMaxBackoff() {
    assertThat(longestOf(500, 2)).isLessThanOrEqualTo(Duration.ofSeconds(1))
        .isGreaterThan(Duration.ofMillis(900));
    assertThat(longestOf(500, 4)).isLessThanOrEqualTo(Duration.ofSeconds(4))
        .isGreaterThan(Duration.ofMillis(3600));
    assertThat(longestOf(500, 10)).isLessThanOrEqualTo(Duration.ofSeconds(60))
        .isGreaterThan(Duration.ofSeconds(54));
    assertThat(longestOf(500, 30)).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void delay_isJittered_notTheSameEveryTime() {
    assertThat(IntStream.range(0, 20).mapToObj(i -> backoff.delay(policy, 5, null)).distinct())
        .hasSizeGreaterThan(10);
  }

  @Test
  void delay_isAtLeastRetryAfter_cappedAtAnHour() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(policy, 2, Duration.ofSeconds(7)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }
    assertThat(backoff.delay(policy, 2, Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.delay(policy, 10, Duration.ofMillis(1)))
        .isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void sameSeed_sameDelays() {
    Backoff again = new Backoff(new SplittableRandom(42));
    Backoff first = new Backoff(new SplittableRandom(42));

    assertThat(IntStream.range(2, 10).mapToObj(n -> first.delay(policy, n, null)))
        .containsExactlyElementsOf(
            IntStream.range(2, 10).mapToObj(n -> again.delay(policy, n, null)).toList());
  }
}
