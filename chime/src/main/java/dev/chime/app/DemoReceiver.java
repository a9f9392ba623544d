package dev.chime.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chime.receiver.ChimeSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in receiver of {@code chime serve --demo}: a service on loopback that checks each
 * callback's signature the way a real service should, and shows what Chime does with answers.
 *
 * <ul>
 *   <li>{@code /ok} answers 200 at once.
 *   <li>{@code /flaky} answers 503 with {@code Retry-After: 2} to a first attempt, then 200.
 *   <li>{@code /report} streams a few lines of progress over a few seconds, to watch live.
 * </ul>
 */
final class DemoReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoReceiver.class);
  private static final int REPORT_LINES = 5;
  private static final long REPORT_PAUSE_MILLIS = 800;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private volatile String secret = "";

  DemoReceiver(InstantSource clock) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, clock));
    server.start();
  }

  /** The base URL the demo namespace points at. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The demo namespace's signing secret, for checking signatures. */
  void trust(String signingSecret) {
    this.secret = signingSecret;
  }

  private void handle(HttpExchange exchange, InstantSource clock) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String runId = exchange.getRequestHeaders().getFirst("X-Chime-Run-Id");
      var verdict = ChimeSignature.verify(
          exchange.getRequestHeaders().getFirst("X-Chime-Signature"), runId, body, secret, clock);
      if (verdict instanceof ChimeSignature.Rejected rejected) {
        LOG.warn("demo receiver refused a request: {}", rejected.message());
        respond(exchange, 401, "{\"error\":\"" + rejected.reason() + "\"}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String attempt = exchange.getRequestHeaders().getFirst("X-Chime-Attempt");
      switch (path) {
        case "/flaky" -> {
          if ("1".equals(attempt)) {
            exchange.getResponseHeaders().set("Retry-After", "2");
            respond(exchange, 503, "{\"error\":\"warming up, try again\"}");
          } else {
            respond(exchange, 200, "{\"ok\":true,\"attempt\":" + attempt + "}");
          }
        }
        case "/report" -> stream(exchange);
        default -> respond(exchange, 200, "{\"ok\":true,\"runId\":\"" + runId + "\"}");
      }
    }
  }

  private static void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, 0); // chunked
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 1; i <= REPORT_LINES; i++) {
        out.write(("step " + i + " of " + REPORT_LINES + " done\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        pause();
      }
      out.write("report ready\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The demo job "working": a real wait, so that the live log has something to show. */
  private static void pause() {
    try {
      Thread.sleep(REPORT_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
