package dev.chime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.cron.CronExpression;
import dev.chime.cron.FireTime;
import dev.chime.cron.Timing;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chime explain}: an expression in plain English, with its next fires and gotchas. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Say in plain English when an expression fires.")
final class ExplainCommand implements Callable<Integer> {
  private static final int SHOWN = 3;
  private static final Duration DST_LOOKAHEAD = Duration.ofDays(366);

  @Mixin TimingOptions timing;

  @Mixin OutputFormat.Option output;

  @Spec CommandSpec spec;

  private final InstantSource clock;

  ExplainCommand(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var zone = timing.zoneId();
    Timing parsed = timing.timing();
    Instant now = clock.instant();
    String words = parsed.describe(zone);
    List<FireTime> next = parsed.in(zone).fireTimes(now).limit(SHOWN).toList();
    List<String> notes = notes(parsed, zone, now);
    var out = spec.commandLine().getOut();
    if (output.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("expression", parsed.expression());
      json.put("timezone", zone.getId());
      json.put("description", words);
      json.put("next", next.stream().map(FireTimeFormat::offset).toList());
      json.put("notes", notes);
      out.println(new ObjectMapper().writeValueAsString(json));
      return 0;
    }
    out.println(words);
    out.println("Next:");
    next.forEach(f -> out.println("  " + FireTimeFormat.line(f)));
    notes.forEach(n -> out.println("Note: " + n));
    return 0;
  }

  /** The surprises a reader should know about: the OR rule and daylight-saving moves. */
  private static List<String> notes(Timing timing, java.time.ZoneId zone, Instant now) {
    List<String> notes = new ArrayList<>();
    if (timing instanceof CronExpression cron && cron.matchesEitherDay()) {
      notes.add(
          "both day-of-month and day-of-week are set, so it fires when EITHER matches (cron's OR"
              + " rule), not only when both do");
    }
    Instant until = now.plus(DST_LOOKAHEAD);
    timing.in(zone).fireTimes(now)
        .takeWhile(f -> f.instant().isBefore(until))
        .filter(f -> f.adjustment() != FireTime.Adjustment.NONE)
        .limit(2)
        .forEach(f -> notes.add(f.scheduled().toLocalDate() + ": " + FireTimeFormat.note(f)));
    return notes;
  }
}
