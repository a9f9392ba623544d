package dev.chime.bench;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * cron-utils with its {@code UNIX} definition: a reusable {@code CronParser}, then {@code
 * ExecutionTime.forCron(cron).nextExecution(ZonedDateTime)}.
 */
final class CronUtilsEngine implements CronEngine {
  private final String text;
  private final ZoneId zone;
  private final CronParser parser;
  private final ExecutionTime executionTime;
  private final ZonedDateTime[] starts;

  CronUtilsEngine(String posix, ZoneId zone, Instant[] starts) {
    this.text = posix;
    this.zone = zone;
    this.parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    this.executionTime = ExecutionTime.forCron(parser.parse(text));
    this.starts = new ZonedDateTime[starts.length];
    for (int i = 0; i < starts.length; i++) {
      this.starts[i] = starts[i].atZone(zone);
    }
  }

  @Override
  public Object parse() {
    return ExecutionTime.forCron(parser.parse(text));
  }

  @Override
  public Object next(int i) {
    return executionTime.nextExecution(starts[i]);
  }

  @Override
  public Optional<Instant> nextInstant(Instant after) {
    return executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
  }
}
