package dev.chime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Scheduler#close()} lets attempts in flight finish: while it waits, their leases must
 * hold, or another replica would send the run again beside the attempt still in flight.
 */
class SchedulerDrainTest {
  private static final Duration LEASE = Duration.ofSeconds(3);

  private final FakeClock clock = FakeClock.at("2026-01-15T07:00:00Z");
  private final String url = "jdbc:h2:mem:drain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final Store store = JdbcStores.open(url, StoreConfig.defaults(clock));
  private final Dispatcher dispatcher = new Dispatcher(
      new DeliveryConfig(8, 8, AddressPolicy.standard()), clock, new LiveLogs(clock));
  private final Receiver receiver = Receiver.start();
  private final CountDownLatch answer = new CountDownLatch(1);

  @AfterEach
  void stop() {
    answer.countDown();
    dispatcher.close();
    receiver.close();
    store.close();
  }

  @Test
  void close_keepsRenewingTheLeasesOfAttemptsInFlight_whileItWaitsForThem() throws Exception {
    receiver.answering((request, exchange) -> {
      answer.await(10, TimeUnit.SECONDS);
      Receiver.reply(exchange, 200, "done");
    });
    Scheduler scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom(1)),
        clock, new SchedulerConfig("replica-a", Duration.ofMinutes(1), 10, LEASE,
            Duration.ofSeconds(1), Duration.ofMillis(250)),
        () -> UUID.randomUUID().toString());
    store.namespaces().create(new Namespace("team", receiver.url(""),
        Namespace.Environment.SANDBOX, Map.of()), "secret", "token-hash");
    scheduler.schedules().create(new Schedule("team", "held", TimingRule.cron("0 0 1 1 *"),
        "/jobs/held", ZoneOffset.UTC, null, "", true));
    Run run = scheduler.schedules().trigger("team", "held").orElseThrow();
    scheduler.runOnce();
    assertThat(receiver.next().header("X-Chime-Run-Id")).isEqualTo(run.id());

    Thread closing = Thread.ofPlatform().name("closing").start(scheduler::close);
    Instant afterTheLease = clock.advance(LEASE.plusSeconds(1));
    awaitLeaseBeyond(run.id(), afterTheLease);
    assertThat(store.runs().claimAttempts(afterTheLease, "replica-b", LEASE, 10))
        .as("another replica finds the run still held").isEmpty();

    answer.countDown();
    closing.join(Duration.ofSeconds(10));
    assertThat(closing.isAlive()).isFalse();
    Run finished = store.runs().find(run.id()).orElseThrow();
    assertThat(finished.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(finished.attempts()).isEqualTo(1);
    assertThat(receiver.pending()).isEmpty();
  }

  /** Waits (on the real clock, bounded) until the run's lease reaches past {@code instant}. */
  private void awaitLeaseBeyond(String runId, Instant instant) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Instant lease = null;
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement read =
            c.prepareStatement("SELECT lease_expires_at FROM runs WHERE id = ?")) {
      read.setString(1, runId);
      while (System.nanoTime() < deadline) {
        try (ResultSet row = read.executeQuery()) {
          assertThat(row.next()).isTrue();
          OffsetDateTime expires = row.getObject(1, OffsetDateTime.class);
          lease = expires == null ? null : expires.toInstant();
        }
        if (lease != null && lease.isAfter(instant)) {
          return;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
    throw new AssertionError("the lease of run " + runId + " ends at " + lease
        + ", not renewed past " + instant + " while close() waits for the attempt");
  }
}
