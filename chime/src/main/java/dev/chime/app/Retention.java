package dev.chime.app;

import dev.chime.store.RunStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes finished runs older than the retention period, in small batches on its own thread, so
 * that pruning never holds the scheduler up.
 */
final class Retention implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 500;
  private static final int MAX_BATCHES_PER_ROUND = 200;
  private static final Duration EVERY = Duration.ofMinutes(10);

  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("chime-retention")
          .factory());

  Retention(RunStore runs, Duration keep, InstantSource clock) {
    thread.scheduleWithFixedDelay(() -> prune(runs, keep, clock), 1, EVERY.toSeconds(),
        TimeUnit.SECONDS);
  }

  private static void prune(RunStore runs, Duration keep, InstantSource clock) {
    try {
      int total = 0;
      for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
        int pruned = runs.prune(clock.instant().minus(keep), BATCH);
        total += pruned;
        if (pruned < BATCH) {
          break;
        }
      }
      if (total > 0) {
        LOG.info("pruned {} runs finished more than {} days ago", total, keep.toDays());
      }
    } catch (RuntimeException e) {
      LOG.warn("pruning run history failed; trying again in {} minutes", EVERY.toMinutes(), e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
