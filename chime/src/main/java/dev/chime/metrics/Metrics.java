package dev.chime.metrics;

import dev.chime.scheduler.RunObserver;
import dev.chime.store.ScheduleStore;
import dev.chime.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Chime's metrics, written for Prometheus at {@code /metrics}. Names follow its conventions
 * ({@code chime_…_total} counters, {@code _seconds} histograms); labels are bounded: namespace,
 * schedule, trigger, status, store operation, alert condition and result — never a run id. The
 * series, each counted by this process:
 *
 * <ul>
 *   <li>{@code chime_fires_total{namespace,trigger}}: runs created, one per fire (missed and
 *       skipped fires included), manual run and chain run;
 *   <li>{@code chime_runs_total{namespace,schedule,status}}: runs that reached a final status;
 *   <li>{@code chime_lateness_seconds{namespace}}: from a run's fire instant to the start of its
 *       first attempt, queueing included;
 *   <li>{@code chime_attempt_duration_seconds{namespace}}: each attempt, connect to last byte;
 *   <li>{@code chime_callbacks_in_flight}: HTTP callbacks being sent now;
 *   <li>{@code chime_schedules{namespace,state}}: schedules enabled and paused (from the store,
 *       so every replica shows all of them);
 *   <li>{@code chime_claim_seconds{kind}}: the transactions that claim due fires and attempts;
 *   <li>{@code chime_store_seconds{operation}}: every call to the store;
 *   <li>{@code chime_scheduler_up}: 1 while the scheduler loop runs;
 *   <li>{@code chime_alerts_total{namespace,condition,result}}: alerts sent, failed, suppressed
 *       by the ten-minute window, or dropped when the queue was full.
 * </ul>
 *
 * Thread-safe.
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RunMetrics runs = new RunMetrics(registry);
  private final Meter.MeterProvider<Counter> alerts = Counter.builder("chime.alerts")
      .description("Alerts by condition and what became of them: sent, failed, suppressed"
          + " (the window), dropped (the queue was full)")
      .withRegistry(registry);
  private volatile ScheduleGauge schedules;

  /** Counts and times the runs it is told of. */
  public RunObserver runs() {
    return runs;
  }

  /** The store with every call timed ({@code chime_store_seconds}, {@code chime_claim_seconds}). */
  public Store timed(Store store) {
    return TimedStore.wrap(store, registry);
  }

  /**
   * Gauges read at each scrape.
   *
   * @param callbacksInFlight the HTTP callbacks being sent now
   * @param schedulerAlive whether the scheduler loop runs
   * @param scheduleStore where schedules are counted by namespace and state
   */
  public void watch(IntSupplier callbacksInFlight, BooleanSupplier schedulerAlive,
      ScheduleStore scheduleStore) {
    // Strong references: Micrometer holds a gauge's object weakly, and these lambdas have no
    // other owner, so they would be collected and the gauges read NaN.
    Gauge.builder("chime.callbacks.in.flight", callbacksInFlight, IntSupplier::getAsInt)
        .description("HTTP callbacks being sent now")
        .strongReference(true)
        .register(registry);
    Gauge.builder("chime.scheduler.up", schedulerAlive, alive -> alive.getAsBoolean() ? 1 : 0)
        .description("1 while the scheduler loop runs, else 0")
        .strongReference(true)
        .register(registry);
    schedules = new ScheduleGauge(scheduleStore, registry);
  }

  /** Counts an alert's fate; {@code result} is sent, failed, suppressed or dropped. */
  public void alert(String namespace, String condition, String result) {
    alerts.withTags("namespace", namespace, "condition", condition, "result", result).increment();
  }

  /** Every series in the Prometheus text format, the schedule counts read afresh. */
  public String scrape() {
    ScheduleGauge gauge = schedules;
    if (gauge != null) {
      gauge.refresh();
    }
    return registry.scrape();
  }
}
