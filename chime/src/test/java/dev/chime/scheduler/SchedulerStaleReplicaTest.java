package dev.chime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import dev.chime.testing.LogCapture;
import dev.chime.testing.Receiver;
import dev.chime.testing.TestDatabases;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL (issue 5), each with its own pool, on one simulated clock: a
 * replica that lost its lease while its attempt was in flight (paused, partitioned, slow) cannot
 * overwrite the run another replica took over; its late outcome is refused and logged.
 */
class SchedulerStaleReplicaTest {
  private static final String NS = "billing";

  private final FakeClock clock = FakeClock.at("2026-03-07T09:00:00Z");
  private final Receiver receiver = Receiver.start();
  private final CountDownLatch releaseAttempt1 = new CountDownLatch(1);
  private final List<AutoCloseable> opened = new ArrayList<>();
  private String database;
  private Store storeA;
  private Scheduler a;
  private Scheduler b;

  @BeforeAll
  static void serverAnswers() {
    TestDatabases.requireServer("SchedulerStaleReplicaTest");
  }

  @BeforeEach
  void start() {
    database = TestDatabases.create();
    storeA = store();
    a = replica(storeA, "replica-a");
    b = replica(store(), "replica-b");
    storeA.namespaces().create(new Namespace(NS, receiver.url(""),
        Namespace.Environment.PRODUCTION, Map.of()), "chsec_secret", "token-hash");
    a.schedules().create(new Schedule(NS, "nightly", TimingRule.cron("0 2 * * *"),
        "/internal/cron/nightly", ZoneId.of("UTC"), Delivery.DEFAULTS, "", true));
  }

  @AfterEach
  void stop() throws Exception {
    releaseAttempt1.countDown();
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
    receiver.close();
    TestDatabases.drop(database);
  }

  @Test
  void aReplicaThatLostItsLease_cannotRecordItsLateOutcome_andSaysSo() throws Exception {
    receiver.answering((request, exchange) -> {
      if ("1".equals(request.header("X-Chime-Attempt"))) {
        releaseAttempt1.await(10, TimeUnit.SECONDS);
        Receiver.reply(exchange, 500, "late answer to attempt 1");
      } else {
        Receiver.reply(exchange, 200, "attempt 2 done");
      }
    });
    Run triggered = a.schedules().trigger(NS, "nightly").orElseThrow();
    a.runOnce();
    Receiver.Request attempt1 = receiver.next();
    assertThat(attempt1.header("X-Chime-Attempt")).isEqualTo("1");

    // Replica A stalls past its lease (60 s) without a heartbeat; B takes the run over.
    clock.advance(Duration.ofSeconds(61));
    b.runOnce();
    Receiver.Request attempt2 = receiver.next();
    assertThat(attempt2.header("X-Chime-Attempt")).isEqualTo("2");
    assertThat(attempt2.header("X-Chime-Run-Id")).isEqualTo(attempt1.header("X-Chime-Run-Id"))
        .isEqualTo(triggered.id());
    assertThat(b.awaitIdle(Duration.ofSeconds(10))).isTrue();

    try (LogCapture log = LogCapture.of(Scheduler.class)) {
      releaseAttempt1.countDown();
      assertThat(a.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(log.lines()).singleElement().asString().isEqualTo("WARN run " + triggered.id()
          + " was taken over by another claim after this process's lease on it ran out; the"
          + " outcome of attempt 1 is not recorded (the run is the new claim's)");
    }

    Run run = storeA.runs().find(triggered.id()).orElseThrow();
    assertThat(run.status()).as("B's outcome stands, not A's late 500").isEqualTo(
        RunStatus.SUCCEEDED);
    assertThat(run.attempts()).isEqualTo(2);
    assertThat(storeA.runs().attempts(triggered.id())).extracting(Attempt::number,
        Attempt::statusCode).containsExactly(tuple(2, 200));
  }

  private Store store() {
    StoreConfig config = new StoreConfig(clock, 2, Duration.ofSeconds(5));
    Store store = JdbcStores.open(TestDatabases.urlOf(database), config);
    opened.add(store);
    return store;
  }

  private Scheduler replica(Store store, String owner) {
    Dispatcher dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, clock, new LiveLogs(clock));
    Scheduler scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom(1)),
        clock, SchedulerConfig.defaults(owner), () -> UUID.randomUUID().toString());
    opened.add(dispatcher);
    opened.add(scheduler);
    return scheduler;
  }
}
