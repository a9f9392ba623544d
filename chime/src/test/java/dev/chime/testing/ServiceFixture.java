package dev.chime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.scheduler.Scheduler;
import dev.chime.scheduler.SchedulerConfig;
import dev.chime.store.RunQuery;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The real scheduler, store (H2 in a folder), dispatcher and a recording receiver on loopback,
 * on a fake clock, for the packages that watch it (metrics, alerts, logs): like the scheduler's
 * own fixture, a test moves the clock and steps the loop, and nothing sleeps.
 */
public final class ServiceFixture implements AutoCloseable {
  public static final String NS = "billing";
  public static final String SECRET = "chsec_service-fixture-secret";

  public final FakeClock clock;
  public final Store store;
  public final Dispatcher dispatcher;
  public final Scheduler scheduler;
  public final Receiver receiver = Receiver.start();

  /**
   * @param wrap what the store is seen through (the metrics' timing proxy), or the identity
   */
  public ServiceFixture(Path folder, String start, UnaryOperator<Store> wrap) {
    clock = FakeClock.at(start);
    store = wrap.apply(JdbcStores.embedded(folder, StoreConfig.defaults(clock)));
    dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, clock, new LiveLogs(clock));
    scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom(42)), clock,
        SchedulerConfig.defaults("test"), () -> UUID.randomUUID().toString());
    namespace(NS, receiver.url(""), null);
  }

  /** Creates a namespace whose callbacks go to {@code baseUrl}, signed with {@link #SECRET}. */
  public void namespace(String name, URI baseUrl, URI alertWebhook) {
    store.namespaces().create(new Namespace(name, baseUrl, Namespace.Environment.PRODUCTION,
        Map.of(), alertWebhook), SECRET, "token-hash-of-" + name);
  }

  /** A schedule of {@link #NS} calling {@code /internal/cron/{name}}, in UTC. */
  public static Schedule schedule(String name, String cron, Delivery delivery) {
    return new Schedule(NS, name, TimingRule.cron(cron), "/internal/cron/" + name,
        ZoneId.of("UTC"), delivery, "", false);
  }

  /** The default delivery with another catch-up policy. */
  public static Delivery catchup(Delivery.Catchup catchup) {
    Delivery d = Delivery.DEFAULTS;
    return new Delivery(d.timeout(), d.retry(), d.concurrency(), catchup, null, null, List.of(),
        d.completion(), d.completionDeadline(), d.dstGap());
  }

  public void put(Schedule schedule) {
    scheduler.schedules().put(schedule);
  }

  /** Moves the clock to {@code instant} and runs one pass, until its attempts are recorded. */
  public void stepAt(String instant) {
    clock.set(Instant.parse(instant));
    step();
  }

  /** One pass at the current fake time; returns when its attempts are recorded. */
  public void step() {
    scheduler.runOnce();
    assertThat(scheduler.awaitIdle(Duration.ofSeconds(10)))
        .as("attempts still in flight after 10 s").isTrue();
  }

  /** The schedule's runs in {@link #NS}, oldest fire first. */
  public List<Run> runs(String schedule) {
    List<Run> runs = new ArrayList<>(
        store.runs().list(NS, new RunQuery(schedule, null, 500, null)).runs());
    return runs.reversed();
  }

  @Override
  public void close() {
    scheduler.close();
    dispatcher.close();
    receiver.close();
    store.close();
  }
}
