package dev.chime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.cron.DstGap;
import dev.chime.delivery.Backoff;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.Store;
import dev.chime.store.RunQuery;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * The real scheduler over the real pieces: an H2 store in a temporary folder, the real
 * dispatcher and backoff (seeded), and a recording receiver on loopback, with a fake clock that
 * tests move between passes. {@link #stepAt} is one pass of the loop at an instant, waiting
 * (on the real clock) until every attempt it started is recorded; nothing here sleeps.
 */
final class SchedulerFixture implements AutoCloseable {
  static final String NS = "billing";
  static final String SECRET = "chsec_scheduler-test-secret";

  final FakeClock clock;
  final Store store;
  final Dispatcher dispatcher;
  final Scheduler scheduler;
  final Receiver receiver = Receiver.start();

  SchedulerFixture(Path folder, String start) {
    this(folder, start, DeliveryConfig.DEFAULTS);
  }

  SchedulerFixture(Path folder, String start, DeliveryConfig delivery) {
    clock = FakeClock.at(start);
    store = JdbcStores.embedded(folder, StoreConfig.defaults(clock));
    dispatcher = new Dispatcher(delivery, clock, new LiveLogs(clock));
    scheduler = new Scheduler(store, dispatcher, new Backoff(new SplittableRandom(42)), clock,
        SchedulerConfig.defaults("test"), () -> UUID.randomUUID().toString());
    namespace(NS, receiver.url(""));
  }

  /** Creates a namespace whose callbacks go to {@code baseUrl}, signed with {@link #SECRET}. */
  void namespace(String name, URI baseUrl) {
    store.namespaces().create(
        new Namespace(name, baseUrl, Namespace.Environment.PRODUCTION, Map.of()), SECRET,
        "token-hash-of-" + name);
  }

  /** A base URL on loopback where nothing listens: connections to it are refused. */
  static URI closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void put(Schedule schedule) {
    scheduler.schedules().put(schedule);
  }

  /** Moves the clock to {@code instant} and runs one pass to its end. */
  void stepAt(String instant) {
    stepAt(Instant.parse(instant));
  }

  void stepAt(Instant instant) {
    clock.set(instant);
    step();
  }

  /** One pass at the current fake time; returns when its attempts are recorded. */
  void step() {
    scheduler.runOnce();
    assertThat(scheduler.awaitIdle(Duration.ofSeconds(10)))
        .as("attempts still in flight after 10 s").isTrue();
  }

  /** The schedule's runs, oldest fire first. */
  List<Run> runs(String schedule) {
    List<Run> runs = new ArrayList<>(
        store.runs().list(NS, new RunQuery(schedule, null, 500, null)).runs());
    return runs.reversed();
  }

  /** The schedule's only run; fails when there is not exactly one. */
  Run onlyRun(String schedule) {
    List<Run> runs = runs(schedule);
    assertThat(runs).as("runs of " + schedule).hasSize(1);
    return runs.getFirst();
  }

  Run run(String id) {
    return store.runs().find(id).orElseThrow(() -> new AssertionError("no run " + id));
  }

  List<Attempt> attempts(String runId) {
    return store.runs().attempts(runId);
  }

  /** The next request to reach the receiver (within 5 s). */
  Receiver.Request next() throws InterruptedException {
    return receiver.next();
  }

  /** Asserts that no request reached the receiver that the test has not taken yet. */
  void assertNothingSent() {
    assertThat(receiver.pending()).as("requests that reached the receiver")
        .extracting(r -> r.header("X-Schedule-Name") + " fired at " + r.header("X-Fired-At"))
        .isEmpty();
  }

  static Schedule schedule(String name, String cron) {
    return schedule(name, cron, "UTC", options().build());
  }

  static Schedule schedule(String name, String cron, Delivery delivery) {
    return schedule(name, cron, "UTC", delivery);
  }

  static Schedule schedule(String name, String cron, String zone, Delivery delivery) {
    return new Schedule(NS, name, TimingRule.cron(cron), "/internal/cron/" + name,
        ZoneId.of(zone), delivery, "", false);
  }

  static Options options() {
    return new Options();
  }

  /** Delivery options, starting from the defaults of SPEC §3. */
  static final class Options {
    private Duration timeout = Delivery.DEFAULTS.timeout();
    private RetryPolicy retry = Delivery.DEFAULTS.retry();
    private Delivery.Concurrency concurrency = Delivery.DEFAULTS.concurrency();
    private Delivery.Catchup catchup = Delivery.DEFAULTS.catchup();
    private Duration startingDeadline;
    private String payload;
    private List<String> chain = List.of();
    private Delivery.Completion completion = Delivery.DEFAULTS.completion();
    private Duration completionDeadline = Delivery.DEFAULTS.completionDeadline();
    private DstGap dstGap = Delivery.DEFAULTS.dstGap();

    Options timeoutMs(long millis) {
      timeout = Duration.ofMillis(millis);
      return this;
    }

    Options retry(int maxAttempts, Duration minBackoff, Duration maxBackoff) {
      retry = new RetryPolicy(maxAttempts, minBackoff, maxBackoff);
      return this;
    }

    Options concurrency(Delivery.Concurrency value) {
      concurrency = value;
      return this;
    }

    Options catchup(Delivery.Catchup value) {
      catchup = value;
      return this;
    }

    Options startingDeadline(Duration value) {
      startingDeadline = value;
      return this;
    }

    Options payload(String json) {
      payload = json;
      return this;
    }

    Options chain(String... names) {
      chain = List.of(names);
      return this;
    }

    Options callback(Duration deadline) {
      completion = Delivery.Completion.CALLBACK;
      completionDeadline = deadline;
      return this;
    }

    Options dstGap(DstGap value) {
      dstGap = value;
      return this;
    }

    Delivery build() {
      return new Delivery(timeout, retry, concurrency, catchup, startingDeadline, payload, chain,
          completion, completionDeadline, dstGap);
    }
  }

  @Override
  public void close() {
    scheduler.close();
    dispatcher.close();
    receiver.close();
    store.close();
  }
}
