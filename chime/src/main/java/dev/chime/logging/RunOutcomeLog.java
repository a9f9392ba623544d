package dev.chime.logging;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.scheduler.RunEvent;
import dev.chime.scheduler.RunObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per run outcome, on the logger {@value #LOGGER}: the run's id, namespace, schedule,
 * status, trigger, attempts and lateness, in words for people and as fields in the JSON format.
 * Failed, timed-out and missed runs are warnings; the rest information. No secret is in a run,
 * so none reaches a line.
 */
public final class RunOutcomeLog implements RunObserver {
  static final String LOGGER = "chime.runs";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final Function<String, List<Attempt>> attempts;

  /**
   * @param attempts a run's attempts, read only for a run whose first attempt this event does
   *     not carry (it was retried), to tell its lateness
   */
  public RunOutcomeLog(Function<String, List<Attempt>> attempts) {
    this.attempts = attempts;
  }

  @Override
  public void observe(RunEvent event) {
    if (!(event instanceof RunEvent.Finished finished)) {
      return;
    }
    Run run = finished.run();
    boolean warn = run.status() == RunStatus.FAILED || run.status() == RunStatus.TIMED_OUT
        || run.status() == RunStatus.MISSED;
    if (warn ? !LOG.isWarnEnabled() : !LOG.isInfoEnabled()) {
      return;
    }
    Optional<Duration> lateness = lateness(run, finished.lastAttempt());
    LoggingEventBuilder line = (warn ? LOG.atWarn() : LOG.atInfo())
        .addKeyValue("namespace", run.namespace())
        .addKeyValue("schedule", run.schedule())
        .addKeyValue("runId", run.id())
        .addKeyValue("status", run.status().id())
        .addKeyValue("trigger", run.trigger().id())
        .addKeyValue("attempts", run.attempts())
        .addKeyValue("fireAt", run.fireAt().toString());
    lateness.ifPresent(l -> line.addKeyValue("latenessMs", l.toMillis()));
    if (!run.reason().isEmpty()) {
      line.addKeyValue("reason", run.reason());
    }
    line.log(words(run, lateness));
  }

  /** "run 01J… of billing/sync failed after 3 attempts, 12 ms late (schedule): HTTP 503". */
  static String words(Run run, Optional<Duration> lateness) {
    StringBuilder words = new StringBuilder("run ").append(run.id()).append(" of ")
        .append(run.namespace()).append('/').append(run.schedule()).append(' ')
        .append(run.status().id());
    if (run.attempts() > 0) {
      words.append(" after ").append(run.attempts())
          .append(run.attempts() == 1 ? " attempt" : " attempts");
    }
    lateness.ifPresent(l -> words.append(", ").append(l.toMillis()).append(" ms late"));
    words.append(" (").append(run.trigger().id()).append(')');
    if (!run.reason().isEmpty()) {
      words.append(": ").append(run.reason());
    }
    return words.toString();
  }

  /** From the fire to the start of the first attempt; empty when there was none, or unknown. */
  private Optional<Duration> lateness(Run run, Attempt last) {
    if (run.attempts() == 0) {
      return Optional.empty();
    }
    if (last != null && last.number() == 1) {
      return Optional.of(Duration.between(run.fireAt(), last.startedAt()));
    }
    try {
      return attempts.apply(run.id()).stream().findFirst()
          .map(first -> Duration.between(run.fireAt(), first.startedAt()));
    } catch (RuntimeException e) {
      return Optional.empty(); // the store is down: the line goes out without it
    }
  }
}
