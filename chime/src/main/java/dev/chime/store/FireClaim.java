package dev.chime.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What one claim of due fires asks for (see {@link RunStore#claimDueFires(FireClaim,
 * FirePlanner)}).
 *
 * @param now the claimer's clock: runs are created at it, and fires are late or missed by it
 * @param horizon fires due up to this instant are claimed: {@code now}, or a little later when
 *     the scheduler claims ahead (its lookahead) to send each fire at its exact instant
 * @param limit how many due schedules to claim at most
 * @param starts how many of the new pending runs to start in the same transaction: each becomes
 *     {@code running}, its first attempt counted, under a lease of {@code owner} for {@code
 *     lease}; the others stay pending for {@link RunStore#claimAttempts}
 * @param owner the lease's owner; null when {@code starts} is 0
 * @param lease how long the lease holds; null when {@code starts} is 0
 */
public record FireClaim(
    Instant now, Instant horizon, int limit, int starts, String owner, Duration lease) {

  public FireClaim {
    if (now == null || horizon == null || horizon.isBefore(now)) {
      throw new IllegalArgumentException(
          "now and a horizon not before it are required, were " + now + " and " + horizon);
    }
    if (starts < 0) {
      throw new IllegalArgumentException("starts must not be negative, was " + starts);
    }
    if (starts > 0 && (owner == null || lease == null || lease.isNegative() || lease.isZero())) {
      throw new IllegalArgumentException("starting runs needs an owner and a positive lease");
    }
  }

  /** The fires due at {@code now}, made into pending runs, none started. */
  public static FireClaim dueAt(Instant now, int limit) {
    return new FireClaim(now, now, limit, 0, null, null);
  }
}
