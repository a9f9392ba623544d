package dev.chime.alert;

import dev.chime.schedule.Run;
import dev.chime.scheduler.RunEvent;
import dev.chime.scheduler.RunObserver;
import dev.chime.store.AlertStore;
import dev.chime.store.Store;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts (issue 6): a namespace with an {@code alertWebhook} is told when a run of one of its
 * schedules fails after its last attempt (or times out), when fires are missed or skipped, and
 * when a failing schedule recovers; at most once per schedule and condition in the window (ten
 * minutes), decided in the store so that replicas agree.
 *
 * <p>Threads: {@link #observe} only queues the finished run (dropping it, counted, when the queue
 * is full), so the scheduler never waits. One thread of its own decides — the store calls — and
 * each alert is sent on a virtual thread, retried a few times, then logged and dropped.
 */
public final class Alerts implements RunObserver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  private static final int BATCH = 1000;
  // After the first run of a batch, what arrives this soon joins it: the missed fires of one
  // outage are published together, and become one alert.
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  /** Counts what became of each alert: sent, failed, suppressed or dropped (for metrics). */
  @FunctionalInterface
  public interface Tally {
    void count(String namespace, String condition, String result);
  }

  private record Key(String namespace, String schedule, Condition condition) {}

  private final Store store;
  private final AlertStore state;
  private final InstantSource clock;
  private final AlertConfig config;
  private final Tally tally;
  private final WebhookSender sender;
  private final BlockingQueue<Run> queue;
  private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
  // Runs queued or being decided, and alerts being sent: zero when idle.
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicBoolean full = new AtomicBoolean();
  private volatile boolean running;
  private volatile Thread worker;
  // Read by observe() on the scheduler's threads, replaced by the worker: runs of namespaces
  // without a webhook are never queued.
  private volatile Map<String, URI> webhooks = Map.of();
  private long webhooksRead;

  public Alerts(Store store, InstantSource clock, AlertConfig config, Tally tally) {
    this.store = store;
    this.state = store.alerts();
    this.clock = clock;
    this.config = config;
    this.tally = tally;
    this.sender = new WebhookSender(config, clock);
    this.queue = new LinkedBlockingQueue<>(config.queue());
  }

  /** Reads the webhooks, then decides on a thread of its own until {@link #close()}. */
  public synchronized void start() {
    readWebhooks();
    running = true;
    worker = Thread.ofPlatform().name("chime-alerts").daemon().start(this::work);
  }

  /** Queues each finished run of a namespace with a webhook for a decision; never blocks. */
  @Override
  public void observe(RunEvent event) {
    if (!(event instanceof RunEvent.Finished finished)
        || !webhooks.containsKey(finished.run().namespace())) {
      return;
    }
    Run run = finished.run();
    busy.incrementAndGet();
    if (queue.offer(run)) {
      full.set(false);
      return;
    }
    busy.decrementAndGet();
    Condition.of(run.status()).ifPresent(c -> tally.count(run.namespace(), c.id(), "dropped"));
    if (full.compareAndSet(false, true)) {
      LOG.warn("the alert queue is full ({} runs): runs finishing now are not alerted until it"
          + " drains", config.queue());
    }
  }

  /**
   * Waits (on the real clock) until every queued run is decided and every alert sent or given
   * up, at most {@code timeout}: for tests, and for a clean shutdown.
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (busy.get() > 0) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return true;
  }

  /** Decides what is queued and lets alerts being sent finish, for a few seconds at most. */
  @Override
  public void close() {
    awaitIdle(CLOSE_GRACE);
    running = false;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
    sending.shutdownNow();
  }

  private void work() {
    List<Run> batch = new ArrayList<>();
    while (running) {
      try {
        refreshWebhooks();
        Run first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long until = System.nanoTime() + LINGER_NANOS;
        for (long left = LINGER_NANOS; left > 0 && batch.size() < BATCH;
            left = until - System.nanoTime()) {
          Run next = queue.poll(left, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
          queue.drainTo(batch, BATCH - batch.size());
        }
        decide(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("deciding alerts failed; {} runs not alerted", batch.size(), e);
      } finally {
        busy.addAndGet(-batch.size());
        batch.clear();
      }
    }
  }

  /**
   * Failures and successes in order, since a success recovers only from a failure before it;
   * misses and skips of one schedule grouped, so that an outage's missed fires are one alert.
   */
  private void decide(List<Run> batch) {
    Map<String, URI> hooks = webhooks;
    Map<String, Optional<String>> secrets = new HashMap<>();
    Map<Key, List<Run>> grouped = new LinkedHashMap<>();
    for (Run run : batch) {
      URI hook = hooks.get(run.namespace());
      if (hook == null) {
        continue;
      }
      try {
        switch (run.status()) {
          case FAILED, TIMED_OUT -> {
            state.markFailing(run.namespace(), run.schedule(), run.id(), finished(run));
            alert(Condition.FAILED, run, 1, null, hook, secrets);
          }
          case SUCCEEDED -> state.clearFailing(run.namespace(), run.schedule()).ifPresent(
              failing -> alert(Condition.RECOVERED, run, 1, failing.since(), hook, secrets));
          case MISSED, SKIPPED -> grouped.computeIfAbsent(new Key(run.namespace(),
              run.schedule(), Condition.of(run.status()).orElseThrow()), k -> new ArrayList<>())
              .add(run);
          case PENDING, RUNNING -> { }
        }
      } catch (RuntimeException e) {
        LOG.warn("could not decide the alert for run {} of {}/{}", run.id(), run.namespace(),
            run.schedule(), e);
      }
    }
    grouped.forEach((key, runs) -> {
      try {
        alert(key.condition(), runs.getLast(), runs.size(), null, hooks.get(key.namespace()),
            secrets);
      } catch (RuntimeException e) {
        LOG.warn("could not decide the {} alert of {}/{}", key.condition().id(), key.namespace(),
            key.schedule(), e);
      }
    });
  }

  private void alert(Condition condition, Run run, int count, Instant failingSince, URI hook,
      Map<String, Optional<String>> secrets) {
    Instant now = clock.instant();
    AlertStore.Admission admission = state.admit(run.namespace(), run.schedule(),
        condition.id(), now, config.window());
    if (!admission.send()) {
      tally.count(run.namespace(), condition.id(), "suppressed");
      return;
    }
    AlertEvent event = new AlertEvent(condition, run, count, admission.suppressed(),
        failingSince, link(run), now);
    String secret = secrets.computeIfAbsent(run.namespace(),
        ns -> store.namespaces().signingSecret(ns)).orElse(null);
    busy.incrementAndGet();
    try {
      sending.execute(() -> send(event, hook, secret));
    } catch (RuntimeException e) { // shutting down
      busy.decrementAndGet();
    }
  }

  private void send(AlertEvent event, URI hook, String secret) {
    Run run = event.run();
    try {
      WebhookSender.Result result = sender.send(hook, event.json(), run.id(), secret);
      tally.count(run.namespace(), event.condition().id(), result.sent() ? "sent" : "failed");
      if (result.sent()) {
        LOG.info("alert sent: {}", event.text());
      } else {
        LOG.warn("alert {} of {}/{} not delivered to {}: {}", event.condition().id(),
            run.namespace(), run.schedule(), origin(hook), result.problem());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("alert {} of {}/{} not delivered to {}", event.condition().id(), run.namespace(),
          run.schedule(), origin(hook), e);
    } finally {
      busy.decrementAndGet();
    }
  }

  /** Reads the namespaces' webhooks again when the last read is older than the refresh. */
  private void refreshWebhooks() {
    if (System.nanoTime() - webhooksRead > config.webhookRefresh().toNanos()) {
      try {
        readWebhooks();
      } catch (RuntimeException e) {
        LOG.warn("could not read the alert webhooks; keeping the last ones", e);
      }
    }
  }

  private void readWebhooks() {
    webhooks = Map.copyOf(state.webhooks());
    webhooksRead = System.nanoTime();
  }

  private URI link(Run run) {
    URI dashboard = config.dashboard();
    if (dashboard == null) {
      return null;
    }
    String base = dashboard.toString().endsWith("/") ? dashboard.toString() : dashboard + "/";
    return URI.create(base + "#/runs/" + run.id());
  }

  private static Instant finished(Run run) {
    return run.finishedAt() != null ? run.finishedAt() : run.fireAt();
  }

  /** Only scheme, host and port: the rest of a webhook may be its secret. */
  private static String origin(URI hook) {
    return hook.getScheme() + "://" + hook.getRawAuthority();
  }
}
