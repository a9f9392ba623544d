package dev.chime.scheduler;

import dev.chime.catalog.DesiredState;
import dev.chime.catalog.Plan;
import dev.chime.store.ApplyPlanner;
import dev.chime.store.StoredSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes of a catalog apply, planned inside the store's transaction from the rows it locked.
 * Remembers the plan it made, which is then exactly what was written.
 */
final class CatalogWrites implements ApplyPlanner {
  private final DesiredState desired;
  private final boolean prune;
  private final Instant now;
  private Plan plan;

  CatalogWrites(DesiredState desired, boolean prune, Instant now) {
    this.desired = desired;
    this.prune = prune;
    this.now = now;
  }

  @Override
  public Writes plan(List<StoredSchedule> current) {
    plan = Plan.of(desired, current, prune, now);
    List<Put> puts = new ArrayList<>();
    for (Plan.Create create : plan.creates()) {
      puts.add(new Put(create.schedule(), ScheduleService.nextFire(create.schedule(), now)));
    }
    for (Plan.Change change : plan.changes()) {
      puts.add(new Put(change.after(),
          ScheduleService.nextFire(Optional.of(change.before()), change.after(), now)));
    }
    return new Writes(puts, plan.deletes());
  }

  /** The plan it made; only after the store called {@link #plan(List)}. */
  Plan planned() {
    if (plan == null) {
      throw new IllegalStateException("the store has not planned the apply");
    }
    return plan;
  }
}
