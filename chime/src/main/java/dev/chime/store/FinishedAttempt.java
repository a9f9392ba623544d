package dev.chime.store;

/** An attempt that ended, to record under the claim that started it. */
public record FinishedAttempt(ClaimedRun claim, AttemptResult result) {}
