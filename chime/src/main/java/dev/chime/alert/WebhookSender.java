package dev.chime.alert;

import dev.chime.delivery.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one alert to a webhook, blocking the calling (virtual) thread: the host checked against
 * the address policy of callbacks, no proxy, redirects not followed, each request bounded by the
 * timeout, and a few retries when no answer or a 408, 429 or 5xx came back. Signed like a
 * callback ({@code X-Chime-Signature} over the run id and the body, with the namespace's
 * secret), so a receiver can check it with the same code.
 */
final class WebhookSender {
  static final String USER_AGENT = "Chime/0.1 (alerts)";

  /** How a delivery ended: sent, or why not. */
  record Result(boolean sent, String problem) {}

  private final AddressPolicy addresses;
  private final Duration timeout;
  private final List<Duration> retryDelays;
  private final InstantSource clock;
  private final HttpClient client;

  WebhookSender(AlertConfig config, InstantSource clock) {
    this.addresses = config.addresses();
    this.timeout = config.timeout();
    this.retryDelays = config.retryDelays();
    this.clock = clock;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .connectTimeout(timeout)
        .build();
  }

  Result send(URI webhook, byte[] body, String runId, String secret) throws InterruptedException {
    String problem = "";
    for (int attempt = 0; attempt <= retryDelays.size(); attempt++) {
      if (attempt > 0) {
        Thread.sleep(retryDelays.get(attempt - 1));
      }
      Optional<String> refused = refusal(webhook);
      if (refused.isPresent()) {
        return new Result(false, refused.get());
      }
      try {
        int status = client.send(request(webhook, body, runId, secret),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return new Result(true, "");
        }
        problem = "HTTP " + status;
        if (status != 408 && status != 429 && status / 100 != 5) {
          return new Result(false, problem);
        }
      } catch (IOException e) {
        problem = e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    return new Result(false, problem + " (after " + (retryDelays.size() + 1) + " tries)");
  }

  /** Why the webhook's host may not be called, checked by name and by its addresses. */
  private Optional<String> refusal(URI webhook) {
    String host = webhook.getHost();
    Optional<String> byName = addresses.refusal(host, List.of());
    if (byName.isPresent()) {
      return byName;
    }
    try {
      // The HTTP client resolves again; the JVM caches this answer, so it connects where checked.
      return addresses.refusal(host, List.of(InetAddress.getAllByName(host)));
    } catch (UnknownHostException e) {
      return Optional.of("could not resolve host " + host);
    }
  }

  private HttpRequest request(URI webhook, byte[] body, String runId, String secret) {
    HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("X-Chime-Event", "alert")
        .header("X-Chime-Run-Id", runId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      long t = clock.instant().getEpochSecond();
      request.header("X-Chime-Signature", "t=" + t + ",v1=" + hmac(secret, t, runId, body));
    }
    return request.build();
  }

  /** HMAC-SHA256 of {@code "<t>.<run id>.<body>"}, as callbacks are signed (SPEC §3). */
  private static String hmac(String secret, long t, String runId, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + "." + runId + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
