package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.RunStatus;
import dev.chime.testing.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two schedulers on one store, passing at the same instants: every fire is sent once (SPEC §4). */
class SchedulerReplicasTest {
  @TempDir Path folder;
  private SchedulerFixture f;
  private Dispatcher otherDispatcher;
  private Scheduler other;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:59:30Z");
    otherDispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, f.clock, new LiveLogs(f.clock));
    other = new Scheduler(f.store, otherDispatcher, new Backoff(new SplittableRandom(7)), f.clock,
        SchedulerConfig.defaults("replica-b"), () -> UUID.randomUUID().toString());
  }

  @AfterEach
  void stop() {
    other.close();
    otherDispatcher.close();
    threads.shutdownNow();
    f.close();
  }

  @Test
  void twoReplicasPassingTogether_sendEachFireOnce() throws Exception {
    for (int i = 0; i < 5; i++) {
      f.put(schedule("job-" + i, "* * * * *"));
    }
    CyclicBarrier together = new CyclicBarrier(2);
    for (int minute = 0; minute < 10; minute++) {
      f.clock.set(Instant.parse("2026-03-07T09:00:00Z").plus(Duration.ofMinutes(minute)));
      List<CompletableFuture<Instant>> passes = new ArrayList<>();
      for (Scheduler replica : List.of(f.scheduler, other)) {
        passes.add(CompletableFuture.supplyAsync(() -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return replica.runOnce();
        }, threads));
      }
      CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).join();
      assertThat(f.scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(other.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    List<String> received = new ArrayList<>();
    for (Receiver.Request r : f.receiver.pending()) {
      received.add(r.header("X-Schedule-Name") + " " + r.header("X-Fired-At"));
    }
    assertThat(received).hasSize(50).doesNotHaveDuplicates();
    for (int i = 0; i < 5; i++) {
      assertThat(f.runs("job-" + i)).hasSize(10)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED))
          .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
    }
  }
}
