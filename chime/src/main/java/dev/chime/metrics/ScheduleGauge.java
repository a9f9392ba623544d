package dev.chime.metrics;

import dev.chime.store.ScheduleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chime_schedules{namespace,state}}, counted in the store at each scrape (one aggregate
 * query), so that a namespace emptied since drops out and every replica shows the same numbers.
 */
final class ScheduleGauge {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleGauge.class);

  private final ScheduleStore schedules;
  private final MultiGauge gauge;

  ScheduleGauge(ScheduleStore schedules, MeterRegistry registry) {
    this.schedules = schedules;
    this.gauge = MultiGauge.builder("chime.schedules")
        .description("Schedules by namespace and state (enabled, paused)")
        .register(registry);
  }

  /** Reads the counts again; when the store fails, the last counts stay and the scrape goes on. */
  void refresh() {
    try {
      gauge.register(schedules.count().stream()
          .map(c -> MultiGauge.Row.of(Tags.of("namespace", c.namespace(),
              "state", c.paused() ? "paused" : "enabled"), c.schedules()))
          .toList(), true);
    } catch (RuntimeException e) {
      LOG.warn("metrics: could not count the schedules", e);
    }
  }
}
