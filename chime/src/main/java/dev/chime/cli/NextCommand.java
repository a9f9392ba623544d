package dev.chime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.cron.FireTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chime next}: the coming fire times of an expression. */
@Command(
    name = "next",
    mixinStandardHelpOptions = true,
    description = "Print the next fire times of an expression, strictly after --from.")
final class NextCommand implements Callable<Integer> {
  private static final int MAX_COUNT = 1000;

  @Mixin TimingOptions timing;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Start (exclusive): 2026-03-08T00:00:00Z, an offset date-time, or a local"
          + " date-time or date in --tz. Default: now.")
  String from;

  @Option(names = "-n", paramLabel = "COUNT", defaultValue = "10", description = "How many.")
  int count;

  @Mixin OutputFormat.Option output;

  @Spec CommandSpec spec;

  private final InstantSource clock;

  NextCommand(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("-n must be between 1 and " + MAX_COUNT + ", was " + count);
    }
    var zone = timing.zoneId();
    Instant start = from == null ? clock.instant() : Instants.parse(from, zone, "--from");
    List<FireTime> fires = timing.timing().in(zone).fireTimes(start).limit(count).toList();
    var out = spec.commandLine().getOut();
    if (output.json()) {
      out.println(new ObjectMapper().writeValueAsString(
          fires.stream().map(FireTimeFormat::offset).toList()));
    } else {
      fires.forEach(f -> out.println(FireTimeFormat.line(f)));
    }
    return 0;
  }
}
