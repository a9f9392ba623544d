package dev.chime.store;

import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import java.time.Instant;

/**
 * A schedule with what the store keeps beside its definition.
 *
 * @param nextFireAt the next fire to claim; null when the timing has no more fires (a year
 *     field that ran out)
 * @param lastFireAt the fire instant of the latest run, or null
 * @param lastStatus the status of the latest run, or null
 * @param version increases with every change to the definition, for optimistic updates
 */
public record StoredSchedule(
    Schedule schedule,
    Instant nextFireAt,
    Instant lastFireAt,
    RunStatus lastStatus,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
