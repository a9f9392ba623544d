package dev.chime.delivery;

import java.time.Duration;

/**
 * How an attempt ended (SPEC §3). "A response arrived" is not "the call succeeded": a 500 is a
 * response and a {@link Retryable} outcome.
 */
public sealed interface Outcome {

  /** A 2xx response, read to its end within the timeout (a 202 too, unless awaiting completion). */
  record Succeeded() implements Outcome {}

  /** A 202 to a schedule with {@code completion: callback}: the run stays running. */
  record Accepted() implements Outcome {}

  /**
   * Worth another attempt: a connection error, a timeout, 408, 429 or 5xx.
   *
   * @param retryAfter what the receiver asked for with {@code Retry-After} (429 and 503), or null
   */
  record Retryable(String reason, Duration retryAfter) implements Outcome {}

  /** Not worth another attempt: another 4xx, a redirect, or an address Chime may not call. */
  record Failed(String reason) implements Outcome {}
}
