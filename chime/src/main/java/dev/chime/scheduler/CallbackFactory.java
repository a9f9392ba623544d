package dev.chime.scheduler;

import dev.chime.delivery.Callback;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import dev.chime.store.ClaimedRun;
import dev.chime.store.Store;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a claimed run into the HTTP callback of SPEC §3. */
final class CallbackFactory {

  /** Where and how a run's schedule is delivered. */
  record Target(Schedule schedule, Namespace namespace, String secret) {}

  private final Store store;

  CallbackFactory(Store store) {
    this.store = store;
  }

  /**
   * Targets for one scheduler pass: each namespace and its secret are read once per pass, not
   * once per run (a burst starts up to a hundred runs of a namespace in a pass). A change to a
   * namespace applies from the next pass. Not thread-safe; one pass uses it.
   */
  Lookup lookup() {
    return new Lookup();
  }

  final class Lookup {
    private record Tenant(Namespace namespace, String secret) {}

    private final Map<String, Optional<Tenant>> tenants = new HashMap<>();

    private Lookup() {}

    /** The run's schedule, namespace and signing secret, unless one has been deleted. */
    Optional<Target> target(Run run) {
      return store.schedules().find(run.namespace(), run.schedule())
          .flatMap(schedule -> target(schedule.schedule()));
    }

    /** The schedule's namespace and signing secret, unless the namespace has been deleted. */
    Optional<Target> target(Schedule schedule) {
      return tenants.computeIfAbsent(schedule.namespace(), this::tenant)
          .map(tenant -> new Target(schedule, tenant.namespace(), tenant.secret()));
    }

    private Optional<Tenant> tenant(String namespace) {
      return store.namespaces().find(namespace)
          .flatMap(ns -> store.namespaces().signingSecret(ns.name())
              .map(secret -> new Tenant(ns, secret)));
    }
  }

  Callback callback(ClaimedRun claim, Target target) {
    Run run = claim.run();
    Schedule schedule = target.schedule();
    Delivery delivery = schedule.delivery();
    return new Callback(
        run.namespace(),
        URI.create(target.namespace().baseUrl() + schedule.endpoint()),
        schedule.name(),
        schedule.timing().expression(),
        run.fireAt(),
        run.id(),
        claim.attempt(),
        run.trigger(),
        delivery.payload(),
        target.namespace().headers(),
        target.secret(),
        delivery.timeout(),
        delivery.completion() == Delivery.Completion.CALLBACK);
  }
}
