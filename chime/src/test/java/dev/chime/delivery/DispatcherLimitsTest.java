package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests in flight stay within the global and per-namespace caps; the rest queue. */
class DispatcherLimitsTest {
  private final FakeClock clock = FakeClock.at("2026-01-15T07:00:00Z");
  private final Receiver receiver = Receiver.start();
  private final Semaphore gate = new Semaphore(0);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Map<String, AtomicInteger> perNamespace = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostPerNamespace = new ConcurrentHashMap<>();
  private Dispatcher dispatcher =
      new Dispatcher(new DeliveryConfig(2, 1, AddressPolicy.standard()), clock,
          new LiveLogs(clock));

  @AfterEach
  void stop() {
    gate.release(1000);
    dispatcher.close();
    receiver.close();
  }

  /** The receiver counts what is in flight as it sees it, and answers when the gate opens. */
  private void blockUntilReleased() {
    receiver.answering((request, exchange) -> {
      String namespace = request.path().split("/")[1];
      AtomicInteger mine = perNamespace.computeIfAbsent(namespace, n -> new AtomicInteger());
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      mostPerNamespace.computeIfAbsent(namespace, n -> new AtomicInteger())
          .accumulateAndGet(mine.incrementAndGet(), Math::max);
      gate.acquire();
      mine.decrementAndGet();
      inFlight.decrementAndGet();
      Receiver.reply(exchange, 200, "done");
    });
  }

  private CompletableFuture<Delivered> send(String namespace, String runId) {
    Callback callback = Callbacks.withRun(
        Callbacks.to(receiver.url("/" + namespace + "/job")), namespace, runId);
    return dispatcher.send(callback).toCompletableFuture();
  }

  @Test
  void neverMoreInFlightThanTheCaps_andEveryQueuedCallbackCompletes() throws Exception {
    blockUntilReleased();
    assertThat(dispatcher.capacity()).isEqualTo(2);
    List<CompletableFuture<Delivered>> results = new ArrayList<>();
    for (String runId : List.of("a1", "a2", "a3", "b1", "b2", "b3")) {
      results.add(send(runId.substring(0, 1), runId));
    }

    // a2 waits behind a1 (one per namespace), but b1 does not wait behind a2.
    List<String> arrived = new ArrayList<>();
    arrived.add(receiver.next().header("X-Chime-Run-Id"));
    arrived.add(receiver.next().header("X-Chime-Run-Id"));
    assertThat(arrived).containsExactlyInAnyOrder("a1", "b1");
    assertThat(dispatcher.capacity()).isZero();
    assertThat(dispatcher.inFlight()).isEqualTo(2);

    // Open the gate one request at a time: each answer lets exactly one queued callback start.
    for (int i = 2; i < 6; i++) {
      gate.release();
      arrived.add(receiver.next().header("X-Chime-Run-Id"));
    }
    gate.release(2);
    for (CompletableFuture<Delivered> result : results) {
      assertThat(result.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(new Outcome.Succeeded());
    }

    assertThat(mostInFlight.get()).isEqualTo(2);
    assertThat(mostPerNamespace.get("a").get()).isEqualTo(1);
    assertThat(mostPerNamespace.get("b").get()).isEqualTo(1);
    assertThat(arrived.stream().filter(id -> id.startsWith("a")))
        .as("FIFO within a namespace").containsExactly("a1", "a2", "a3");
    assertThat(arrived.stream().filter(id -> id.startsWith("b")))
        .containsExactly("b1", "b2", "b3");
    assertThat(dispatcher.capacity()).isEqualTo(2);
    assertThat(dispatcher.inFlight()).isZero();
  }

  @Test
  void queuedCallback_startsLate_andItsAttemptSaysWhen() throws Exception {
    dispatcher.close();
    dispatcher = new Dispatcher(new DeliveryConfig(1, 1, AddressPolicy.standard()), clock,
        new LiveLogs(clock));
    blockUntilReleased();
    CompletableFuture<Delivered> first = send("a", "a1");
    CompletableFuture<Delivered> second = send("a", "a2");
    receiver.next();
    clock.advance(java.time.Duration.ofSeconds(3)); // a1 holds the only slot for 3 s
    gate.release(2);

    assertThat(first.get(5, TimeUnit.SECONDS).attempt().startedAt())
        .isEqualTo(java.time.Instant.parse("2026-01-15T07:00:00Z"));
    assertThat(second.get(5, TimeUnit.SECONDS).attempt().startedAt())
        .isEqualTo(java.time.Instant.parse("2026-01-15T07:00:03Z"));
  }

  @Test
  void close_endsQueuedAndInFlightCallbacksRetryable_withoutSendingTheQueued() throws Exception {
    blockUntilReleased();
    CompletableFuture<Delivered> running = send("a", "a1");
    CompletableFuture<Delivered> queued = send("a", "a2");
    receiver.next();

    dispatcher.close();

    assertThat(queued.get(5, TimeUnit.SECONDS).outcome()).isInstanceOf(Outcome.Retryable.class);
    assertThat(queued.get().attempt().error()).startsWith("not sent");
    assertThat(running.get(5, TimeUnit.SECONDS).outcome()).isInstanceOf(Outcome.Retryable.class);
    assertThat(send("a", "a3").get(5, TimeUnit.SECONDS).attempt().error())
        .startsWith("not sent");
    assertThat(receiver.pending()).isEmpty();
  }
}
