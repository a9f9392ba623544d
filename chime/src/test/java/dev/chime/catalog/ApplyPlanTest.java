package dev.chime.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Invalid;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.ScheduleSpec;
import dev.chime.store.StoredSchedule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans made from a file's schedules and the stored ones, asserted as the text {@code chime
 * apply} prints; and what apply refuses before planning.
 */
class ApplyPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-22T16:15:00Z");
  private static final String FILE = "catalog-info.yaml";

  @Test
  void aChange_listsEveryFieldThatChanges_inFileOrder_withValuesAsWritten() {
    StoredSchedule stored = stored(spec("sync", "0 * * * *", null, null, null, null));
    Schedule wanted = spec("sync", null, "2h", 60000L, "{\"full\":true}",
        List.of("notify", "reindex")).toSchedule("billing");

    Plan plan = Plan.of(desired(wanted), List.of(stored), false, NOW);

    assertThat(plan.text()).isEqualTo("""
        Chime will change namespace billing to match catalog-info.yaml:

          ~ sync
              cron:                  "0 * * * *" → none
              every:                 none → 2h
              timeoutMs:             30000 → 60000
              payload:               none → {"full":true}
              chain:                 [] → [notify, reindex]
              completionDeadlineMs:  300000 → 600000
              next fires before: 2026-11-22T17:00:00Z, 2026-11-22T18:00:00Z, 2026-11-22T19:00:00Z
              next fires after:  2026-11-22T18:00:00Z, 2026-11-22T20:00:00Z, 2026-11-22T22:00:00Z

        Plan: 0 to create, 1 to change, 0 to delete; 0 unchanged.""");
  }

  @Test
  void anEmptyPlan_saysTheNamespaceMatches() {
    Schedule sync = spec("sync", "0 * * * *", null, null, null, null).toSchedule("billing");

    Plan plan = Plan.of(desired(sync), List.of(stored(sync)), true, NOW);

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.text())
        .isEqualTo("No changes. Namespace billing matches catalog-info.yaml (1 schedule).");
  }

  @Test
  void desiredState_refusesSchedulesTheLinterLetThrough_namingTheEntryAndField() {
    LintResult lint = new LintResult(FILE, List.of(), List.of(
        spec("sync", "0 2 * * *", null, null, null, null),
        spec("report", "0 0 * * 8", null, null, null, null),
        spec("sync", "0 3 * * *", null, null, null, null)));

    assertThatThrownBy(() -> DesiredState.of(lint, "billing"))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems())
            .extracting(Invalid.Problem::field)
            .containsExactly("spec.schedules[1].cron", "spec.schedules[2].name"))
        .hasMessageContaining("spec.schedules[2].name: `sync` is declared twice; schedule"
            + " names are unique in a namespace");
  }

  @Test
  void desiredState_ofAFileWithoutSchedules_isRefused_soPruneCannotEmptyANamespace() {
    LintResult lint = new LintResult(FILE, List.of(), List.of());

    assertThatThrownBy(() -> DesiredState.of(lint, "billing"))
        .isInstanceOf(Invalid.class)
        .hasMessage("spec.schedules: the file declares no schedules; apply needs at least one"
            + " (delete schedules through the API instead)");
  }

  private static ScheduleSpec spec(String name, String cron, String every, Long timeoutMs,
      String payload, List<String> chain) {
    return new ScheduleSpec(name, cron, every, null, "/internal/cron/" + name, null, null, null,
        timeoutMs, null, null, null, null, null, null, payload, chain, null, null, null);
  }

  private static StoredSchedule stored(ScheduleSpec spec) {
    return stored(spec.toSchedule("billing"));
  }

  private static StoredSchedule stored(Schedule schedule) {
    return new StoredSchedule(schedule, null, null, null, 1, NOW, NOW,
        StoredSchedule.Source.CATALOG);
  }

  private static DesiredState desired(Schedule schedule) {
    return new DesiredState(FILE, "billing", List.of(new DesiredState.Declared(schedule, false)));
  }
}
