package dev.chime.bench.load;

import dev.chime.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * The heap of a running Chime with many schedules: used heap after a full collection, first with
 * the server started and empty, then after loading the schedules and letting the scheduler run.
 * Run it in a JVM of its own (the runner script does): the harness's own data is a few kilobytes.
 *
 * <p>Schedules are loaded through the store (a second connection pool on the same embedded
 * database, in this JVM) while the server runs: creating 100,000 through the API would take
 * minutes and leave the same rows. They are spread daily, weekday and monthly schedules in four
 * zones ({@code H}: each at its own minute), so a few dozen fire a minute; the heap is read
 * after the next whole minute has passed, on the real clock, so after the scheduler has claimed and
 * delivered that minute's fires to a loopback receiver.
 */
final class HeapScenario {
  record Settings(int schedules, int namespaces, Duration settle) {}

  private record Kind(String cron, ZoneId zone) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("H H * * *", ZoneId.of("UTC")),
      new Kind("H H * * 1-5", ZoneId.of("America/Denver")),
      new Kind("H H(0-5) * * *", ZoneId.of("Europe/Berlin")),
      new Kind("H H H * *", ZoneId.of("Asia/Tokyo")));

  private final Settings settings;
  private final PrintStream out;

  HeapScenario(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run(Path data) throws Exception {
    InstantSource clock = InstantSource.system();
    List<String> namespaces = Stream.iterate(0, n -> n + 1).limit(settings.namespaces())
        .map(n -> String.format("ns-%02d", n)).toList();
    try (FastReceiver receiver = new FastReceiver(clock)) {
      try (Store store = Service.openStore(data, clock)) {
        for (String ns : namespaces) {
          Service.createNamespace(store, ns, receiver.baseUrl());
        }
      }
      try (Service chime = Service.start(data, clock, 64, 16)) {
        Thread.sleep(settings.settle().toMillis());
        MemoryUsage empty = usedAfterGc();
        long loadStart = System.nanoTime();
        try (Store loader = Service.openStore(data, clock)) {
          Instant now = clock.instant();
          for (int i = 0; i < settings.schedules(); i++) {
            Kind kind = KINDS.get(i % KINDS.size());
            Service.createSchedule(loader, namespaces.get(i % namespaces.size()),
                "s-" + LoadBench.scheduleName(i), kind.cron(), kind.zone(), now);
          }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        chime.wake(namespaces.getFirst());
        // Fires fall on whole minutes: settle past the next one, so the heap is read after the
        // scheduler has claimed and delivered a minute's fires among the 100,000 schedules.
        Instant settled = ShiftedClock.nextMinute(clock.instant()).plus(settings.settle());
        Thread.sleep(Math.max(0, Duration.between(clock.instant(), settled).toMillis()));
        int fired = receiver.received();
        MemoryUsage loaded = usedAfterGc();
        out.printf("heap: %,d schedules in %d namespaces, loaded through the store in %.1f s%n",
            settings.schedules(), namespaces.size(), loadSeconds);
        out.printf("  used heap after full GC: %s MB with the server empty, %s MB with the"
                + " schedules loaded (target < 256 MB); committed %s MB, max %s MB%n",
            mb(empty.getUsed()), mb(loaded.getUsed()), mb(loaded.getCommitted()),
            mb(loaded.getMax()));
        out.printf("  embedded database file: %s MB; callbacks received (a minute's fires) before the heap was read: %d%n",
            mb(databaseBytes(data)), fired);
      }
    }
  }

  private static MemoryUsage usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage();
  }

  private static long databaseBytes(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".db"))
          .mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / (1024.0 * 1024.0));
  }
}
