package dev.chime.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects every problem of a value before throwing, so one answer names them all. */
final class Checks {
  private final List<Invalid.Problem> problems = new ArrayList<>();

  void add(String field, String message) {
    problems.add(new Invalid.Problem(field, message));
  }

  boolean required(String field, Object value) {
    if (value == null) {
      add(field, "is required");
      return false;
    }
    return true;
  }

  void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      add(field, "must be between " + min + " and " + max + ", was " + value);
    }
  }

  /** A duration in milliseconds within bounds; the message gives the bounds in words too. */
  void duration(String field, Duration value, Duration min, Duration max) {
    if (required(field, value) && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
      long was = value.toMillis();
      add(field, "must be between " + min.toMillis() + " (" + words(min.toMillis()) + ") and "
          + max.toMillis() + " (" + words(max.toMillis()) + "), was " + was
          + (was > 0 ? " (" + words(was) + ")" : ""));
    }
  }

  /** Milliseconds in words, in the largest unit reached: "1 second", "about 1.4 hours". */
  static String words(long millis) {
    long[] sizes = {86_400_000, 3_600_000, 60_000, 1000};
    String[] units = {"day", "hour", "minute", "second"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis >= sizes[i]) {
        long whole = millis / sizes[i];
        String unit = units[i] + (whole == 1 && millis % sizes[i] == 0 ? "" : "s");
        return millis % sizes[i] == 0 ? whole + " " + unit
            : String.format(Locale.ROOT, "about %.1f %s", millis / (double) sizes[i], unit);
      }
    }
    return millis + " ms";
  }

  void addAll(Invalid invalid) {
    problems.addAll(invalid.problems());
  }

  /** Runs a check that throws {@link Invalid}, keeping its problems with the others. */
  void run(Runnable check) {
    try {
      check.run();
    } catch (Invalid e) {
      problems.addAll(e.problems());
    }
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
  }
}
