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
 */
public record SchedulerConfig(
    String owner, Duration grace, int batchSize, Duration lease, Duration longestSleep) {

  public static SchedulerConfig defaults(String owner) {
    return new SchedulerConfig(
        owner, Duration.ofSeconds(60), 200, Duration.ofSeconds(60), Duration.ofSeconds(10));
  }
}
