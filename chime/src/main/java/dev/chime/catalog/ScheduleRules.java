package dev.chime.catalog;

import java.time.Instant;

/**
 * The rules of SPEC §5 over the schedules a file declares. Each field is reported once, by the
 * most specific rule: a missing or mistyped field is not checked again, and the server's own
 * checks ({@link OptionRules}) run last, for whatever no rule before them has claimed.
 */
final class ScheduleRules {
  private ScheduleRules() {}

  /** @param now daylight-saving warnings look at the year after it */
  static void check(Declarations declared, Instant now, Findings findings) {
    FileRules.duplicateNames(declared.schedules(), findings);
    FileRules.Chains chains = new FileRules.Chains(declared.schedules());
    ZoneNames zones = new ZoneNames();
    for (DeclaredSchedule schedule : declared.schedules()) {
      FieldFindings found = new FieldFindings(schedule, findings);
      RequiredRules.check(found);
      TimingRules.check(found, zones, now);
      EndpointRules.check(found, declared.routes());
      OptionRules.check(found);
      chains.check(found);
    }
  }
}
