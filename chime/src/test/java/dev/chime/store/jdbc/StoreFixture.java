package dev.chime.store.jdbc;

import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.Trigger;
import dev.chime.store.FirePlanner;
import dev.chime.store.NewRun;
import dev.chime.store.Store;
import dev.chime.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the contract tests share: the store under test, its clock, and ways to fill it. */
interface StoreFixture {

  /** The store of this test's database, opened before the test and closed after it. */
  Store store();

  /** Another store on the same database: a second replica. Closed after the test. */
  Store openAnother();

  FakeClock clock();

  /** A run id, unique in this test and increasing, so that ties sort predictably. */
  String newRunId();

  default Namespace namespace(String name) {
    Namespace namespace = Samples.namespace(name);
    store().namespaces().create(namespace, "secret-" + name, "token-hash-" + name);
    return namespace;
  }

  default Schedule schedule(String namespace, String name, Instant nextFireAt) {
    Schedule schedule = Samples.schedule(namespace, name);
    store().schedules().create(schedule, nextFireAt);
    return schedule;
  }

  /** A manual run of {@code namespace/schedule}, due at {@code due}, inserted at that instant. */
  default Run manualRun(String namespace, String schedule, Instant due) {
    NewRun run = new NewRun(newRunId(), namespace, schedule, Trigger.MANUAL, due,
        RunStatus.PENDING, "", due);
    return store().runs().insert(run, due);
  }

  /** A run for the fire the schedule is due at, sent at once. */
  default NewRun fireOf(Schedule schedule, Instant fireAt) {
    return new NewRun(newRunId(), schedule.namespace(), schedule.name(), Trigger.SCHEDULE,
        fireAt, RunStatus.PENDING, "", fireAt);
  }

  /** Plans each due fire as one run, and the next fire a minute later. */
  default FirePlanner everyMinute() {
    return (due, inFlight, now, horizon) -> new FirePlanner.Plan(
        List.of(fireOf(due.schedule(), due.nextFireAt())),
        due.nextFireAt().plus(Duration.ofMinutes(1)));
  }
}
