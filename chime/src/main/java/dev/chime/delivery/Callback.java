package dev.chime.delivery;

import dev.chime.schedule.Trigger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt to send (SPEC §3). Its secret and the values of its static headers are secrets:
 * {@link #toString()} shows neither.
 *
 * @param url the namespace's base URL followed by the schedule's endpoint; see {@link #url(URI,
 *     String)}
 * @param expression the value of {@code X-Cron-Expression}: the cron as declared, or {@code
 *     @every 2h}
 * @param firedAt the fire instant (not the send time); sent with millisecond precision
 * @param attempt 1, 2, …
 * @param payload raw JSON text sent as the body's {@code payload}, or null
 * @param headers the namespace's static headers, sent with every callback
 * @param secret the namespace's signing secret
 * @param timeout covers the whole attempt: resolving, connecting and reading the whole response
 * @param awaitsCompletion the schedule has {@code completion: callback}: a 202 leaves the run
 *     running
 */
public record Callback(
    String namespace,
    URI url,
    String schedule,
    String expression,
    Instant firedAt,
    String runId,
    int attempt,
    Trigger trigger,
    String payload,
    Map<String, String> headers,
    String secret,
    Duration timeout,
    boolean awaitsCompletion) {

  public Callback {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(timeout, "timeout");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a callback needs its namespace's signing secret");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /**
   * The URL a schedule's callbacks go to: the base URL (as {@code Endpoints.checkBaseUrl} returns
   * it, without a trailing slash) followed by the endpoint path.
   */
  public static URI url(URI baseUrl, String endpoint) {
    return URI.create(baseUrl.toString() + endpoint);
  }

  /** Names the headers but never shows their values or the secret. */
  @Override
  public String toString() {
    return "Callback[namespace=" + namespace + ", url=" + url + ", schedule=" + schedule
        + ", expression=" + expression + ", firedAt=" + firedAt + ", runId=" + runId
        + ", attempt=" + attempt + ", trigger=" + trigger.id() + ", payload="
        + (payload == null ? "none" : payload.length() + " chars") + ", headers="
        + headers.keySet().stream().sorted().toList() + ", secret=(hidden), timeout=" + timeout
        + ", awaitsCompletion=" + awaitsCompletion + "]";
  }
}
