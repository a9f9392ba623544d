package dev.chime.store;

import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import java.time.Instant;
import java.util.Locale;

/**
 * A schedule with what the store keeps beside its definition.
 *
 * @param nextFireAt the next fire to claim; null when the timing has no more fires (a year
 *     field that ran out)
 * @param lastFireAt the fire instant of the latest run, or null
 * @param lastStatus the status of the latest run, or null
 * @param version increases with every change to the definition, for optimistic updates
 * @param source where the definition was last written from: apply with prune deletes only what
 *     a catalog file wrote
 */
public record StoredSchedule(
    Schedule schedule,
    Instant nextFireAt,
    Instant lastFireAt,
    RunStatus lastStatus,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Source source) {

  /** Who wrote a schedule last, as kubectl's last-applied annotation tells who manages it. */
  public enum Source {
    /** The REST API: create, replace (and the demo). */
    API,
    /** {@code apply} of a catalog-info.yaml. */
    CATALOG;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
