package dev.chime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults load and hold the values SPEC §3 names. */
class DefaultsTest {

  @Test
  void deliveryDefaults_areThoseOfSpec3() {
    assertThat(Delivery.DEFAULTS.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Delivery.DEFAULTS.retry()).isEqualTo(
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    assertThat(Delivery.DEFAULTS.completionDeadline()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void retryCeiling_doublesFromMinBackoff_upToMaxBackoff() {
    assertThat(RetryPolicy.DEFAULT.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryPolicy.DEFAULT.ceiling(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryPolicy.DEFAULT.ceiling(9)).isEqualTo(Duration.ofSeconds(60));
  }
}
