package dev.chime.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * Spring Framework: {@code CronExpression.parse("0 " + text)}, zone-free, then {@code
 * next(ZonedDateTime)} with the start already in the zone.
 */
final class SpringEngine implements CronEngine {
  private final String text;
  private final ZoneId zone;
  private final CronExpression expression;
  private final ZonedDateTime[] starts;

  SpringEngine(String posix, ZoneId zone, Instant[] starts) {
    this.text = PeerSyntax.spring(posix);
    this.zone = zone;
    this.expression = CronExpression.parse(text);
    this.starts = new ZonedDateTime[starts.length];
    for (int i = 0; i < starts.length; i++) {
      this.starts[i] = starts[i].atZone(zone);
    }
  }

  @Override
  public Object parse() {
    return CronExpression.parse(text);
  }

  @Override
  public Object next(int i) {
    return expression.next(starts[i]);
  }

  @Override
  public Optional<Instant> nextInstant(Instant after) {
    return Optional.ofNullable(expression.next(after.atZone(zone))).map(ZonedDateTime::toInstant);
  }
}
