package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.store.ScheduleStore.ScheduleCount;
import org.junit.jupiter.api.Test;

/** Counting schedules by namespace and state, for the {@code chime_schedules} gauge. */
interface ScheduleCountContract extends StoreFixture {

  @Test
  default void count_givesEachNamespaceItsEnabledAndPausedSchedules() {
    namespace("billing");
    namespace("audit");
    namespace("empty");
    schedule("billing", "a", Samples.T0);
    schedule("billing", "b", Samples.T0);
    schedule("billing", "c", Samples.T0);
    schedule("audit", "a", Samples.T0);
    store().schedules().setPaused("billing", "b", true, null);

    assertThat(store().schedules().count()).containsExactly(
        new ScheduleCount("audit", false, 1),
        new ScheduleCount("billing", false, 2),
        new ScheduleCount("billing", true, 1));
  }
}
