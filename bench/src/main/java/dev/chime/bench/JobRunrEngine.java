package dev.chime.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jobrunr.scheduling.cron.CronExpression;

/**
 * JobRunr: {@code CronExpression.create(text)}, zone-free, then {@code next(createdAt, current,
 * zone)}. Its cron expressions ignore {@code createdAt} (only interval schedules use it), so the
 * start is passed for both.
 */
final class JobRunrEngine implements CronEngine {
  private final String text;
  private final ZoneId zone;
  private final CronExpression expression;
  private final Instant[] starts;

  JobRunrEngine(String posix, ZoneId zone, Instant[] starts) {
    this.text = posix;
    this.zone = zone;
    this.expression = CronExpression.create(text);
    this.starts = starts.clone();
  }

  @Override
  public Object parse() {
    return CronExpression.create(text);
  }

  @Override
  public Object next(int i) {
    Instant start = starts[i];
    return expression.next(start, start, zone);
  }

  @Override
  public Optional<Instant> nextInstant(Instant after) {
    return Optional.ofNullable(expression.next(after, after, zone));
  }
}
