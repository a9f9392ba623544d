package dev.chime.schedule;

import java.time.Instant;

/**
 * The record of one fire being delivered (SPEC §1).
 *
 * @param id the run's id, sent as {@code X-Chime-Run-Id} on every attempt: the receiver's
 *     idempotency key
 * @param fireAt the fire instant (for a manual run, when it was asked for)
 * @param attempts how many attempts have started
 * @param reason why it was skipped, missed or failed; empty otherwise
 * @param nextAttemptAt when a pending run is due to be (re)tried
 * @param finishedAt when it reached a final status; null before
 */
public record Run(
    String id,
    String namespace,
    String schedule,
    Trigger trigger,
    Instant fireAt,
    RunStatus status,
    int attempts,
    String reason,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant finishedAt) {

  public Run {
    reason = reason == null ? "" : reason;
  }
}
