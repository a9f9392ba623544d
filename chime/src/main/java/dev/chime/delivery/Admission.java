package dev.chime.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds work in flight, globally and per namespace. Work beyond the bounds waits in one FIFO
 * lane per namespace; when room frees, lanes are served round-robin, so a namespace with a
 * thousand waiting callbacks does not hold up one with a single callback, and a namespace at its
 * own bound does not block the others behind it.
 *
 * <p>Locking: one monitor guards every count and lane. Methods return the work that may start
 * now, and the caller starts it after the lock is released, so no callback runs under the lock.
 */
final class Admission<T> {
  private final int maxInFlight;
  private final int maxPerNamespace;
  private final Map<String, Integer> inFlight = new HashMap<>();
  // Namespaces with waiting work, in the order they will be served next.
  private final LinkedHashMap<String, ArrayDeque<T>> lanes = new LinkedHashMap<>();
  private int total;
  private int waiting;

  Admission(int maxInFlight, int maxPerNamespace) {
    this.maxInFlight = maxInFlight;
    this.maxPerNamespace = maxPerNamespace;
  }

  /** Queues the work; returns what may start now (this work, or nothing). */
  synchronized List<T> offer(String namespace, T work) {
    lanes.computeIfAbsent(namespace, n -> new ArrayDeque<>()).addLast(work);
    waiting++;
    return admit();
  }

  /** Work of the namespace ended; returns what may start in its place. */
  synchronized List<T> finished(String namespace) {
    int count = inFlight.merge(namespace, -1, Integer::sum);
    if (count <= 0) {
      inFlight.remove(namespace);
    }
    total--;
    return admit();
  }

  /** Empties every lane, returning the work that had not started. */
  synchronized List<T> drain() {
    List<T> all = new ArrayList<>();
    lanes.values().forEach(all::addAll);
    lanes.clear();
    waiting = 0;
    return all;
  }

  /** How much more work could start now without waiting. */
  synchronized int capacity() {
    return Math.max(0, maxInFlight - total - waiting);
  }

  /** How much more work to take so that a full round waits behind the work in flight. */
  synchronized int roomWithRoundAhead() {
    return Math.max(0, 2 * maxInFlight - total - waiting);
  }

  synchronized int inFlight() {
    return total;
  }

  private List<T> admit() {
    List<T> start = new ArrayList<>();
    boolean startedOne = true;
    while (total < maxInFlight && startedOne) {
      startedOne = false;
      for (Iterator<Map.Entry<String, ArrayDeque<T>>> it = lanes.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<String, ArrayDeque<T>> lane = it.next();
        String namespace = lane.getKey();
        if (inFlight.getOrDefault(namespace, 0) >= maxPerNamespace) {
          continue;
        }
        start.add(lane.getValue().removeFirst());
        inFlight.merge(namespace, 1, Integer::sum);
        total++;
        waiting--;
        it.remove();
        if (!lane.getValue().isEmpty()) {
          lanes.put(namespace, lane.getValue()); // to the back of the round
        }
        startedOne = true;
        break;
      }
    }
    return start;
  }
}
