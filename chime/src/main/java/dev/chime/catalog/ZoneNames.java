package dev.chime.catalog;

import dev.chime.cron.Zones;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The timezones a file names, each judged once. Guessing what a misspelt name meant compares it
 * with every zone, so a file that repeats one mistake pays once, and a file of many different
 * mistakes gets guesses for the first {@value #GUESSES} only: its first findings are the ones
 * read, and a linter must answer quickly whatever it is given.
 */
final class ZoneNames {
  static final int GUESSES = 20;

  /** A zone, or the message saying why the name is none. */
  record Judged(ZoneId zone, String problem) {}

  private final Map<String, Judged> judged = new HashMap<>();
  private int guesses;

  Judged judge(String name) {
    return judged.computeIfAbsent(name, this::judgeOnce);
  }

  private Judged judgeOnce(String name) {
    if (name.isBlank()) {
      return new Judged(null, "`timezone` is empty; write an IANA name such as UTC or"
          + " America/Denver");
    }
    if (Zones.isKnown(name)) {
      return new Judged(Zones.of(name), null);
    }
    String guess = guesses++ < GUESSES ? Zones.closest(name) : null;
    return new Judged(null, "unknown timezone " + Echo.code(name) + (guess != null
        ? "; did you mean `" + guess + "`?"
        : "; use an IANA name such as UTC, Europe/Stockholm or America/Denver"));
  }
}
