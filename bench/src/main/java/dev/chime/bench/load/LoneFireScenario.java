package dev.chime.bench.load;

import dev.chime.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Single fires, one at a time, each measured as receive time minus {@code X-Fired-At}.
 *
 * <p>Fires fall on whole minutes, so a few hundred on the real clock would take hours. Instead,
 * for each fire the harness moves its clock forward to a random 200-400 ms before the next whole
 * minute, creates through the API a schedule that fires at that minute once a year (which wakes
 * the scheduler, as any change does), and waits for the callback. The scheduler then does what it
 * does in production: it sleeps until the fire instant, wakes, claims the fire and delivers it.
 * The clock moves only between fires, while nothing is in flight, so from the fire instant to the
 * receipt it advances exactly as the system clock does: the lateness is real time. The receiver
 * and Chime read the same clock, so no clock skew enters.
 *
 * <p>The peer: after each fire, one request of the same shape from an idle JDK client
 * configured as Chime's, timed from building it to its arrival: the share of the lateness that
 * the HTTP exchange and this machine's scheduling take whatever the scheduler does.
 */
final class LoneFireScenario {
  record Settings(int fires, int warmUpFires) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String NAMESPACE = "lone";

  private final Settings settings;
  private final PrintStream out;

  LoneFireScenario(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run(Path data) throws Exception {
    ShiftedClock clock = new ShiftedClock();
    SplittableRandom random = new SplittableRandom(42);
    int total = settings.warmUpFires() + settings.fires();
    long[] lateness = new long[settings.fires()];
    long[] raw = new long[settings.fires()];
    try (FastReceiver receiver = new FastReceiver(clock)) {
      try (Store store = Service.openStore(data, clock)) {
        Service.createNamespace(store, NAMESPACE, receiver.baseUrl());
      }
      RawClient rawClient = new RawClient(clock, receiver);
      try (Service chime = Service.start(data, clock, 64, 16)) {
        // The first API call after a start takes some 300 ms (class loading, the JIT), longer
        // than the shortest lead: its fire would be missed, not measured.
        chime.wake(NAMESPACE);
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
          Instant fire = ShiftedClock.nextMinute(clock.instant());
          Duration lead = Duration.ofMillis(200 + random.nextInt(201));
          clock.jumpTo(fire.minus(lead));
          FastReceiver.Round round = receiver.expect(1);
          chime.postSchedule(NAMESPACE, "lone-" + LoadBench.scheduleName(i), Service.cronAt(fire));
          if (!round.await(lead.plus(TIMEOUT))) {
            throw new IllegalStateException("fire " + i + " at " + fire + " never arrived");
          }
          if (round.lastFiredAt() != FastReceiver.epochNanos(fire)) {
            throw new IllegalStateException("expected the fire of " + fire + ", got X-Fired-At "
                + Instant.ofEpochSecond(0, round.lastFiredAt()));
          }
          if (i >= settings.warmUpFires()) {
            lateness[i - settings.warmUpFires()] = round.lastArrival() - round.lastFiredAt();
          }
          awaitFinished(chime, round.lastRunId());
          // The peer: one request from an idle client of the same configuration, just after.
          long one = rawClient.one();
          if (i >= settings.warmUpFires()) {
            raw[i - settings.warmUpFires()] = one;
          }
        }
        Stats stats = Stats.of(lateness, lateness.length);
        Stats peer = Stats.of(raw, raw.length);
        out.printf("lone fires: %d measured after %d warm-up fires, in %.0f s%n",
            settings.fires(), settings.warmUpFires(), (System.nanoTime() - started) / 1e9);
        out.printf("  lateness (receive time - X-Fired-At): p50 %s ms, p90 %s ms, p99 %s ms,"
            + " max %s ms (target p99 < 10 ms)%n", Stats.ms(stats.p50()), Stats.ms(stats.p90()),
            Stats.ms(stats.p99()), Stats.ms(stats.max()));
        out.printf("  raw client, one request after each fire (send -> received): p50 %s ms, p90 %s"
            + " ms, p99 %s ms, max %s ms%n", Stats.ms(peer.p50()), Stats.ms(peer.p90()),
            Stats.ms(peer.p99()), Stats.ms(peer.max()));
      }
    }
  }

  /** Waits for the run to be recorded, so the clock never moves under a run in flight. */
  private static void awaitFinished(Service chime, String runId) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!chime.runStatus(runId).equals("succeeded")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("run " + runId + " not succeeded after " + TIMEOUT);
      }
      Thread.sleep(2);
    }
  }
}
