package dev.chime.bench.load;

import dev.chime.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Many schedules due at the same instant, against a receiver that answers at once; beside it, in
 * the same JVM and against the same receiver, the raw client sending as many requests at the
 * same concurrency. Order: raw warm-up, raw run 1, a Chime warm-up burst, the measured burst,
 * raw run 2.
 *
 * <p>The schedules are loaded through the store before Chime starts (creating 10,000 through the
 * API would take longer than the burst and measure something else). Each fires once a year, at
 * the burst minute. The clock is then moved to 1.5 s before that minute and the scheduler woken
 * by an API change; from there it runs on its own: it sleeps until the minute, claims the due
 * fires, and delivers them under the limits on requests in flight.
 */
final class BurstScenario {
  record Settings(int schedules, int namespaces, int maxInFlight, int perNamespace,
      int warmUpSchedules, int rawWarmUp) {}

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Duration LEAD = Duration.ofMillis(1500);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Settings settings;
  private final PrintStream out;

  BurstScenario(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run(Path data) throws Exception {
    ShiftedClock clock = new ShiftedClock();
    List<String> namespaces = new ArrayList<>();
    for (int n = 0; n < settings.namespaces(); n++) {
      namespaces.add(String.format("ns-%02d", n));
    }
    Instant warmUpFire = ShiftedClock.nextMinute(clock.instant().plus(Duration.ofMinutes(5)));
    Instant fire = warmUpFire.plus(Duration.ofMinutes(10));
    try (FastReceiver receiver = new FastReceiver(clock)) {
      long loadStart = System.nanoTime();
      try (Store store = Service.openStore(data, clock)) {
        for (String ns : namespaces) {
          Service.createNamespace(store, ns, receiver.baseUrl());
        }
        load(store, namespaces, "warm", settings.warmUpSchedules(), warmUpFire, clock);
        load(store, namespaces, "burst", settings.schedules(), fire, clock);
      }
      out.printf("loaded %,d + %,d warm-up schedules in %d namespaces through the store in %.1f s%n",
          settings.schedules(), settings.warmUpSchedules(), namespaces.size(),
          (System.nanoTime() - loadStart) / 1e9);

      RawClient raw = new RawClient(clock, receiver);
      try (Service chime = Service.start(data, clock, settings.maxInFlight(),
          settings.perNamespace())) {
        raw.run(settings.rawWarmUp(), settings.maxInFlight(), TIMEOUT);
        RawClient.Result raw1 = raw.run(settings.schedules(), settings.maxInFlight(), TIMEOUT);
        out.printf("raw client, run 1: %s ms for %,d requests (%s)%n", Stats.ms(raw1.nanos()),
            settings.schedules(), raw1.lateness());

        Burst warmUp = burst(chime, receiver, clock, namespaces, warmUpFire,
            settings.warmUpSchedules());
        out.printf("Chime warm-up burst: %s ms for %,d fires%n", Stats.ms(warmUp.nanos()),
            settings.warmUpSchedules());

        Burst measured = burst(chime, receiver, clock, namespaces, fire, settings.schedules());
        RawClient.Result raw2 = raw.run(settings.schedules(), settings.maxInFlight(), TIMEOUT);
        out.printf("raw client, run 2: %s ms for %,d requests (%s)%n", Stats.ms(raw2.nanos()),
            settings.schedules(), raw2.lateness());
        out.printf("  %s%n", raw2.cpu());

        long rawMean = (raw1.nanos() + raw2.nanos()) / 2;
        out.println();
        out.printf("burst: %,d schedules in %d namespaces due at %s; maxInFlight %d,"
                + " maxInFlightPerNamespace %d%n", settings.schedules(), namespaces.size(),
            fire.atOffset(ZoneOffset.UTC), settings.maxInFlight(), settings.perNamespace());
        out.printf("  Chime: fire instant -> last callback received  %s ms%n",
            Stats.ms(measured.nanos()));
        out.printf("         fire instant -> first callback received %s ms%n",
            Stats.ms(measured.first()));
        out.printf("         fire instant -> every run recorded        %s ms (polled every 20 ms)%n",
            Stats.ms(measured.recorded()));
        out.printf("         lateness per callback: %s%n", measured.lateness());
        out.printf("         from 1.5 s before the fire to the last callback: %s%n", measured.cpu());
        out.printf("  raw client: first send -> last request received %s ms (run 1), %s ms"
            + " (run 2), mean %s ms; errors %d, %d%n", Stats.ms(raw1.nanos()),
            Stats.ms(raw2.nanos()), Stats.ms(rawMean), raw1.errors(), raw2.errors());
        out.printf("  ratio Chime / raw (mean of both runs): %.2fx (target <= 1.25x)%n",
            (double) measured.nanos() / rawMean);
      }
    }
  }

  private record Burst(long nanos, long first, long recorded, Stats lateness, String cpu) {}

  private Burst burst(Service chime, FastReceiver receiver, ShiftedClock clock,
      List<String> namespaces, Instant fire, int count) throws InterruptedException {
    FastReceiver.Round round = receiver.expect(count);
    clock.jumpTo(fire.minus(LEAD));
    CpuUse cpu = CpuUse.start();
    chime.wake(namespaces.getFirst());
    if (!round.await(LEAD.plus(TIMEOUT))) {
      throw new IllegalStateException("only " + round.count() + " of " + count
          + " callbacks arrived within " + TIMEOUT + " of " + fire);
    }
    long fired = FastReceiver.epochNanos(fire);
    String used = cpu.report(6);
    chime.awaitIdle(namespaces, TIMEOUT);
    long recorded = FastReceiver.epochNanos(clock.instant()) - fired;
    return new Burst(round.lastArrival() - fired, round.firstArrival() - fired, recorded,
        round.lateness(), used);
  }

  private static void load(Store store, List<String> namespaces, String prefix, int count,
      Instant fire, ShiftedClock clock) {
    String cron = Service.cronAt(fire);
    Instant now = clock.instant();
    for (int i = 0; i < count; i++) {
      String ns = namespaces.get(i % namespaces.size());
      Service.createSchedule(store, ns, prefix + "-" + LoadBench.scheduleName(i), cron,
          UTC, now);
    }
  }
}
