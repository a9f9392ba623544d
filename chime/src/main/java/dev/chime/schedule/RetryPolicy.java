package dev.chime.schedule;

import java.time.Duration;

/**
 * How a failed attempt is retried: up to {@code maxAttempts} attempts in all, waiting an
 * exponentially growing delay between {@code minBackoff} and {@code maxBackoff}, with full jitter.
 */
public record RetryPolicy(int maxAttempts, Duration minBackoff, Duration maxBackoff) {
  // Declared before DEFAULT: static fields initialise in order, and DEFAULT's checks read them.
  static final int MAX_ATTEMPTS = 20;
  static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60));

  public RetryPolicy {
    Checks checks = new Checks();
    checks.range("retry.maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
    checks.duration("retry.minBackoffMs", minBackoff, Duration.ofMillis(10), LONGEST_BACKOFF);
    checks.duration("retry.maxBackoffMs", maxBackoff, Duration.ofMillis(10), LONGEST_BACKOFF);
    if (minBackoff != null && maxBackoff != null && maxBackoff.compareTo(minBackoff) < 0) {
      checks.add("retry.maxBackoffMs", "must be at least retry.minBackoffMs ("
          + minBackoff.toMillis() + ")");
    }
    checks.throwIfAny();
  }

  /**
   * The longest wait before attempt {@code next} (2, 3, …): {@code minBackoff × 2^(next-2)},
   * capped at {@code maxBackoff}. The actual wait is drawn uniformly from zero to this (full
   * jitter), so that many failing schedules do not retry in step.
   */
  public Duration ceiling(int next) {
    int doublings = Math.min(Math.max(0, next - 2), 30);
    long millis = minBackoff.toMillis() << doublings;
    return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
  }
}
