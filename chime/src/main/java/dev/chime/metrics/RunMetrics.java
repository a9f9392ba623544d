package dev.chime.metrics;

import dev.chime.schedule.Run;
import dev.chime.scheduler.RunEvent;
import dev.chime.scheduler.RunObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts and times runs from their events. Quick enough for the scheduler's threads: a meter
 * lookup and an increment per event.
 */
final class RunMetrics implements RunObserver {
  // Buckets: lateness is milliseconds when all is well and minutes when a queue backs up;
  // attempts run from a quick 200 to an hour-long streamed job.
  private static final Duration[] LATENESS = seconds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
      0.5, 1, 2.5, 5, 10, 30, 60, 300);
  private static final Duration[] ATTEMPT = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
      60, 300, 1800, 3600);

  private final Meter.MeterProvider<Counter> fires;
  private final Meter.MeterProvider<Counter> runs;
  private final Meter.MeterProvider<Timer> lateness;
  private final Meter.MeterProvider<Timer> attempts;

  RunMetrics(MeterRegistry registry) {
    fires = Counter.builder("chime.fires")
        .description("Runs created: one per fire (missed and skipped included), manual run and"
            + " chain run")
        .withRegistry(registry);
    runs = Counter.builder("chime.runs")
        .description("Runs that reached a final status")
        .withRegistry(registry);
    lateness = Timer.builder("chime.lateness")
        .description("From a run's fire instant to the start of its first attempt")
        .serviceLevelObjectives(LATENESS)
        .withRegistry(registry);
    attempts = Timer.builder("chime.attempt.duration")
        .description("Each attempt, from connecting to the last byte of the response")
        .serviceLevelObjectives(ATTEMPT)
        .withRegistry(registry);
  }

  @Override
  public void observe(RunEvent event) {
    Run run = event.run();
    switch (event) {
      case RunEvent.Created created -> fires
          .withTags("namespace", run.namespace(), "trigger", run.trigger().id()).increment();
      case RunEvent.AttemptEnded ended -> {
        if (ended.attempt().number() == 1) {
          lateness.withTags("namespace", run.namespace())
              .record(Duration.between(run.fireAt(), ended.attempt().startedAt()));
        }
        if (ended.attempt().duration() != null) {
          attempts.withTags("namespace", run.namespace()).record(ended.attempt().duration());
        }
      }
      case RunEvent.Finished finished -> runs.withTags("namespace", run.namespace(),
          "schedule", run.schedule(), "status", run.status().id()).increment();
    }
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
    }
    return durations;
  }
}
