package dev.chime.cli;

import dev.chime.cron.Dialect;
import dev.chime.cron.Timing;
import dev.chime.cron.Zones;
import java.time.ZoneId;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The expression and how to read it, shared by {@code next} and {@code explain}. */
final class TimingOptions {
  @Parameters(index = "0", paramLabel = "EXPR", description = "A cron expression or @every 2h.")
  String expression;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "IANA timezone the expression is read in (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--dialect",
      paramLabel = "D",
      defaultValue = "posix",
      description = "posix, iso, quartz or aws (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = "--key",
      paramLabel = "NAMESPACE/NAME",
      defaultValue = "",
      description = "What H spreads by: the schedule's namespace and name.")
  String spreadKey;

  Timing timing() {
    return Timing.parse(expression, dialect, spreadKey);
  }

  ZoneId zoneId() {
    return Zones.of(zone);
  }
}
