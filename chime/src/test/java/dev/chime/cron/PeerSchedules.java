package dev.chime.cron;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The next fire instants of an expression according to other cron libraries, behind one shape so
 * the differential tests can compare them with Chime's. Each method answers up to {@code n}
 * instants strictly after {@code from} and throws when the library rejects the expression.
 */
final class PeerSchedules {
  private static final CronParser CRON_UTILS_UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser CRON_UTILS_QUARTZ =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  /** JobRunr asks when a recurring job was created; any time before the start will do. */
  private static final Instant JOBRUNR_CREATED = Instant.parse("2000-01-01T00:00:00Z");

  private PeerSchedules() {}

  /** Chime's own fires, for symmetry. */
  static List<Instant> chime(String expression, Dialect dialect, ZoneId zone, Instant from, int n) {
    return CronExpression.parse(expression, dialect)
        .in(zone)
        .fireTimes(from)
        .limit(n)
        .map(FireTime::instant)
        .toList();
  }

  /** Spring's {@code CronExpression}: six fields with seconds first. */
  static List<Instant> spring(String sixFields, ZoneId zone, Instant from, int n) {
    var cron = org.springframework.scheduling.support.CronExpression.parse(sixFields);
    List<Instant> fires = new ArrayList<>();
    ZonedDateTime t = from.atZone(zone);
    while (fires.size() < n && (t = cron.next(t)) != null) {
      fires.add(t.toInstant());
    }
    return fires;
  }

  /** cron-utils with its UNIX definition (five fields). */
  static List<Instant> cronUtilsUnix(String expression, ZoneId zone, Instant from, int n) {
    return cronUtils(CRON_UTILS_UNIX, expression, zone, from, n);
  }

  /** cron-utils with its QUARTZ definition. */
  static List<Instant> cronUtilsQuartz(String expression, ZoneId zone, Instant from, int n) {
    return cronUtils(CRON_UTILS_QUARTZ, expression, zone, from, n);
  }

  private static List<Instant> cronUtils(
      CronParser parser, String expression, ZoneId zone, Instant from, int n) {
    ExecutionTime execution = ExecutionTime.forCron(parser.parse(expression));
    List<Instant> fires = new ArrayList<>();
    ZonedDateTime t = from.atZone(zone);
    while (fires.size() < n) {
      Optional<ZonedDateTime> next = execution.nextExecution(t);
      if (next.isEmpty()) {
        break;
      }
      t = next.get();
      fires.add(t.toInstant());
    }
    return fires;
  }

  /** JobRunr's {@code CronExpression}: five fields, day of week 0-6. */
  static List<Instant> jobRunr(String expression, ZoneId zone, Instant from, int n) {
    var cron = org.jobrunr.scheduling.cron.CronExpression.create(expression);
    List<Instant> fires = new ArrayList<>();
    Instant t = from;
    while (fires.size() < n) {
      t = cron.next(JOBRUNR_CREATED, t, zone);
      fires.add(t);
    }
    return fires;
  }

  /** Quartz's {@code CronExpression}: six or seven fields, day of week 1-7 = SUN-SAT. */
  static List<Instant> quartz(String expression, ZoneId zone, Instant from, int n) {
    org.quartz.CronExpression cron;
    try {
      cron = new org.quartz.CronExpression(expression);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
    cron.setTimeZone(TimeZone.getTimeZone(zone));
    List<Instant> fires = new ArrayList<>();
    Date t = Date.from(from);
    while (fires.size() < n && (t = cron.getNextValidTimeAfter(t)) != null) {
      fires.add(t.toInstant());
    }
    return fires;
  }
}
