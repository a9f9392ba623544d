package dev.chime.delivery;

import dev.chime.schedule.Attempt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;

/**
 * One attempt: check the address, send, read the response as it streams, and say what it meant.
 * Its timeout covers all of it, from resolving the host to the last byte of the body. The
 * returned future never fails: every error becomes an {@link Outcome}.
 */
final class Exchange {
  /** What the attempt came to: the status (0 when no response arrived) and its meaning. */
  private record Ending(int status, Outcome outcome) {}

  private final Callback callback;
  private final HttpClient client;
  private final Executor resolver;
  private final AddressPolicy addresses;
  private final InstantSource clock;
  private final LiveLogs logs;
  private final BooleanSupplier closing;

  private volatile CompletableFuture<?> sending;
  private volatile ResponseBody body;
  private volatile int status;
  private volatile boolean over;

  Exchange(Callback callback, HttpClient client, Executor resolver, AddressPolicy addresses,
      InstantSource clock, LiveLogs logs, BooleanSupplier closing) {
    this.callback = callback;
    this.client = client;
    this.resolver = resolver;
    this.addresses = addresses;
    this.clock = clock;
    this.logs = logs;
    this.closing = closing;
  }

  CompletableFuture<Delivered> run() {
    Instant started = clock.instant();
    Excerpt excerpt = logs.open(callback.runId(), callback.attempt());
    CompletableFuture<Ending> work;
    try {
      work = CompletableFuture.supplyAsync(this::refusal, resolver)
          .thenCompose(refusal -> refusal
              .map(reason -> CompletableFuture.completedFuture(
                  new Ending(0, new Outcome.Failed(reason))))
              .orElseGet(() -> send(excerpt)));
    } catch (RuntimeException e) { // the resolver refused work: the dispatcher is closing
      work = CompletableFuture.failedFuture(e);
    }
    return work
        .orTimeout(callback.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle((ending, error) -> error == null ? ending : failure(unwrap(error)))
        .thenApply(ending -> {
          logs.finished(excerpt);
          String error = switch (ending.outcome()) {
            case Outcome.Succeeded s -> "";
            case Outcome.Accepted a -> "";
            case Outcome.Retryable r -> r.reason();
            case Outcome.Failed f -> f.reason();
          };
          Attempt attempt = new Attempt(callback.runId(), callback.attempt(), started,
              Duration.between(started, clock.instant()), ending.status(), error, excerpt.text());
          return new Delivered(attempt, ending.outcome());
        });
  }

  /** Why the host may not be called, checked before connecting; empty when it may. */
  private Optional<String> refusal() {
    String host = callback.url().getHost();
    if (host == null) {
      return Optional.of("the URL " + callback.url() + " has no host");
    }
    Optional<String> byName = addresses.refusal(host, List.of());
    if (byName.isPresent()) {
      return byName;
    }
    try {
      // The HTTP client resolves again, but the JVM caches this answer (30 s by default), so it
      // connects to an address checked here.
      return addresses.refusal(host, List.of(InetAddress.getAllByName(host)));
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
  }

  private CompletableFuture<Ending> send(Excerpt excerpt) {
    if (over) { // timed out while resolving: nothing may go out after the deadline
      return CompletableFuture.failedFuture(new TimeoutException());
    }
    HttpRequest request;
    try {
      request = CallbackRequest.build(callback, clock.instant());
    } catch (CallbackRequest.BadPayload | IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new Ending(0, new Outcome.Failed(e.getMessage())));
    }
    CompletableFuture<HttpResponse<ResponseBody>> response =
        client.sendAsync(request, info -> {
          status = info.statusCode();
          body = new ResponseBody(excerpt, info.statusCode() / 100 == 2);
          return body;
        });
    sending = response;
    if (over) {
      response.cancel(true);
    }
    return response.thenCompose(r -> r.body().done().thenApply(
        done -> new Ending(r.statusCode(), Verdict.of(r, callback, clock.instant()))));
  }

  /** Stops the exchange where it is: the timeout passed or the dispatcher is closing. */
  private void abort() {
    CompletableFuture<?> s = sending;
    if (s != null) {
      s.cancel(true);
    }
    ResponseBody b = body;
    if (b != null) {
      b.cancel();
    }
  }

  private Ending failure(Throwable error) {
    over = true;
    abort();
    int code = status;
    String during = code > 0 ? " while reading the response" : "";
    if (closing.getAsBoolean()) {
      return new Ending(code, new Outcome.Retryable("Chime shut down during the attempt", null));
    }
    String reason = switch (error) {
      case TimeoutException t -> "timed out after " + millis(callback.timeout()) + during;
      case HttpTimeoutException t -> "timed out after " + millis(callback.timeout()) + during;
      case UnknownHostException u -> "could not resolve host " + callback.url().getHost();
      case ConnectException c -> "could not connect to " + authority() + ": "
          + (c.getMessage() == null ? "connection refused" : c.getMessage());
      case SSLException s -> "TLS with " + authority() + " failed: " + s.getMessage();
      case CancellationException c -> "cancelled" + during;
      case IOException io -> "connection to " + authority() + " failed" + during + ": "
          + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
      default -> "unexpected error" + during + ": " + error;
    };
    return new Ending(code, new Outcome.Retryable(reason, null));
  }

  private String authority() {
    URI url = callback.url();
    int port = url.getPort() >= 0 ? url.getPort()
        : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return url.getHost() + ":" + port;
  }

  private static String millis(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
