package dev.chime.store.jdbc;

import static dev.chime.store.StoredSchedule.Source.API;
import static dev.chime.store.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.cron.Dialect;
import dev.chime.cron.DstGap;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.Conflict;
import dev.chime.store.ScheduleStore;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules: the definition round-trips, names are unique, versions count real changes. */
interface ScheduleContract extends StoreFixture {
  Instant NEXT = Instant.parse("2026-01-16T09:00:00Z");

  @Test
  default void create_thenFind_keepsEveryFieldOfTheDefinition() {
    namespace("billing");
    Schedule quartz = new Schedule("billing", "nightly-sync",
        new TimingRule("0 0 2 ? * MON-FRI", null, Dialect.QUARTZ),
        "/internal/cron/nightly-sync?full=1", ZoneId.of("America/Denver"),
        new Delivery(Duration.ofMinutes(5),
            new RetryPolicy(5, Duration.ofMillis(250), Duration.ofMinutes(2)),
            Delivery.Concurrency.FORBID, Delivery.Catchup.ALL, Duration.ofMinutes(30),
            "{\"full\": true, \"note\": \"naïve ✓\"}", List.of("reindex", "notify"),
            Delivery.Completion.CALLBACK, Duration.ofHours(2), DstGap.SKIP),
        "Sync invoices — nightly", true);
    Schedule every = new Schedule("billing", "heartbeat", TimingRule.every("10m"),
        "/internal/cron/heartbeat", null, null, null, false);
    schedules().create(quartz, NEXT);
    schedules().create(every, null);

    assertThat(schedules().find("billing", "nightly-sync"))
        .contains(new StoredSchedule(quartz, NEXT, null, null, 1, T0, T0, API));
    assertThat(schedules().find("billing", "heartbeat"))
        .contains(new StoredSchedule(every, null, null, null, 1, T0, T0, API));
    assertThat(schedules().find("billing", "missing")).isEmpty();
  }

  @Test
  default void create_aNameTakenInTheNamespace_isAConflict_butOtherNamespacesMayUseIt() {
    namespace("billing");
    namespace("audit");
    schedule("billing", "sync", NEXT);

    assertThatThrownBy(() -> schedules().create(Samples.schedule("billing", "sync"), T0))
        .isInstanceOf(Conflict.class)
        .hasMessage("namespace \"billing\" already has a schedule named \"sync\"");
    schedules().create(Samples.schedule("audit", "sync"), T0);
    assertThat(schedules().find("billing", "sync").orElseThrow().nextFireAt()).isEqualTo(NEXT);
  }

  @Test
  default void create_inANamespaceThatDoesNotExist_isRejectedNamingIt() {
    assertThatThrownBy(() -> schedules().create(Samples.schedule("payroll", "sync"), NEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namespace \"payroll\" does not exist");
    assertThatThrownBy(() -> schedules().put(Samples.schedule("payroll", "sync"), NEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namespace \"payroll\" does not exist");
  }

  @Test
  default void put_createsThenReplaces_raisingTheVersionOnlyWhenTheDefinitionChanges() {
    namespace("billing");
    Schedule sync = Samples.schedule("billing", "sync");
    assertThat(schedules().put(sync, NEXT)).isTrue();

    clock().advance(Duration.ofHours(1));
    Instant later = NEXT.plus(Duration.ofMinutes(1));
    assertThat(schedules().put(sync, later)).isFalse();
    assertThat(schedules().find("billing", "sync"))
        .contains(new StoredSchedule(sync, later, null, null, 1, T0, T0, API));

    clock().advance(Duration.ofHours(1));
    Schedule edited = new Schedule("billing", "sync", TimingRule.cron("*/5 * * * *"),
        "/internal/cron/sync-v2", ZoneId.of("UTC"), null, "every five minutes", false);
    assertThat(schedules().put(edited, NEXT)).isFalse();
    assertThat(schedules().find("billing", "sync")).contains(
        new StoredSchedule(edited, NEXT, null, null, 2, T0, T0.plus(Duration.ofHours(2)), API));
  }

  @Test
  default void list_givesTheNamespaceSchedulesByName() {
    namespace("billing");
    namespace("audit");
    schedule("billing", "zeta", NEXT);
    schedule("billing", "alpha", NEXT);
    schedule("audit", "beta", NEXT);

    assertThat(schedules().list("billing")).extracting(s -> s.schedule().name())
        .containsExactly("alpha", "zeta");
    assertThat(schedules().list("payroll")).isEmpty();
  }

  @Test
  default void delete_removesTheSchedule_andKeepsItsRuns() {
    namespace("billing");
    schedule("billing", "sync", NEXT);
    String runId = manualRun("billing", "sync", T0).id();

    assertThat(schedules().delete("billing", "sync")).isTrue();
    assertThat(schedules().find("billing", "sync")).isEmpty();
    assertThat(store().runs().find(runId)).isPresent();
    assertThat(schedules().delete("billing", "sync")).isFalse();
  }

  @Test
  default void setPaused_pausesAndResumes_settingTheNextFire() {
    namespace("billing");
    Schedule sync = schedule("billing", "sync", NEXT);
    clock().advance(Duration.ofMinutes(1));

    assertThat(schedules().setPaused("billing", "sync", true, null)).isTrue();
    assertThat(schedules().find("billing", "sync")).contains(new StoredSchedule(
        sync.withPaused(true), null, null, null, 2, T0, T0.plus(Duration.ofMinutes(1)), API));

    assertThat(schedules().setPaused("billing", "sync", true, null)).isTrue();
    assertThat(schedules().find("billing", "sync").orElseThrow().version()).isEqualTo(2);

    assertThat(schedules().setPaused("billing", "sync", false, NEXT)).isTrue();
    StoredSchedule resumed = schedules().find("billing", "sync").orElseThrow();
    assertThat(resumed.schedule()).isEqualTo(sync);
    assertThat(resumed.nextFireAt()).isEqualTo(NEXT);
    assertThat(resumed.version()).isEqualTo(3);

    assertThat(schedules().setPaused("billing", "missing", true, null)).isFalse();
  }

  @Test
  default void earliestNextFire_ignoresPausedSchedulesAndSchedulesWithoutFires() {
    assertThat(schedules().earliestNextFire()).isEmpty();
    namespace("billing");
    schedule("billing", "later", NEXT.plus(Duration.ofHours(1)));
    schedule("billing", "soon", NEXT);
    schedule("billing", "ended", null);
    schedules().create(Samples.schedule("billing", "paused").withPaused(true), T0);

    assertThat(schedules().earliestNextFire()).contains(NEXT);
  }

  private ScheduleStore schedules() {
    return store().schedules();
  }
}
