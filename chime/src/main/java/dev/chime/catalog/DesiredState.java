package dev.chime.catalog;

import dev.chime.schedule.Invalid;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a catalog file asks a namespace to hold: its schedules, as {@code apply} compares them
 * with the store.
 *
 * @param file the file's name, as plans and messages show it
 * @param schedules in file order
 */
public record DesiredState(String file, String namespace, List<Declared> schedules) {

  public DesiredState {
    schedules = List.copyOf(schedules);
  }

  /**
   * One schedule of the file.
   *
   * @param setsPaused whether the file says {@code paused}; when it does not, apply keeps what
   *     the store holds, so a file never resumes a schedule an operator paused
   */
  public record Declared(Schedule schedule, boolean setsPaused) {}

  /**
   * The schedules of a file the linter passed. The rules should catch whatever a schedule
   * refuses; whatever they miss is still refused here, before anything is written, naming the
   * entry and field, as is a file that declares no schedule at all (applying the wrong file
   * with prune would otherwise delete every schedule the catalog wrote).
   *
   * @throws Invalid naming {@code spec.schedules[i].field} for each problem
   * @throws IllegalStateException when the lint result has errors
   */
  public static DesiredState of(LintResult lint, String namespace) {
    if (lint.hasErrors()) {
      throw new IllegalStateException(lint.file() + " has lint errors; it cannot be applied");
    }
    List<Declared> declared = new ArrayList<>();
    List<Invalid.Problem> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ScheduleSpec> specs = lint.schedules();
    for (int i = 0; i < specs.size(); i++) {
      String at = "spec.schedules[" + i + "]";
      ScheduleSpec spec = specs.get(i);
      try {
        Schedule schedule = spec.toSchedule(namespace);
        if (!names.add(schedule.name())) {
          problems.add(new Invalid.Problem(at + ".name", "`" + schedule.name()
              + "` is declared twice; schedule names are unique in a namespace"));
        }
        declared.add(new Declared(schedule, spec.paused() != null));
      } catch (Invalid e) {
        e.problems().forEach(p -> problems.add(new Invalid.Problem(at + "." + p.field(),
            p.message())));
      }
    }
    if (specs.isEmpty()) {
      problems.add(new Invalid.Problem("spec.schedules", "the file declares no schedules;"
          + " apply needs at least one (delete schedules through the API instead)"));
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new DesiredState(lint.file(), namespace, declared);
  }
}
