package dev.chime.api;

import dev.chime.catalog.Finding;
import dev.chime.catalog.Plan;
import java.util.List;

/**
 * The answer of apply: the plan as data and as the text {@code chime apply} prints, whether it
 * was written, and the file's warnings. Field values are as the schedule's JSON has them
 * (milliseconds, lower-case ids; {@code payload} as JSON text), null for none.
 */
final class ApplyJson {
  private ApplyJson() {}

  record Field(String field, Object value) {}

  record FieldChange(String field, Object before, Object after) {}

  /** A schedule to create: its timing in words and the fields it sets. */
  record Create(String name, String timezone, String explanation, List<Field> fields) {
    static Create of(Plan.Create c) {
      return new Create(c.schedule().name(), c.schedule().zone().getId(), c.explanation(),
          c.fields().stream().map(f -> new Field(f.name(), f.value())).toList());
    }
  }

  /** A schedule to change; the fires are listed when its timing changes, else empty. */
  record Change(String name, List<FieldChange> fields, List<Fires.Fire> firesBefore,
      List<Fires.Fire> firesAfter) {
    static Change of(Plan.Change c) {
      return new Change(c.name(),
          c.fields().stream().map(f -> new FieldChange(f.field(), f.before(), f.after()))
              .toList(),
          Fires.of(c.firesBefore()), Fires.of(c.firesAfter()));
    }
  }

  record Counts(int create, int change, int delete, int unchanged) {}

  /**
   * @param applied whether the plan was written: false on a dry run
   * @param unmanaged schedules made through the API that the file does not declare: left alone
   * @param prunable schedules a catalog wrote that the file no longer declares, kept without prune
   * @param keptPaused paused schedules that stay paused because the file does not set paused
   */
  record Result(String namespace, String file, boolean dryRun, boolean prune, boolean applied,
      Counts counts, List<Create> creates, List<Change> changes, List<String> deletes,
      List<String> unmanaged, List<String> prunable, List<String> keptPaused, String text,
      List<FindingJson> warnings) {

    static Result of(Plan plan, boolean dryRun, boolean prune, List<Finding> warnings) {
      return new Result(plan.namespace(), plan.file(), dryRun, prune, !dryRun,
          new Counts(plan.creates().size(), plan.changes().size(), plan.deletes().size(),
              plan.unchanged()),
          plan.creates().stream().map(Create::of).toList(),
          plan.changes().stream().map(Change::of).toList(),
          plan.deletes(), plan.unmanaged(), plan.prunable(), plan.keptPaused(), plan.text(),
          warnings.stream().map(FindingJson::of).toList());
    }
  }
}
