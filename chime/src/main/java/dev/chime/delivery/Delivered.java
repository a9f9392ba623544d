package dev.chime.delivery;

import dev.chime.schedule.Attempt;

/** An attempt as it is recorded, and what it means for the run. */
public record Delivered(Attempt attempt, Outcome outcome) {}
