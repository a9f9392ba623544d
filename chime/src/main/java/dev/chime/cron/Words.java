package dev.chime.cron;

import java.time.ZoneId;

/** Plain-English descriptions of timings (SPEC §2.6). */
final class Words {
  private Words() {}

  static String describe(CronExpression cron, ZoneId zone) {
    throw new UnsupportedOperationException("Words: being written");
  }

  static String describe(Interval interval, ZoneId zone) {
    throw new UnsupportedOperationException("Words: being written");
  }
}
