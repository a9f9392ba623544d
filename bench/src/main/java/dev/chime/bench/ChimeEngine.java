package dev.chime.bench;

import dev.chime.cron.CronExpression;
import dev.chime.cron.FireSchedule;
import dev.chime.cron.FireTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Chime: {@code CronExpression.parse(text).in(zone)}, then {@code next(Instant)}. */
final class ChimeEngine implements CronEngine {
  private final String text;
  private final ZoneId zone;
  private final FireSchedule schedule;
  private final Instant[] starts;

  ChimeEngine(String posix, ZoneId zone, Instant[] starts) {
    this.text = posix;
    this.zone = zone;
    this.schedule = CronExpression.parse(posix).in(zone);
    this.starts = starts.clone();
  }

  @Override
  public Object parse() {
    return CronExpression.parse(text).in(zone);
  }

  @Override
  public Object next(int i) {
    return schedule.next(starts[i]);
  }

  @Override
  public Optional<Instant> nextInstant(Instant after) {
    return schedule.next(after).map(FireTime::instant);
  }
}
