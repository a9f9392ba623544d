package dev.chime.delivery;

import dev.chime.schedule.Attempt;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends callbacks (SPEC §3) over the JDK's HTTP client: redirects never followed, no proxy, one
 * timeout per attempt covering connect and the whole response.
 *
 * <p>Limits: at most {@link DeliveryConfig#maxInFlight()} requests are in flight at once, and at
 * most {@link DeliveryConfig#maxInFlightPerNamespace()} for one namespace. A callback beyond them
 * waits in its namespace's FIFO queue; namespaces take turns when room frees. Queueing is not
 * bounded here: the scheduler asks {@link #roomWithRoundAhead()} before claiming more work. A queued
 * callback's {@link Attempt#startedAt()} is when it really started, so lateness shows.
 *
 * <p>Thread-safe. {@link #send} never blocks and never throws for a well-formed callback: every
 * failure, including an address the {@link AddressPolicy} refuses, is an {@link Outcome}.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private record Pending(Callback callback, CompletableFuture<Delivered> result) {}

  private final DeliveryConfig config;
  private final InstantSource clock;
  private final LiveLogs logs;
  private final HttpClient client;
  // Virtual threads: resolving a host name blocks, and thousands may wait on slow DNS at once.
  private final ExecutorService resolver = Executors.newVirtualThreadPerTaskExecutor();
  private final Admission<Pending> admission;
  private volatile boolean closed;

  public Dispatcher(DeliveryConfig config, InstantSource clock, LiveLogs logs) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logs = Objects.requireNonNull(logs, "logs");
    this.admission = new Admission<>(config.maxInFlight(), config.maxInFlightPerNamespace());
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        // A proxy would resolve and connect on its own, past the AddressPolicy.
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
  }

  /**
   * Sends the callback now, or when the limits leave room. The stage completes when the attempt
   * ends, however it ends; it never completes exceptionally.
   */
  public CompletionStage<Delivered> send(Callback callback) {
    Objects.requireNonNull(callback, "callback");
    Pending pending = new Pending(callback, new CompletableFuture<>());
    if (closed) {
      pending.result().complete(notSent(callback));
    } else {
      start(admission.offer(callback.namespace(), pending));
      if (closed) { // close() drained the queues before this callback joined them
        admission.drain().forEach(p -> p.result().complete(notSent(p.callback())));
      }
    }
    return pending.result().minimalCompletionStage();
  }

  /** How many more callbacks could start now without queueing. */
  public int capacity() {
    return closed ? 0 : admission.capacity();
  }

  /**
   * How many more callbacks to send so that, beside the requests in flight, a full round of
   * {@code maxInFlight} waits ready: when a request ends, the next callback starts at once, not
   * after the scheduler's next pass. (A burst otherwise made a scheduler pass per request.)
   */
  public int roomWithRoundAhead() {
    return closed ? 0 : admission.roomWithRoundAhead();
  }

  /** Requests in flight now. */
  public int inFlight() {
    return admission.inFlight();
  }

  /**
   * Stops at once: queued callbacks end {@link Outcome.Retryable} without being sent, and
   * requests in flight are aborted and end {@link Outcome.Retryable}; the receiver may have seen
   * them, and the run id lets it tell. Waits a few seconds for the aborts to settle.
   */
  @Override
  public void close() {
    closed = true;
    admission.drain().forEach(p -> p.result().complete(notSent(p.callback())));
    client.shutdownNow();
    resolver.shutdownNow();
    try {
      client.awaitTermination(CLOSE_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void start(List<Pending> ready) {
    for (Pending pending : ready) {
      Callback callback = pending.callback();
      new Exchange(callback, client, resolver, config.addresses(), clock, logs, () -> closed)
          .run()
          .whenComplete((delivered, error) -> {
            // Free the slot before telling the caller, so capacity() already counts it.
            List<Pending> next = admission.finished(callback.namespace());
            pending.result().complete(delivered != null ? delivered : broken(callback, error));
            start(next);
          });
    }
  }

  private Delivered notSent(Callback callback) {
    return unsent(callback, "not sent: Chime shut down before the callback could start");
  }

  // Exchange turns every failure into an outcome; this is the net under that promise.
  private Delivered broken(Callback callback, Throwable error) {
    return unsent(callback, "not sent: unexpected error " + error);
  }

  private Delivered unsent(Callback callback, String reason) {
    Attempt attempt = new Attempt(callback.runId(), callback.attempt(), clock.instant(),
        Duration.ZERO, 0, reason, "");
    return new Delivered(attempt, new Outcome.Retryable(reason, null));
  }
}
