package dev.chime.delivery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** What a response means for the run (SPEC §3): the status decides, not the body. */
final class Verdict {
  private Verdict() {}

  static Outcome of(HttpResponse<?> response, Callback callback, Instant now) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return status == 202 && callback.awaitsCompletion() ? new Outcome.Accepted()
          : new Outcome.Succeeded();
    }
    if (status / 100 == 3) {
      String location = response.headers().firstValue("Location").orElse("(no Location header)");
      return new Outcome.Failed("HTTP " + status + ": redirect to " + location
          + " not followed; point the namespace's baseUrl or the endpoint at the final URL");
    }
    if (status == 408 || status == 429 || status / 100 == 5) {
      Duration retryAfter = status == 429 || status == 503
          ? response.headers().firstValue("Retry-After").map(v -> retryAfter(v, now)).orElse(null)
          : null;
      return new Outcome.Retryable("HTTP " + status, retryAfter);
    }
    return new Outcome.Failed("HTTP " + status);
  }

  /**
   * {@code Retry-After} as a wait: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), a date in
   * the past meaning now. Null when it is neither, so a garbled header is ignored.
   */
  static Duration retryAfter(String value, Instant now) {
    String text = value.strip();
    if (text.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
