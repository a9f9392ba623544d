package dev.chime.catalog;

import java.time.Instant;

/** The rules of SPEC §5 over each declared schedule. (Being written: see issue 4.) */
final class ScheduleRules {
  private ScheduleRules() {}

  static void check(Declarations declared, Instant now, Findings findings) {
    // Filled in by the lint rules of issue 4.
  }
}
