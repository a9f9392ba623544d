package dev.chime.delivery;

import dev.chime.schedule.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The response body so far of runs being delivered, in memory, so that a job writing its
 * progress into a chunked response can be watched while it runs (SPEC §3). Each log holds what
 * its attempt keeps, the first {@link Attempt#EXCERPT_BYTES}; a run's log is replaced by its next
 * attempt's, and dropped {@code linger} after it finishes (by the injected clock) — by then the
 * attempt is in the store. At most {@code maxLogs} are kept; past that the oldest finished go
 * first, then the oldest. Thread-safe.
 */
public final class LiveLogs {
  public static final Duration DEFAULT_LINGER = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_LOGS = 1000;

  /**
   * A live log as it stands.
   *
   * @param text the first {@link Attempt#EXCERPT_BYTES} as UTF-8, invalid bytes replaced
   * @param bytes how many bytes arrived so far, kept or not
   * @param finished whether the response ended (or the attempt gave up on it)
   */
  public record LiveLog(String runId, int attempt, String text, long bytes, boolean finished) {}

  private record Entry(Excerpt excerpt, Instant finishedAt) {}

  private final InstantSource clock;
  private final Duration linger;
  private final int maxLogs;
  private final Map<String, Entry> logs = new LinkedHashMap<>();
  // Finished entries in the order they finished, so that pruning stops at the first that still
  // lingers instead of walking every log on every attempt (a burst opened thousands a second,
  // each walking the thousand kept). May hold entries replaced or evicted since.
  private final ArrayDeque<Entry> byFinish = new ArrayDeque<>();

  public LiveLogs(InstantSource clock) {
    this(clock, DEFAULT_LINGER, DEFAULT_MAX_LOGS);
  }

  public LiveLogs(InstantSource clock, Duration linger, int maxLogs) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.linger = Objects.requireNonNull(linger, "linger");
    if (maxLogs < 1) {
      throw new IllegalArgumentException("maxLogs must be at least 1, was " + maxLogs);
    }
    this.maxLogs = maxLogs;
  }

  /** The run's log, if an attempt of it is being delivered or finished less than linger ago. */
  public Optional<LiveLog> find(String runId) {
    return excerpt(runId).map(Excerpt::snapshot);
  }

  /**
   * Completes with the run's log once it holds more than {@code afterBytes} bytes or has
   * finished, so a reader can follow a stream without polling; at once with empty when the run
   * has no live log.
   */
  public CompletionStage<Optional<LiveLog>> next(String runId, long afterBytes) {
    return excerpt(runId)
        .map(e -> e.next(afterBytes).thenApply(Optional::of))
        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
  }

  /** Starts the log of a run's attempt, replacing the previous attempt's. */
  Excerpt open(String runId, int attempt) {
    Excerpt excerpt = new Excerpt(runId, attempt);
    synchronized (this) {
      prune();
      logs.remove(runId);
      logs.put(runId, new Entry(excerpt, null));
      evictBeyondLimit();
    }
    return excerpt;
  }

  /** The attempt is over: its log lingers a little for readers who come late. */
  void finished(Excerpt excerpt) {
    excerpt.finish();
    synchronized (this) {
      Entry entry = logs.get(excerpt.runId());
      if (entry != null && entry.excerpt() == excerpt) {
        Entry finished = new Entry(excerpt, clock.instant());
        logs.put(excerpt.runId(), finished);
        byFinish.addLast(finished);
      }
    }
  }

  private synchronized Optional<Excerpt> excerpt(String runId) {
    prune();
    return Optional.ofNullable(logs.get(runId)).map(Entry::excerpt);
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(linger);
    while (!byFinish.isEmpty() && !byFinish.peekFirst().finishedAt().isAfter(cutoff)) {
      Entry done = byFinish.pollFirst();
      logs.remove(done.excerpt().runId(), done); // unless a later attempt replaced it
    }
    if (byFinish.size() > 4 * maxLogs) { // mostly entries evicted since: forget those
      byFinish.removeIf(e -> logs.get(e.excerpt().runId()) != e);
    }
  }

  private void evictBeyondLimit() {
    for (Iterator<Entry> it = logs.values().iterator(); logs.size() > maxLogs && it.hasNext(); ) {
      if (it.next().finishedAt() != null) {
        it.remove();
      }
    }
    for (Iterator<Entry> it = logs.values().iterator(); logs.size() > maxLogs && it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }
}
