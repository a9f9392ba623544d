package dev.chime.catalog;

import dev.chime.schedule.Schedule;
import dev.chime.schedule.ScheduleSpec;
import java.util.List;

/**
 * What {@link CatalogLinter} found in one file, and the schedules it declares.
 *
 * @param findings in file order
 * @param schedules as declared, in file order; complete only when there are no errors
 */
public record LintResult(String file, List<Finding> findings, List<ScheduleSpec> schedules) {

  public LintResult {
    findings = List.copyOf(findings);
    schedules = List.copyOf(schedules);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  public long errors() {
    return findings.stream().filter(Finding::isError).count();
  }

  public long warnings() {
    return findings.size() - errors();
  }

  /**
   * The schedules in a namespace.
   *
   * @throws IllegalStateException when the file has errors: it declares nothing then
   */
  public List<Schedule> schedules(String namespace) {
    if (hasErrors()) {
      throw new IllegalStateException(file + " has " + errors() + " lint errors");
    }
    return schedules.stream().map(s -> s.toSchedule(namespace)).toList();
  }
}
