package dev.chime.store;

import dev.chime.schedule.Run;
import java.time.Instant;

/**
 * A run claimed for its next attempt under a lease. {@code epoch} grows with every claim; an
 * update that carries an older epoch is refused, so a replica that lost its lease cannot
 * overwrite the run.
 *
 * @param run the run, with {@code attempts} already counting this attempt
 */
public record ClaimedRun(Run run, String owner, long epoch, Instant leaseExpiresAt) {
  public int attempt() {
    return run.attempts();
  }
}
