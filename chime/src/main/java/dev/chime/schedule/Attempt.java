package dev.chime.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP request of a run (SPEC §1).
 *
 * @param number 1, 2, …
 * @param statusCode the response's status, or 0 when none arrived
 * @param error why no usable response arrived (timeout, refused connection, …); empty otherwise
 * @param responseExcerpt the first 64 KiB of the response body
 */
public record Attempt(
    String runId,
    int number,
    Instant startedAt,
    Duration duration,
    int statusCode,
    String error,
    String responseExcerpt) {

  public static final int EXCERPT_BYTES = 64 * 1024;

  public Attempt {
    error = error == null ? "" : error;
    responseExcerpt = responseExcerpt == null ? "" : responseExcerpt;
  }
}
