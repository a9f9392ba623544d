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
 * @param longestSleep the periodic check: the loop looks for due work at least this often even
 *     when nothing woke it, a safety net under the wake-ups (a change in this process, or a
 *     change notification from another replica); leases in flight are renewed every third of
 *     {@code lease} whatever this is
 */
public record SchedulerConfig(
    String owner, Duration grace, int batchSize, Duration lease, Duration longestSleep) {

  public static SchedulerConfig defaults(String owner) {
    return new SchedulerConfig(
        owner, Duration.ofSeconds(60), 200, Duration.ofSeconds(60), Duration.ofSeconds(10));
  }
}
