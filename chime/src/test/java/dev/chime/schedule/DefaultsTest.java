package dev.chime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.cron.DstGap;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The defaults of SPEC §3, which a schedule without delivery options gets. */
class DefaultsTest {

  @Test
  void aScheduleWithoutDeliveryOptions_getsTheSpecDefaults() {
    Schedule schedule = new Schedule("billing", "sync", TimingRule.cron("0 2 * * *"),
        "/internal/cron/sync", null, null, null, false);

    Delivery delivery = schedule.delivery();
    assertThat(schedule.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(delivery.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(delivery.retry()).isEqualTo(
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    assertThat(delivery.concurrency()).isEqualTo(Delivery.Concurrency.ALLOW);
    assertThat(delivery.catchup()).isEqualTo(Delivery.Catchup.LATEST);
    assertThat(delivery.completion()).isEqualTo(Delivery.Completion.RESPONSE);
    assertThat(delivery.completionDeadline()).isEqualTo(Duration.ofMinutes(5));
    assertThat(delivery.dstGap()).isEqualTo(DstGap.SHIFT);
    assertThat(delivery.chain()).isEmpty();
  }
}
