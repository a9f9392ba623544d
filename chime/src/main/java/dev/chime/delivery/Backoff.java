package dev.chime.delivery;

import dev.chime.schedule.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The wait before a retry: exponential with full jitter, so that many schedules failing against
 * the same receiver spread their retries out instead of returning in step. The random source is
 * injected so tests can seed it. Thread-safe.
 */
public final class Backoff {
  /** The longest wait a {@code Retry-After} can ask for; a longer one is probably a mistake. */
  public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  private final RandomGenerator random;

  public Backoff(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The wait before attempt {@code nextAttempt} (2, 3, …): uniform in [0, {@code
   * policy.ceiling(nextAttempt)}], and at least {@code retryAfter} when given (capped at {@link
   * #LONGEST_RETRY_AFTER}).
   */
  public Duration delay(RetryPolicy policy, int nextAttempt, Duration retryAfter) {
    long ceiling = policy.ceiling(nextAttempt).toMillis();
    Duration jittered = Duration.ofMillis(draw(ceiling));
    if (retryAfter == null || retryAfter.isNegative()) {
      return jittered;
    }
    Duration asked = retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER
        : retryAfter;
    return asked.compareTo(jittered) > 0 ? asked : jittered;
  }

  // Most RandomGenerators are not thread-safe; the scheduler may ask from several threads.
  private synchronized long draw(long ceilingMillis) {
    return ceilingMillis <= 0 ? 0 : random.nextLong(ceilingMillis + 1);
  }
}
