package dev.chime.bench;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Quartz: {@code new CronExpression(text)} with {@code setTimeZone}, then {@code
 * getNextValidTimeAfter(Date)}.
 *
 * <p>Quartz cannot restrict both day fields, so an expression that posix reads as "this day of
 * the month or this weekday" becomes two Quartz expressions, and the next fire is the earlier of
 * theirs: what a Quartz user does with two triggers. Both parses and both searches are measured.
 */
final class QuartzEngine implements CronEngine {
  private final List<String> texts;
  private final TimeZone timeZone;
  private final CronExpression[] expressions;
  private final Date[] starts;

  QuartzEngine(String posix, ZoneId zone, Instant[] starts) {
    this.texts = PeerSyntax.quartz(posix);
    this.timeZone = TimeZone.getTimeZone(zone);
    this.expressions = parseAll();
    this.starts = new Date[starts.length];
    for (int i = 0; i < starts.length; i++) {
      this.starts[i] = Date.from(starts[i]);
    }
  }

  @Override
  public Object parse() {
    return parseAll();
  }

  private CronExpression[] parseAll() {
    CronExpression[] parsed = new CronExpression[texts.size()];
    for (int i = 0; i < parsed.length; i++) {
      try {
        parsed[i] = new CronExpression(texts.get(i));
      } catch (ParseException e) {
        throw new IllegalArgumentException("quartz rejects \"" + texts.get(i) + "\"", e);
      }
      parsed[i].setTimeZone(timeZone);
    }
    return parsed;
  }

  @Override
  public Object next(int i) {
    return nextAfter(starts[i]);
  }

  private Date nextAfter(Date after) {
    Date earliest = null;
    for (CronExpression expression : expressions) {
      Date next = expression.getNextValidTimeAfter(after);
      if (next != null && (earliest == null || next.before(earliest))) {
        earliest = next;
      }
    }
    return earliest;
  }

  @Override
  public Optional<Instant> nextInstant(Instant after) {
    return Optional.ofNullable(nextAfter(Date.from(after))).map(Date::toInstant);
  }
}
