package dev.chime.scheduler;

import dev.chime.store.ClaimedRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Fires claimed ahead of their instant, each held until that instant comes and then sent: the
 * claim's database work is done before the fire is due, so it adds nothing to its lateness, and
 * nothing leaves early.
 *
 * <p>A schedule may change (be paused, edited or deleted) between the claim and the instant. Each
 * change marks the fires of that schedule held here, and those of it that the claim in progress
 * will hold, so that the scheduler reads the schedule again before sending them. Changes made
 * through another replica are not seen here; such a change reaches a fire claimed ahead only if
 * it comes before the claim (at most the lookahead before the fire instant).
 *
 * <p>Thread-safe: the scheduler holds and takes departures, changes arrive on API threads.
 */
final class Departures {
  /**
   * A fire to send at {@code at}, to the target read when it was claimed.
   *
   * @param changed its schedule changed after it was claimed: read it again before sending
   */
  record Departure(ClaimedRun claim, CallbackFactory.Target target, Instant at,
      boolean changed) {
    String scheduleKey() {
      return key(claim.run().namespace(), claim.run().schedule());
    }
  }

  private final PriorityQueue<Departure> waiting = new PriorityQueue<>(
      Comparator.comparing(Departure::at).thenComparing(d -> d.claim().run().id()));
  // Schedules changed since the current (or the last) claim began.
  private final Set<String> changedSinceClaim = new HashSet<>();

  /** A claim begins: changes from now on may concern the fires it will hold. */
  synchronized void claiming() {
    changedSinceClaim.clear();
  }

  /** Holds a claimed fire until {@code at}. */
  synchronized void hold(ClaimedRun claim, CallbackFactory.Target target, Instant at) {
    Departure departure = new Departure(claim, target, at, false);
    waiting.add(changedSinceClaim.contains(departure.scheduleKey())
        ? marked(departure) : departure);
  }

  /** A schedule changed: its fires held here are to be checked again before they leave. */
  synchronized void changed(String namespace, String schedule) {
    String key = key(namespace, schedule);
    changedSinceClaim.add(key);
    List<Departure> affected = waiting.stream()
        .filter(d -> !d.changed() && d.scheduleKey().equals(key)).toList();
    waiting.removeAll(affected);
    affected.forEach(d -> waiting.add(marked(d)));
  }

  /** Takes the departures whose instant has come, earliest first. */
  synchronized List<Departure> due(Instant now) {
    List<Departure> due = new ArrayList<>();
    while (!waiting.isEmpty() && !waiting.peek().at().isAfter(now)) {
      due.add(waiting.poll());
    }
    return due;
  }

  /** When the next departure is due, if one is held. */
  synchronized Optional<Instant> earliest() {
    return Optional.ofNullable(waiting.peek()).map(Departure::at);
  }

  synchronized int size() {
    return waiting.size();
  }

  /** The claims held, whose leases the scheduler renews. */
  synchronized List<ClaimedRun> claims() {
    return waiting.stream().map(Departure::claim).toList();
  }

  /** Takes every departure, for a shutdown. */
  synchronized List<Departure> drain() {
    List<Departure> all = new ArrayList<>(waiting);
    waiting.clear();
    return all;
  }

  private static Departure marked(Departure d) {
    return new Departure(d.claim(), d.target(), d.at(), true);
  }

  private static String key(String namespace, String schedule) {
    return namespace + "/" + schedule;
  }
}
