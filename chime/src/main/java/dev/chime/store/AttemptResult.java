package dev.chime.store;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.RunStatus;
import java.time.Instant;

/**
 * What an attempt did to its run.
 *
 * @param attempt the attempt to record
 * @param status the run's new status: {@code PENDING} to retry at {@code nextAttemptAt},
 *     {@code RUNNING} to await a completion callback until {@code nextAttemptAt}, or final
 * @param reason why it failed; empty otherwise
 */
public record AttemptResult(Attempt attempt, RunStatus status, Instant nextAttemptAt,
    String reason) {}
