package dev.chime.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  void duration(String field, Duration value, Duration min, Duration max) {
    if (required(field, value)) {
      range(field, value.toMillis(), min.toMillis(), max.toMillis());
    }
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
