package dev.chime.scheduler;

import dev.chime.schedule.Schedule;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FinishedAttempt;
import dev.chime.store.RunStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcomes of attempts in groups: what ended while the last group was being written
 * is written together, in one transaction of batched statements. One transaction per outcome (a
 * commit, and on H2 a write to the file, for each) took most of a burst's time; grouping costs a
 * lone outcome nothing, since a group is whatever is waiting.
 *
 * <p>A group whose transaction fails is recorded again one outcome at a time, so that one
 * outcome the database refuses does not lose the others. An outcome that cannot be recorded at
 * all is reported {@link Recording#FAILED}: its run keeps its lease until it expires, and then
 * another claim sends the run again with its next attempt and the same run id. If the process
 * dies during a group, the whole group rolls back and the same holds for each of its runs.
 *
 * <p>Outcomes are recorded on threads of the recorder's own, not on the thread that completed the
 * request: the JDK's HTTP client completes requests on few threads, and a commit there held up
 * the next callback. The threads end when idle.
 */
final class Recorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
  private static final int THREADS = 1;
  static final int MAX_GROUP = 256;

  /** An attempt that ended: its claim, the schedule it was sent for (null if gone), its result. */
  record Ended(ClaimedRun claim, Schedule schedule, AttemptResult result) {}

  /** What became of an outcome. */
  enum Recording {
    RECORDED,
    /** Another claim holds the run now (its lease expired, or it was handed back): not written. */
    TAKEN_OVER,
    /** The database refused it; see the log. */
    FAILED
  }

  /** Told of each group once it is written, on a recorder thread. */
  @FunctionalInterface
  interface Listener {
    void recorded(List<Ended> group, Recording[] recordings);
  }

  private final RunStore runs;
  private final InstantSource clock;
  private final Listener listener;
  private final LinkedBlockingQueue<Ended> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger draining = new AtomicInteger();
  // At most THREADS drains are submitted at once (draining counts them), so the queue holds at
  // most a drain whose thread is still finishing the last one.
  private final ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 10,
      TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
      Thread.ofPlatform().name("chime-record-", 0).daemon().factory());

  Recorder(RunStore runs, InstantSource clock, Listener listener) {
    this.runs = runs;
    this.clock = clock;
    this.listener = listener;
    threads.allowCoreThreadTimeOut(true);
  }

  /** Queues an outcome; it is written with whatever else is waiting. Never blocks. */
  void record(Ended ended) {
    queue.add(ended);
    startDrainingIfIdle();
  }

  @Override
  public void close() {
    threads.shutdown();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void startDrainingIfIdle() {
    int now = draining.get();
    while (now < THREADS && !queue.isEmpty()) {
      if (draining.compareAndSet(now, now + 1)) {
        threads.execute(this::drain);
        return;
      }
      now = draining.get();
    }
  }

  private void drain() {
    try {
      List<Ended> group = new ArrayList<>();
      while (queue.drainTo(group, MAX_GROUP) > 0) {
        write(group);
        group.clear();
      }
    } finally {
      draining.decrementAndGet();
      startDrainingIfIdle(); // an outcome queued just after the last drainTo
    }
  }

  private void write(List<Ended> group) {
    Recording[] recordings = new Recording[group.size()];
    try {
      boolean[] written = runs.finishAttempts(
          group.stream().map(e -> new FinishedAttempt(e.claim(), e.result())).toList(),
          clock.instant());
      for (int i = 0; i < written.length; i++) {
        recordings[i] = written[i] ? Recording.RECORDED : Recording.TAKEN_OVER;
      }
    } catch (RuntimeException e) {
      if (group.size() > 1) {
        LOG.warn("could not record {} attempts together; recording them one by one",
            group.size(), e);
      }
      for (int i = 0; i < group.size(); i++) {
        recordings[i] = writeAlone(group.get(i), group.size() == 1 ? e : null);
      }
    }
    try {
      listener.recorded(group, recordings);
    } catch (RuntimeException e) {
      LOG.error("handling {} recorded attempts failed", group.size(), e);
    }
  }

  private Recording writeAlone(Ended ended, RuntimeException known) {
    RuntimeException failure = known;
    if (failure == null) {
      try {
        return runs.finishAttempt(ended.claim(), ended.result(), clock.instant())
            ? Recording.RECORDED : Recording.TAKEN_OVER;
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    LOG.error("could not record attempt {} of run {}; its lease will expire and it will be"
        + " retried", ended.claim().attempt(), ended.claim().run().id(), failure);
    return Recording.FAILED;
  }
}
