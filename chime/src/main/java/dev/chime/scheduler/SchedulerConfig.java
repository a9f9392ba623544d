package dev.chime.scheduler;

import java.time.Duration;

/**
 * The scheduler's settings.
 *
 * @param owner this process's name on the leases it takes
 * @param grace how late a fire may be claimed and still count as on time; later fires were
 *     missed while Chime was down and follow the schedule's catch-up policy
 * @param batchSize how many due schedules, or runs to attempt, one transaction claims
 * @param lease how long a claimed attempt is held without a heartbeat before another replica
 *     may take it over
 * @param longestSleep the loop wakes at least this often, to renew leases and notice work
 *     another replica scheduled; at most a third of {@code lease}, since leases are renewed a
 *     third of a lease apart
 * @param lookahead how long before its instant a fire may be claimed (its run inserted and its
 *     first attempt leased), so that the claim's database work is done when the instant comes
 *     and the fire leaves exactly then; zero claims fires only once due
 */
public record SchedulerConfig(
    String owner, Duration grace, int batchSize, Duration lease, Duration longestSleep,
    Duration lookahead) {

  public SchedulerConfig {
    if (lookahead == null || lookahead.isNegative() || lookahead.compareTo(grace) > 0) {
      throw new IllegalArgumentException(
          "lookahead must be between zero and the grace period, was " + lookahead);
    }
  }

  public static SchedulerConfig defaults(String owner) {
    return new SchedulerConfig(owner, Duration.ofSeconds(60), 200, Duration.ofSeconds(60),
        Duration.ofSeconds(10), Duration.ofMillis(250));
  }
}
