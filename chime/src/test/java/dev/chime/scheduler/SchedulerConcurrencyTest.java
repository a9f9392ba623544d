package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Delivery;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concurrency} (SPEC §3): under {@code forbid} a fire while the previous run is in flight
 * is recorded skipped; under {@code allow} it is delivered alongside. The first run is held in
 * flight by a receiver that blocks on a latch.
 */
class SchedulerConcurrencyTest {
  @TempDir Path folder;
  private SchedulerFixture f;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:59:30Z");
    // The 09:00 fire is held until the test releases it; every other answers at once.
    f.receiver.answering((request, exchange) -> {
      if (request.header("X-Fired-At").equals("2026-03-07T09:00:00.000Z")) {
        release.await(10, TimeUnit.SECONDS);
      }
      Receiver.reply(exchange, 200, "ok");
    });
  }

  @AfterEach
  void stop() {
    release.countDown();
    f.close();
  }

  @Test
  void forbid_recordsAnOverlappingFireSkipped_whileThePreviousRunIsInFlight() throws Exception {
    f.put(schedule("export", "* * * * *",
        options().concurrency(Delivery.Concurrency.FORBID).build()));

    f.clock.set(Instant.parse("2026-03-07T09:00:00Z"));
    f.scheduler.runOnce();
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");

    f.clock.set(Instant.parse("2026-03-07T09:01:00Z"));
    f.scheduler.runOnce(); // 09:00 still in flight
    assertThat(f.runs("export")).extracting(r -> r.fireAt() + " " + r.status().id())
        .containsExactly("2026-03-07T09:00:00Z running", "2026-03-07T09:01:00Z skipped");

    release.countDown();
    assertThat(f.scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
    f.stepAt("2026-03-07T09:02:00Z"); // nothing in flight: delivered again
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:02:00.000Z");
    f.assertNothingSent();

    assertThat(f.runs("export")).extracting(r -> r.fireAt() + " " + r.status().id())
        .containsExactly(
            "2026-03-07T09:00:00Z succeeded",
            "2026-03-07T09:01:00Z skipped",
            "2026-03-07T09:02:00Z succeeded");
    assertThat(f.runs("export").get(1).reason())
        .startsWith("overlap")
        .contains("concurrency: forbid");
    assertThat(f.runs("export").get(1).attempts()).isZero();
  }

  @Test
  void allow_deliversAnOverlappingFire_whileThePreviousRunIsInFlight() throws Exception {
    f.put(schedule("export", "* * * * *",
        options().concurrency(Delivery.Concurrency.ALLOW).build()));

    f.clock.set(Instant.parse("2026-03-07T09:00:00Z"));
    f.scheduler.runOnce();
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");

    f.clock.set(Instant.parse("2026-03-07T09:01:00Z"));
    f.scheduler.runOnce();
    // Arrives while the 09:00 request is still held.
    assertThat(f.next().header("X-Fired-At")).isEqualTo("2026-03-07T09:01:00.000Z");
    assertThat(release.getCount()).isOne();

    release.countDown();
    assertThat(f.scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(f.runs("export")).extracting(r -> r.fireAt() + " " + r.status().id())
        .containsExactly("2026-03-07T09:00:00Z succeeded", "2026-03-07T09:01:00Z succeeded");
  }
}
