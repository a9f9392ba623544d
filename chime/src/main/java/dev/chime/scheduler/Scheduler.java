package dev.chime.scheduler;

import dev.chime.delivery.Backoff;
import dev.chime.delivery.Delivered;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.Outcome;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.store.Store;
import dev.chime.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of SPEC §4: claims due fires, starts due attempts, records their outcomes, and sleeps
 * until the earliest next fire or a change, so that lateness is the dispatch cost alone.
 *
 * <p>Guarantees: each fire becomes one run, because claiming inserts the run under the unique
 * (schedule, fire instant) key in the transaction that advances the schedule; each attempt runs
 * under a lease renewed by this loop, so if the process dies another replica (or the next start)
 * resumes the run with the next attempt and the same run id. {@link #runOnce()} is one pass, for
 * tests on a simulated clock; {@link #start()} runs passes on a thread that never dies of an
 * exception.
 */
public final class Scheduler implements Wakeup, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final int MAX_CLAIM_BATCHES = 50;
  private static final Duration DRAIN = Duration.ofSeconds(10);
  private static final int RECORDING_THREADS = 4;
  // The clock may move while the loop sleeps: a replica's clock is corrected by the database's
  // offset every 30 s, and tests run replicas on clocks they move forward. Re-reading it this
  // often follows it; an idle loop pays one clock read a second, and no query.
  private static final Duration LONGEST_PARK = Duration.ofSeconds(1);
  // While the database does not answer, passes (and recording an outcome) are tried again after
  // this, doubling up to the most; a change notification (the database is back) cuts it short.
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
  // The loop counts as stalled (for /readyz) when a pass or a sleep lasts longer than this.
  private static final Duration STALL = Duration.ofSeconds(60);

  private final Store store;
  private final Dispatcher dispatcher;
  private final Backoff backoff;
  private final InstantSource clock;
  private final SchedulerConfig config;
  private final FirePlanning planning;
  private final ScheduleService schedules;
  private final CallbackFactory callbacks;
  private final Map<String, ClaimedRun> inFlight = new ConcurrentHashMap<>();
  // Outcomes are recorded here, not on the thread that completed the request: the JDK's HTTP
  // client completes every request on the common pool, one thread on a two-core machine, where
  // each attempt's commit waited for the one before and held up the next queued callback. The
  // threads end when idle; a task refused (none is, the queue being unbounded) runs in place.
  private final ThreadPoolExecutor recorder = new ThreadPoolExecutor(RECORDING_THREADS,
      RECORDING_THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
      Thread.ofPlatform().name("chime-record-", 0).daemon().factory(),
      (task, executor) -> task.run());
  // Runs close() handed back: their aborted attempts are expected to find the claim gone.
  private final Set<String> handedBack = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  // Between close() and the end of its drain: outcomes are still worth recording.
  private volatile boolean draining;
  private volatile boolean woken;
  // When this process last renewed its leases (see renewLeasesWhenDue).
  private volatile Instant leasesRenewed = Instant.MIN;
  // When the loop last began or ended a pass (System.nanoTime): a stuck pass shows in alive().
  private volatile long heartbeat = System.nanoTime();
  private Thread loop;

  public Scheduler(
      Store store,
      Dispatcher dispatcher,
      Backoff backoff,
      InstantSource clock,
      SchedulerConfig config,
      Supplier<String> runIds) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.backoff = backoff;
    this.clock = clock;
    this.config = config;
    this.planning = new FirePlanning(config.grace(), runIds);
    this.schedules = new ScheduleService(store, clock, this, runIds, new RunEvents());
    this.callbacks = new CallbackFactory(store);
    recorder.allowCoreThreadTimeOut(true);
  }

  /** The service through which schedules change; its changes wake this loop. */
  public ScheduleService schedules() {
    return schedules;
  }

  /** Who is told of every run this process creates, attempts and ends (metrics, logs, alerts). */
  public RunEvents events() {
    return schedules.events();
  }

  /**
   * One pass: renew this process's leases (first, so that its own runs never look abandoned to
   * its own claims), claim due fires (starting attempts after each batch, so that a burst's first
   * callbacks go out while the rest are claimed), time out callback runs past their deadline and
   * start due attempts.
   *
   * @return when the next pass is due
   */
  public Instant runOnce() {
    woken = false;
    Instant now = clock.instant();
    renewLeasesWhenDue(now);
    now = claimDueFires(now);
    for (Run expired : store.runs().expireCallbacks(now)) {
      events().publish(new RunEvent.Finished(expired, null));
    }
    startAttempts(now);
    return nextPass(now);
  }

  /** Runs passes on a thread until {@link #close()}. */
  public synchronized void start() {
    running = true;
    loop = Thread.ofPlatform().name("chime-scheduler").start(this::loop);
  }

  @Override
  public void wake() {
    woken = true;
    Thread t = loop;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Whether the loop runs, for {@code /readyz}: its thread is alive and not stuck, having begun
   * or ended a pass within the last minute (passes come at least every {@code longestSleep}).
   */
  public boolean alive() {
    Thread t = loop;
    long quiet = System.nanoTime() - heartbeat;
    long stall = Math.max(STALL.toNanos(), config.longestSleep().multipliedBy(3).toNanos());
    return t != null && t.isAlive() && quiet < stall;
  }

  /**
   * Stops claiming, lets attempts in flight finish for a few seconds (renewing their leases
   * meanwhile), and hands the rest back so that the next start resumes them with their next
   * attempt and the same run id.
   */
  @Override
  public void close() {
    // Set first: an outcome arriving from here on is still recorded, even while the database
    // does not answer (finishDespiteOutage), until the drain ends.
    draining = true;
    running = false;
    wake();
    Thread t = loop;
    if (t != null) {
      try {
        t.join(DRAIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      drain();
    } finally {
      draining = false;
    }
    Instant now = clock.instant();
    for (ClaimedRun claim : inFlight.values()) {
      handedBack.add(claim.run().id());
      if (store.runs().release(claim, now)) {
        LOG.info("handed back run {} of {}/{} for the next start", claim.run().id(),
            claim.run().namespace(), claim.run().schedule());
      }
    }
  }

  /**
   * Waits (on the real clock) until no attempt is in flight, at most {@code timeout}: for a
   * clean shutdown, and for tests that step the loop with {@link #runOnce()}.
   *
   * @return whether it became idle in time
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!inFlight.isEmpty()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return true;
  }

  /**
   * Waits up to {@link #DRAIN} for the attempts in flight, renewing their leases as the loop
   * did: a lease shorter than the drain would otherwise expire under an attempt still in
   * flight, and another replica would send the run again beside it.
   */
  private void drain() {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!inFlight.isEmpty()) {
      try {
        renewLeases(clock.instant());
      } catch (RuntimeException e) {
        LOG.error("could not renew the leases of the attempts in flight during shutdown", e);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      awaitIdle(Duration.ofNanos(Math.min(left, renewEvery().toNanos())));
    }
  }

  /**
   * Renews the leases in flight a third of a lease after the last renewal, not on every pass: a
   * burst makes a pass per finished attempt, and each rewrote every lease in flight. A lease
   * still never runs out under a live process: while attempts are in flight the loop wakes when
   * the renewal is due ({@link #nextPass}), whatever its periodic check, so a lease is renewed
   * within about a third of its length.
   */
  private void renewLeasesWhenDue(Instant now) {
    if (!now.isBefore(leasesRenewed.plus(renewEvery()))) {
      renewLeases(now);
    }
  }

  /** The heartbeat: a third of the lease, so a lease is renewed twice before it runs out. */
  private Duration renewEvery() {
    return config.lease().dividedBy(3);
  }

  private void renewLeases(Instant now) {
    store.runs().renewLeases(new ArrayList<>(inFlight.values()), now.plus(config.lease()));
    leasesRenewed = now;
  }

  private void loop() {
    Outage outage = new Outage();
    while (running) {
      heartbeat = System.nanoTime();
      Instant next;
      try {
        next = runOnce();
        outage.over();
      } catch (StoreException e) {
        next = clock.instant().plus(outage.failed(e));
      } catch (RuntimeException e) {
        LOG.error("scheduler pass failed; trying again in a second", e);
        next = clock.instant().plusSeconds(1);
      }
      heartbeat = System.nanoTime();
      sleepUntil(next);
    }
  }

  /**
   * The database not answering: said once when it starts and once when it ends, with passes
   * tried again at growing intervals meanwhile. Nothing is lost: due fires stay in the
   * schedules' rows and are claimed, by their catch-up policy if late, when it answers again.
   */
  private static final class Outage {
    private long since;
    private Duration retry = Duration.ZERO;

    Duration failed(StoreException e) {
      if (retry.isZero()) {
        since = System.nanoTime();
        retry = FIRST_RETRY;
        LOG.warn("the database does not answer ({}); no fires are claimed until it does,"
            + " retrying every few seconds", e.getMessage());
      } else {
        retry = min(retry.multipliedBy(2), LONGEST_RETRY);
      }
      return retry;
    }

    void over() {
      if (!retry.isZero()) {
        LOG.info("the database answers again after {} s; claiming what fell due meanwhile",
            (System.nanoTime() - since) / 1_000_000_000);
        retry = Duration.ZERO;
      }
    }
  }

  /**
   * Parks until {@code next} on the clock, or a wake-up, whichever comes first; a park lasts
   * at most {@link #LONGEST_PARK}, so that a clock that moved meanwhile is followed.
   */
  private void sleepUntil(Instant next) {
    while (running && !woken) {
      long nanos = Duration.between(clock.instant(), next).toNanos();
      if (nanos <= 0) {
        return;
      }
      LockSupport.parkNanos(this, Math.min(nanos, LONGEST_PARK.toNanos()));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Claims due fires batch after batch. A burst makes a long pass (a minute or more when the
   * database is slow), so the clock is read again after each batch: the leases of the next
   * batch's attempts count from when they are taken, not from the start of the pass, and those
   * already taken are renewed on time. Leases from the pass's start ran out while the pass went
   * on, and other replicas took those runs over and sent them again.
   *
   * @return the time after the last batch
   */
  private Instant claimDueFires(Instant start) {
    Instant now = start;
    for (int batch = 0; batch < MAX_CLAIM_BATCHES; batch++) {
      Optional<Instant> earliest = store.schedules().earliestNextFire();
      if (earliest.isEmpty() || earliest.get().isAfter(now)) {
        return now;
      }
      for (Run created : store.runs().claimDueFires(now, config.batchSize(), planning)) {
        events().publish(new RunEvent.Created(created));
        if (created.status().isFinal()) {
          events().publish(new RunEvent.Finished(created, null));
        }
      }
      startAttempts(clock.instant());
      now = clock.instant();
      renewLeasesWhenDue(now);
    }
    return now;
  }

  private void startAttempts(Instant now) {
    int room = Math.min(dispatcher.roomWithRoundAhead(), config.batchSize());
    if (room <= 0) {
      return;
    }
    CallbackFactory.Lookup lookup = callbacks.lookup();
    for (ClaimedRun claim : store.runs().claimAttempts(now, config.owner(), config.lease(), room)) {
      start(claim, lookup);
    }
  }

  private void start(ClaimedRun claim, CallbackFactory.Lookup lookup) {
    Run run = claim.run();
    Optional<CallbackFactory.Target> target = lookup.target(run);
    if (target.isEmpty()) {
      finish(claim, null, failed(claim, "the schedule or its namespace no longer exists"));
      return;
    }
    inFlight.put(run.id(), claim);
    dispatcher.send(callbacks.callback(claim, target.get()))
        .whenCompleteAsync((delivered, error) -> {
          boolean replan = true;
          try {
            Schedule schedule = target.get().schedule();
            AttemptResult result =
                error == null ? result(claim, schedule, delivered) : failed(claim, error.toString());
            finishDespiteOutage(claim, schedule, result);
            replan = !result.status().isFinal();
          } catch (RuntimeException e) {
            LOG.error("could not record attempt {} of run {}; its lease will expire and it will"
                + " be retried", claim.attempt(), run.id(), e);
          } finally {
            inFlight.remove(run.id());
            // A pass is needed when the run goes on (its next attempt or deadline may come
            // before the loop's next pass) or when the dispatcher has a free slot and nothing
            // queued to fill it; otherwise the queued round keeps it busy.
            if (replan || dispatcher.capacity() > 0) {
              wake();
            }
          }
        }, recorder);
  }

  private AttemptResult result(ClaimedRun claim, Schedule schedule, Delivered delivered) {
    Instant now = clock.instant();
    Attempt attempt = delivered.attempt();
    RetryPolicy retry = schedule.delivery().retry();
    return switch (delivered.outcome()) {
      case Outcome.Succeeded s -> new AttemptResult(attempt, RunStatus.SUCCEEDED, null, "");
      case Outcome.Accepted a -> new AttemptResult(attempt, RunStatus.RUNNING,
          now.plus(schedule.delivery().completionDeadline()), "");
      case Outcome.Failed f -> new AttemptResult(attempt, RunStatus.FAILED, null, f.reason());
      case Outcome.Retryable r when claim.attempt() < retry.maxAttempts() -> new AttemptResult(
          attempt, RunStatus.PENDING,
          now.plus(backoff.delay(retry, claim.attempt() + 1, r.retryAfter())), r.reason());
      case Outcome.Retryable r -> new AttemptResult(attempt, RunStatus.FAILED, null,
          r.reason() + " (attempt " + claim.attempt() + " of " + retry.maxAttempts() + ")");
    };
  }

  private AttemptResult failed(ClaimedRun claim, String reason) {
    Attempt attempt =
        new Attempt(claim.run().id(), claim.attempt(), clock.instant(), Duration.ZERO, 0, reason,
            "");
    return new AttemptResult(attempt, RunStatus.FAILED, null, reason);
  }

  /**
   * Records an attempt's outcome, trying again while the database does not answer: the
   * receiver has the callback, and the lease (renewed by the loop once the database is back)
   * still holds the run, so recording it late beats sending it again. Gives up when this
   * process stops, leaving the run to be resumed after its lease.
   */
  private void finishDespiteOutage(ClaimedRun claim, Schedule schedule, AttemptResult result) {
    Duration retry = FIRST_RETRY;
    while (true) {
      try {
        finish(claim, schedule, result);
        return;
      } catch (StoreException e) {
        if (!running && !draining) {
          throw e;
        }
        if (retry.equals(FIRST_RETRY)) {
          LOG.warn("could not record attempt {} of run {} ({}); trying again until the database"
              + " answers", claim.attempt(), claim.run().id(), e.getMessage());
        }
        LockSupport.parkNanos(retry.toNanos());
        retry = min(retry.multipliedBy(2), LONGEST_RETRY);
      }
    }
  }

  private void finish(ClaimedRun claim, Schedule schedule, AttemptResult result) {
    Run run = claim.run();
    Instant now = clock.instant();
    if (!store.runs().finishAttempt(claim, result, now)) {
      if (handedBack.contains(run.id())) {
        LOG.debug("attempt {} of run {} ended after the run was handed back", claim.attempt(),
            run.id());
      } else {
        LOG.warn("run {} was taken over by another claim after this process's lease on it ran"
            + " out; the outcome of attempt {} is not recorded (the run is the new claim's)",
            run.id(), claim.attempt());
      }
      return;
    }
    Run after = recorded(run, result, now);
    events().publish(new RunEvent.AttemptEnded(after, result.attempt()));
    if (after.status().isFinal()) {
      events().publish(new RunEvent.Finished(after, result.attempt()));
    }
    if (result.status() == RunStatus.SUCCEEDED && schedule != null) {
      schedules.runChain(run);
    }
  }

  /** The run as {@code finishAttempt} left it. */
  private static Run recorded(Run claimed, AttemptResult result, Instant now) {
    boolean done = result.status().isFinal();
    return new Run(claimed.id(), claimed.namespace(), claimed.schedule(), claimed.trigger(),
        claimed.fireAt(), result.status(), claimed.attempts(), result.reason(),
        claimed.createdAt(), result.status() == RunStatus.PENDING ? result.nextAttemptAt() : null,
        done ? now : null);
  }

  private Instant nextPass(Instant now) {
    Instant next = now.plus(config.longestSleep());
    if (!inFlight.isEmpty() && leasesRenewed.plus(renewEvery()).isBefore(next)) {
      next = leasesRenewed.plus(renewEvery());
    }
    Optional<Instant> fire = store.schedules().earliestNextFire();
    Optional<Instant> work = store.runs().earliestWork();
    if (fire.isPresent() && fire.get().isBefore(next)) {
      next = fire.get();
    }
    if (work.isPresent() && work.get().isBefore(next)) {
      next = work.get();
    }
    return next;
  }
}
