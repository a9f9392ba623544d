package dev.chime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on loopback, port 0, that records every request before answering it the
 * way the test says. Handlers run on their own threads, so one may block on a latch while others
 * answer.
 */
public final class Receiver implements AutoCloseable {

  /** A request as it arrived. Header names are case-insensitive. */
  public record Request(String method, String path, Map<String, List<String>> headers,
      byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Answers a recorded request. */
  @FunctionalInterface
  public interface Handler {
    void answer(Request request, HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private volatile Handler handler = (request, exchange) -> reply(exchange, 200, "ok");

  private Receiver() throws IOException {
    // A deep accept queue: replicas open a hundred connections or more at once in a burst, and
    // a connection beyond the queue waits for a SYN retry (a second or more), or times out.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public static Receiver start() {
    try {
      return new Receiver();
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback", e);
    }
  }

  /** How the following requests are answered. */
  public Receiver answering(Handler handler) {
    this.handler = handler;
    return this;
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The next request to arrive; fails the test when none comes within five seconds. */
  public Request next() throws InterruptedException {
    return next(Duration.ofSeconds(5));
  }

  /** The next request to arrive; fails the test when none comes within {@code timeout}. */
  public Request next(Duration timeout) throws InterruptedException {
    Request request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived within " + timeout);
    }
    return request;
  }

  /** Requests that arrived and were not taken yet. */
  public List<Request> pending() {
    return List.copyOf(requests);
  }

  /** Writes a whole response with a Content-Length. */
  public static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
      Request request = new Request(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), headers,
          exchange.getRequestBody().readAllBytes());
      requests.add(request);
      handler.answer(request, exchange);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("handler failed", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
