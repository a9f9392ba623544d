package dev.chime.app;

import java.time.InstantSource;
import java.util.function.UnaryOperator;

/**
 * Where {@code chime serve} reads the time: one clock for everything (due fires, leases,
 * deadlines, backoff, the instants it stamps and sends).
 *
 * <p>On a shared PostgreSQL, {@code local} is corrected by the database's offset, so replicas on
 * machines whose clocks disagree still agree on the time; on the embedded database it is used as
 * it is. Then {@code view} is applied: the identity in production. Tests that run several
 * replicas on simulated time pass a view that shifts the corrected time, the same for every
 * replica, so that the replicas still agree with each other and with the database.
 *
 * @param local this machine's clock
 * @param view what Chime runs on, given the (corrected) local clock
 */
public record ServeClock(InstantSource local, UnaryOperator<InstantSource> view) {

  /** Production: the local clock, corrected on a shared database, and nothing else. */
  public static ServeClock of(InstantSource local) {
    return new ServeClock(local, UnaryOperator.identity());
  }
}
