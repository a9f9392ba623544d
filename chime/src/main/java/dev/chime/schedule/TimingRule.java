package dev.chime.schedule;

import dev.chime.cron.CronParseException;
import dev.chime.cron.Dialect;
import dev.chime.cron.Interval;
import dev.chime.cron.Timing;

/**
 * A schedule's timing as declared: {@code cron} in a dialect, or {@code every}. Exactly one is
 * set; it is parsed when the value is made, so a schedule with a bad expression never exists.
 */
public record TimingRule(String cron, String every, Dialect dialect) {

  public TimingRule {
    dialect = dialect == null ? Dialect.POSIX : dialect;
    if ((cron == null) == (every == null)) {
      throw Invalid.of(cron == null ? "cron" : "every", "set exactly one of cron and every");
    }
    parse(cron, every, dialect, "");
  }

  public static TimingRule cron(String expression) {
    return new TimingRule(expression, null, Dialect.POSIX);
  }

  public static TimingRule every(String interval) {
    return new TimingRule(null, interval, Dialect.POSIX);
  }

  /** The parsed timing; {@code H} spreads by namespace and schedule name. */
  public Timing timing(String namespace, String schedule) {
    return parse(cron, every, dialect, namespace + "/" + schedule);
  }

  /** The value of {@code X-Cron-Expression}: the cron as declared, or {@code @every 2h}. */
  public String expression() {
    return cron != null ? cron : "@every " + every;
  }

  private static Timing parse(String cron, String every, Dialect dialect, String key) {
    try {
      return cron != null ? Timing.parse(cron, dialect, key) : Interval.parse(every);
    } catch (CronParseException e) {
      throw Invalid.of(cron != null ? "cron" : "every", e.getMessage());
    }
  }
}
