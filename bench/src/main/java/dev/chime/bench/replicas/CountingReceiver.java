package dev.chime.bench.replicas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services the replicas call, on loopback: answers 200 at once (one virtual thread per
 * request) and counts requests by run id, so that a run delivered twice shows, with the
 * arrival of the last request in simulated time.
 */
final class CountingReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final InstantSource clock;
  private final Map<String, AtomicInteger> byRun = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);

  CountingReceiver(InstantSource clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Forgets what was counted: the next measurement starts. */
  void reset() {
    byRun.clear();
    requests.set(0);
    lastArrival.set(Long.MIN_VALUE);
  }

  int requests() {
    return requests.get();
  }

  int distinctRuns() {
    return byRun.size();
  }

  /** Requests beyond the first of each run id: deliveries a receiver had to deduplicate. */
  int duplicates() {
    return requests.get() - byRun.size();
  }

  Instant lastArrival() {
    long nanos = lastArrival.get();
    return Instant.ofEpochSecond(0, nanos);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant now = clock.instant();
    String runId = exchange.getRequestHeaders().getFirst("X-Chime-Run-Id");
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
      exchange.sendResponseHeaders(200, -1);
    }
    if (runId != null) {
      byRun.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
    }
    requests.incrementAndGet();
    lastArrival.accumulateAndGet(now.getEpochSecond() * 1_000_000_000L + now.getNano(),
        Math::max);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
