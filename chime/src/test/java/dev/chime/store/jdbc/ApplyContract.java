package dev.chime.store.jdbc;

import static dev.chime.store.StoredSchedule.Source.API;
import static dev.chime.store.StoredSchedule.Source.CATALOG;
import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.ApplyPlanner.Put;
import dev.chime.store.ApplyPlanner.Writes;
import dev.chime.store.Conflict;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Apply: a namespace's schedules created, replaced and deleted in one transaction, planned from
 * the rows it locked; what it writes becomes the catalog's.
 */
interface ApplyContract extends StoreFixture {
  Instant SOON = Instant.parse("2026-01-16T09:00:00Z");
  Instant LATER = Instant.parse("2026-01-16T10:05:00Z");
  Duration HOUR = Duration.ofHours(1);

  @Test
  default void apply_createsReplacesAndDeletes_markingWhatItWritesAsTheCatalogs() {
    namespace("billing");
    namespace("audit");
    schedule("billing", "sync", SOON);
    schedule("billing", "report", SOON);
    schedule("audit", "sync", SOON);
    clock().advance(HOUR);
    List<String> planned = new ArrayList<>();

    store().schedules().apply("billing", current -> {
      current.forEach(s -> planned.add(s.schedule().name() + " " + s.source().id()));
      return new Writes(List.of(new Put(edited(), LATER), new Put(export(), SOON)),
          List.of("report"));
    });

    assertThat(planned).containsExactly("report api", "sync api");
    assertThat(store().schedules().list("billing")).containsExactly(
        new StoredSchedule(export(), SOON, null, null, 1, T0.plus(HOUR), T0.plus(HOUR), CATALOG),
        new StoredSchedule(edited(), LATER, null, null, 2, T0, T0.plus(HOUR), CATALOG));
    assertThat(store().schedules().list("audit")).extracting(StoredSchedule::source)
        .containsExactly(API);
  }

  @Test
  default void apply_failingPartWay_leavesEveryScheduleAsItWas() {
    namespace("billing");
    schedule("billing", "sync", SOON);
    schedule("billing", "report", SOON);
    List<StoredSchedule> before = store().schedules().list("billing");
    clock().advance(HOUR);

    // The delete, the replace and the first create are made before the second create fails.
    assertThatThrownBy(() -> store().schedules().apply("billing", current -> new Writes(
        List.of(new Put(edited(), LATER), new Put(export(), SOON), new Put(export(), SOON)),
        List.of("report"))))
        .isInstanceOf(Conflict.class)
        .hasMessage("namespace \"billing\" already has a schedule named \"export\"");

    assertThat(store().schedules().list("billing")).isEqualTo(before);
  }

  @Test
  default void apply_aWriteIntoAnotherNamespace_isRefused_andChangesNothing() {
    namespace("billing");
    namespace("audit");
    schedule("billing", "sync", SOON);
    List<StoredSchedule> before = store().schedules().list("billing");

    assertThatThrownBy(() -> store().schedules().apply("billing", current -> new Writes(
        List.of(new Put(Samples.schedule("audit", "sync"), SOON)), List.of("sync"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apply to namespace \"billing\" cannot write schedule audit/sync");

    assertThat(store().schedules().list("billing")).isEqualTo(before);
    assertThat(store().schedules().list("audit")).isEmpty();
  }

  @Test
  default void apply_toANamespaceThatDoesNotExist_isRejectedNamingIt() {
    assertThatThrownBy(() -> store().schedules().apply("payroll", current -> Writes.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namespace \"payroll\" does not exist");
  }

  @Test
  default void apply_ofAnUnchangedSchedule_keepsItsVersion_andPutHandsItBackToTheApi() {
    namespace("billing");
    Schedule sync = Samples.schedule("billing", "sync");
    store().schedules().apply("billing", current -> new Writes(List.of(new Put(sync, SOON)),
        List.of()));
    clock().advance(HOUR);

    store().schedules().apply("billing", current -> new Writes(List.of(new Put(sync, LATER)),
        List.of()));
    assertThat(store().schedules().find("billing", "sync")).contains(
        new StoredSchedule(sync, LATER, null, null, 1, T0, T0, CATALOG));

    store().schedules().put(sync, LATER);
    assertThat(store().schedules().find("billing", "sync")).contains(
        new StoredSchedule(sync, LATER, null, null, 2, T0, T0.plus(HOUR), API));
  }

  @Test
  default void setPaused_keepsTheSource() {
    namespace("billing");
    store().schedules().apply("billing", current -> new Writes(
        List.of(new Put(Samples.schedule("billing", "sync"), SOON)), List.of()));

    store().schedules().setPaused("billing", "sync", true, null);

    StoredSchedule paused = store().schedules().find("billing", "sync").orElseThrow();
    assertThat(paused.schedule().paused()).isTrue();
    assertThat(paused.source()).isEqualTo(CATALOG);
  }

  private static Schedule edited() {
    return new Schedule("billing", "sync", TimingRule.cron("*/5 * * * *"),
        "/internal/cron/sync-v2", ZoneId.of("UTC"), null, "every five minutes", false);
  }

  private static Schedule export() {
    return Samples.schedule("billing", "export");
  }
}
