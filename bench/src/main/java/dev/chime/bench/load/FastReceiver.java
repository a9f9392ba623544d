package dev.chime.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver on loopback that answers 200 with no body at once: the JDK's {@code HttpServer},
 * one virtual thread per request. It notes when each request arrived (on the harness's clock, as
 * soon as its headers are read) and how late that was after its {@code X-Fired-At}.
 */
final class FastReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final InstantSource clock;
  private final AtomicInteger received = new AtomicInteger();
  private volatile Round round = new Round(0);

  FastReceiver(InstantSource clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Starts counting afresh: the next {@code expected} requests make the new round. */
  Round expect(int expected) {
    Round next = new Round(expected);
    round = next;
    return next;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = epochNanos(clock.instant());
    String firedAt = exchange.getRequestHeaders().getFirst("X-Fired-At");
    String runId = exchange.getRequestHeaders().getFirst("X-Chime-Run-Id");
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
      exchange.sendResponseHeaders(200, -1);
    }
    received.incrementAndGet();
    round.record(arrived, firedAt, runId);
  }

  /** Requests received since the start, in every round. */
  int received() {
    return received.get();
  }

  static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The requests of one measurement. */
  static final class Round {
    private final long[] lateness;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    private final CountDownLatch done;
    private volatile String lastRunId;
    private volatile long lastFiredAt;

    Round(int expected) {
      lateness = new long[expected];
      done = new CountDownLatch(expected);
    }

    void record(long arrived, String firedAt, String runId) {
      int index = count.getAndIncrement();
      first.accumulateAndGet(arrived, Math::min);
      last.accumulateAndGet(arrived, Math::max);
      lastRunId = runId;
      if (firedAt != null) {
        try {
          long fired = epochNanos(Instant.parse(firedAt));
          lastFiredAt = fired;
          if (index < lateness.length) {
            lateness[index] = arrived - fired;
          }
        } catch (DateTimeParseException e) {
          // not a callback the harness made; counted, not timed
        }
      }
      done.countDown();
    }

    /** Waits for every expected request; false when the timeout passed first. */
    boolean await(Duration timeout) throws InterruptedException {
      return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    int count() {
      return count.get();
    }

    long firstArrival() {
      return first.get();
    }

    long lastArrival() {
      return last.get();
    }

    String lastRunId() {
      return lastRunId;
    }

    long lastFiredAt() {
      return lastFiredAt;
    }

    /** Receive time minus {@code X-Fired-At} of each request so far. */
    Stats lateness() {
      return Stats.of(lateness, Math.min(count.get(), lateness.length));
    }
  }
}
