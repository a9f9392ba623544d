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
import dev.chime.store.ClaimedFires;
import dev.chime.store.ClaimedRun;
import dev.chime.store.FireClaim;
import dev.chime.store.Store;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Timing: fires are claimed up to {@link SchedulerConfig#lookahead()} before their instant,
 * their first attempt started under a lease in the same transaction, and held in {@link
 * Departures} until the instant, when the loop sends them before any other work; a fire is
 * never sent before its instant. A claim takes no more fires than the dispatcher can start or
 * queue one round of, so that replicas share a burst and a pass never waits on a full queue.
 */
public final class Scheduler implements Wakeup, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final int MAX_CLAIM_BATCHES = 50;
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final Store store;
  private final Dispatcher dispatcher;
  private final Backoff backoff;
  private final InstantSource clock;
  private final SchedulerConfig config;
  private final FirePlanning planning;
  private final ScheduleService schedules;
  private final CallbackFactory callbacks;
  private final Departures departures = new Departures();
  private final Recorder recorder;
  // Attempts sent (or queued in the dispatcher) and not yet recorded.
  private final Map<String, ClaimedRun> inFlight = new ConcurrentHashMap<>();
  // Runs close() handed back: their aborted attempts are expected to find the claim gone.
  private final Set<String> handedBack = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private volatile boolean woken;
  // When this process last renewed its leases (see renewLeasesWhenDue).
  private volatile Instant leasesRenewed = Instant.MIN;
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
    this.schedules = new ScheduleService(store, clock, this, runIds);
    this.callbacks = new CallbackFactory(store);
    this.recorder = new Recorder(store.runs(), clock, this::recorded);
  }

  /** The service through which schedules change; its changes wake this loop. */
  public ScheduleService schedules() {
    return schedules;
  }

  /**
   * One pass: send the fires claimed ahead whose instant has come (first, before any database
   * work), renew this process's leases (so that its own runs never look abandoned to its own
   * claims), claim due fires (sending or holding each as it is claimed), time out callback runs
   * past their deadline and start due attempts.
   *
   * @return when the next pass is due
   */
  public Instant runOnce() {
    woken = false;
    Instant now = clock.instant();
    depart(now);
    renewLeasesWhenDue(now);
    claimDueFires(now);
    store.runs().expireCallbacks(now);
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

  @Override
  public void changed(String namespace, String schedule) {
    departures.changed(namespace, schedule);
    wake();
  }

  /** Whether the loop thread is alive, for {@code /readyz}. */
  public boolean alive() {
    Thread t = loop;
    return t != null && t.isAlive();
  }

  /**
   * Stops claiming, lets attempts in flight finish for a few seconds (renewing their leases
   * meanwhile), and hands the rest back, with the fires held for a later instant, so that the
   * next start resumes them with their next attempt and the same run id.
   */
  @Override
  public void close() {
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
    drain();
    Instant now = clock.instant();
    for (Departures.Departure held : departures.drain()) {
      handBack(held.claim(), held.at());
    }
    for (ClaimedRun claim : inFlight.values()) {
      handBack(claim, now);
    }
    recorder.close();
  }

  /**
   * Waits (on the real clock) until no attempt is in flight, at most {@code timeout}: for a
   * clean shutdown, and for tests that step the loop with {@link #runOnce()}. Fires held for a
   * later instant are not in flight.
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

  private void handBack(ClaimedRun claim, Instant dueAt) {
    handedBack.add(claim.run().id());
    if (store.runs().release(claim, dueAt)) {
      LOG.info("handed back run {} of {}/{} for the next start", claim.run().id(),
          claim.run().namespace(), claim.run().schedule());
    }
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
      awaitIdle(Duration.ofNanos(Math.min(left, config.longestSleep().toNanos())));
    }
  }

  /**
   * Renews the leases in flight a third of a lease after the last renewal, not on every pass: a
   * burst makes a pass per finished attempt, and each rewrote every lease in flight. A lease
   * still never runs out under a live process: passes come at least every {@code
   * longestSleep}, at most a third of the lease (as {@code chime serve} sets it), so a lease is
   * renewed within two thirds of its length.
   */
  private void renewLeasesWhenDue(Instant now) {
    if (!now.isBefore(leasesRenewed.plus(config.lease().dividedBy(3)))) {
      renewLeases(now);
    }
  }

  private void renewLeases(Instant now) {
    List<ClaimedRun> held = new ArrayList<>(inFlight.values());
    held.addAll(departures.claims());
    store.runs().renewLeases(held, now.plus(config.lease()));
    leasesRenewed = now;
  }

  private void loop() {
    while (running) {
      Instant next;
      try {
        next = runOnce();
      } catch (RuntimeException e) {
        LOG.error("scheduler pass failed; trying again in a second", e);
        next = clock.instant().plusSeconds(1);
      }
      sleepUntil(next);
    }
  }

  /** Parks until {@code next} (on the real clock) or a wake-up, whichever comes first. */
  private void sleepUntil(Instant next) {
    while (running && !woken) {
      long nanos = Duration.between(clock.instant(), next).toNanos();
      if (nanos <= 0) {
        return;
      }
      LockSupport.parkNanos(this, nanos);
    }
  }

  /** Sends the fires held for an instant that has come. */
  private void depart(Instant now) {
    for (Departures.Departure departure : departures.due(now)) {
      if (departure.changed()) {
        recheck(departure, now).ifPresent(target -> send(departure.claim(), target));
      } else {
        send(departure.claim(), departure.target());
      }
    }
  }

  /**
   * The target of a fire whose schedule changed after the fire was claimed ahead: the schedule
   * as it is now, if it still has this fire; otherwise the run is ended {@code skipped}, unsent.
   */
  private Optional<CallbackFactory.Target> recheck(Departures.Departure departure, Instant now) {
    Run run = departure.claim().run();
    Schedule claimed = departure.target().schedule();
    Optional<Schedule> current = store.schedules().find(run.namespace(), run.schedule())
        .map(StoredSchedule::schedule);
    String reason = current.isEmpty() ? "the schedule was deleted before the fire instant"
        : current.get().paused() ? "the schedule was paused before the fire instant"
        : !sameFires(claimed, current.get())
            ? "the schedule's timing changed before the fire instant" : null;
    if (reason == null) {
      return Optional.of(new CallbackFactory.Target(current.get(),
          departure.target().namespace(), departure.target().secret()));
    }
    handedBack.add(run.id());
    if (!store.runs().skipUnsent(departure.claim(), reason, now)) {
      LOG.warn("run {} was taken over by another claim before its fire instant", run.id());
    }
    return Optional.empty();
  }

  private static boolean sameFires(Schedule a, Schedule b) {
    return a.timing().equals(b.timing()) && a.zone().equals(b.zone())
        && a.delivery().dstGap() == b.delivery().dstGap();
  }

  /**
   * Claims due fires in batches, each no larger than the dispatcher's room, and sends (or holds
   * until its instant) each fire as it is claimed, so that a burst's first callbacks go out while
   * the rest are claimed.
   */
  private void claimDueFires(Instant now) {
    Instant horizon = now.plus(config.lookahead());
    Optional<Instant> earliest = store.schedules().earliestNextFire();
    if (earliest.isEmpty() || earliest.get().isAfter(horizon)) {
      return;
    }
    CallbackFactory.Lookup lookup = callbacks.lookup();
    for (int batch = 0; batch < MAX_CLAIM_BATCHES; batch++) {
      int room = room();
      if (room <= 0) {
        return;
      }
      int limit = Math.min(config.batchSize(), room);
      departures.claiming();
      ClaimedFires claimed = store.runs().claimDueFires(
          new FireClaim(now, horizon, limit, room, config.owner(), config.lease()), planning);
      for (ClaimedFires.Started fire : claimed.started()) {
        Optional<CallbackFactory.Target> target = lookup.target(fire.schedule());
        Instant at = fire.claim().run().fireAt();
        if (target.isPresent() && at.isAfter(now)) {
          departures.hold(fire.claim(), target.get(), at);
        } else {
          start(fire.claim(), target);
        }
      }
      if (claimed.schedules() < limit) {
        return;
      }
    }
  }

  /** How many more attempts to take on: a round beyond those in flight, less those held. */
  private int room() {
    return dispatcher.roomWithRoundAhead() - departures.size();
  }

  private void startAttempts(Instant now) {
    int room = Math.min(room(), config.batchSize());
    if (room <= 0) {
      return;
    }
    CallbackFactory.Lookup lookup = callbacks.lookup();
    for (ClaimedRun claim : store.runs().claimAttempts(now, config.owner(), config.lease(), room)) {
      start(claim, lookup.target(claim.run()));
    }
  }

  private void start(ClaimedRun claim, Optional<CallbackFactory.Target> target) {
    if (target.isEmpty()) {
      inFlight.put(claim.run().id(), claim);
      recorder.record(new Recorder.Ended(claim, null,
          failed(claim, "the schedule or its namespace no longer exists")));
      return;
    }
    send(claim, target.get());
  }

  private void send(ClaimedRun claim, CallbackFactory.Target target) {
    inFlight.put(claim.run().id(), claim);
    Schedule schedule = target.schedule();
    dispatcher.send(callbacks.callback(claim, target)).whenComplete((delivered, error) -> {
      AttemptResult result;
      try {
        result = error == null ? result(claim, schedule, delivered)
            : failed(claim, error.toString());
      } catch (RuntimeException e) {
        result = failed(claim, "unexpected error: " + e);
      }
      recorder.record(new Recorder.Ended(claim, schedule, result));
    });
  }

  /** After a group of outcomes is written: chains, the runs' slots, and the next pass. */
  private void recorded(List<Recorder.Ended> group, Recorder.Recording[] recordings) {
    boolean replan = false;
    for (int i = 0; i < group.size(); i++) {
      Recorder.Ended ended = group.get(i);
      Run run = ended.claim().run();
      try {
        switch (recordings[i]) {
          case RECORDED -> {
            if (ended.result().status() == RunStatus.SUCCEEDED && ended.schedule() != null) {
              schedules.runChain(run, ended.schedule().delivery().chain());
            }
          }
          case TAKEN_OVER -> {
            if (handedBack.contains(run.id())) {
              LOG.debug("attempt {} of run {} ended after the run was handed back",
                  ended.claim().attempt(), run.id());
            } else {
              LOG.warn("run {} was taken over by another claim; attempt {} not recorded",
                  run.id(), ended.claim().attempt());
            }
          }
          case FAILED -> { } // logged by the recorder; the lease will expire
        }
      } catch (RuntimeException e) {
        LOG.error("could not run the chain of run {}", run.id(), e);
      } finally {
        replan |= !ended.result().status().isFinal();
        inFlight.remove(run.id());
      }
    }
    // A pass is needed when a run goes on (its next attempt or deadline may come before the
    // loop's next pass) or when the dispatcher has a free slot and nothing queued to fill it;
    // otherwise the queued round keeps it busy.
    if (replan || dispatcher.capacity() > 0) {
      wake();
    }
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
   * The earliest of: a held departure, the next fire less the lookahead, and other due work
   * (retries, expired leases, callback deadlines). With no room for more attempts, due fires and
   * attempts wait for the wake-up that comes when room frees, rather than spinning the loop.
   */
  private Instant nextPass(Instant now) {
    Instant next = now.plus(config.longestSleep());
    next = earliest(next, departures.earliest());
    if (room() > 0) {
      next = earliest(next, store.schedules().earliestNextFire()
          .map(fire -> fire.minus(config.lookahead())));
      next = earliest(next, store.runs().earliestWork());
    }
    return next;
  }

  private static Instant earliest(Instant a, Optional<Instant> b) {
    return b.isPresent() && b.get().isBefore(a) ? b.get() : a;
  }
}
