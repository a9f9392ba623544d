package dev.chime.bench.replicas;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fires per second with several replicas on the local PostgreSQL (issue 5): claimed, delivered
 * to a receiver on loopback and recorded, with 1 and then 3 replicas in separate JVMs, and the
 * count of duplicates, which must be 0.
 *
 * <p>Each measurement gets a fresh database, loaded through the store with {@code --schedules}
 * schedules that fire once a year at the burst minute and a warm-up set a minute earlier (in
 * simulated time), spread over {@code --namespaces} namespaces. The replicas start, the shared
 * simulated time jumps to 1.5 s before the warm-up minute, and then before the burst minute;
 * from there the replicas run on their own. The harness polls the database every 20 ms for how
 * many runs of the burst exist (claimed) and are final (recorded), and the receiver notes the
 * last callback (delivered); each rate is fires over the time from the fire instant. Talks to
 * loopback only and stops by itself.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.chime.bench.replicas.ReplicaBench [--replicas 1,3]
 *     [--schedules 20000] [--warm-up 10000] [--namespaces 20] [--max-in-flight 256]
 *     [--per-namespace 64] [--pool-size 10] [--batch-size 200]
 *     [--db jdbc:postgresql://127.0.0.1:5432/test?user=postgres] [--log-slower-than-ms N]
 * </pre>
 *
 * {@code --log-slower-than-ms} has the server log every statement of the benchmark database
 * slower than that (PostgreSQL's {@code log_min_duration_statement}), to see where time goes.
 */
public final class ReplicaBench {
  private static final Duration LEAD = Duration.ofMillis(1500);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final long POLL_MS = 20;
  // An idle PostgreSQL backend reports its counters within 10 s (PGSTAT_IDLE_INTERVAL).
  private static final Duration STATS_FLUSH = Duration.ofSeconds(11);

  record Options(List<Integer> replicas, int schedules, int warmUp, int namespaces,
      Replicas.Settings settings, String serverUrl, Path work, int logSlowerThanMs) {}

  /** One measurement's outcome. */
  record Result(int replicas, int fires, Duration claimed, Duration delivered, Duration recorded,
      int duplicateDeliveries, int firesRunTwice, int retried, String cpu, String database) {

    double rate(Duration d) {
      return fires / (d.toNanos() / 1e9);
    }
  }

  private final Options options;
  private final PrintStream out;

  private ReplicaBench(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    Files.createDirectories(options.work());
    System.out.println(BenchDatabase.describeServer(options.serverUrl()));
    ReplicaBench bench = new ReplicaBench(options, System.out);
    List<Result> results = new ArrayList<>();
    for (int replicas : options.replicas()) {
      results.add(bench.measure(replicas));
    }
    bench.summary(results);
    System.exit(0); // the HTTP server's threads are not daemons
  }

  private Result measure(int replicaCount) throws Exception {
    out.printf(Locale.ROOT, "== %d replica%s: %,d fires due at one instant in %d namespaces"
            + " (warm-up %,d); per replica max-in-flight %d (%d per namespace), pool %d,"
            + " batch %d%n", replicaCount, replicaCount == 1 ? "" : "s", options.schedules(),
        options.namespaces(), options.warmUp(), options.settings().maxInFlight(),
        options.settings().perNamespace(), options.settings().poolSize(),
        options.settings().batchSize());
    BenchDatabase db = BenchDatabase.fresh(options.serverUrl(), options.logSlowerThanMs());
    Path shiftFile = options.work().resolve("shift-" + replicaCount);
    SharedShift shift = new SharedShift(shiftFile);
    shift.write(Duration.ZERO);
    InstantSource clock = shift.over(InstantSource.system());
    Instant warmUpFire = nextMinute(clock.instant().plus(Duration.ofMinutes(10)));
    Instant fire = warmUpFire.plus(Duration.ofMinutes(10));
    List<String> namespaces = new ArrayList<>();
    for (int n = 0; n < options.namespaces(); n++) {
      namespaces.add(String.format("ns-%02d", n));
    }
    try (CountingReceiver receiver = new CountingReceiver(clock)) {
      long loading = System.nanoTime();
      db.load(namespaces, receiver.baseUrl(), "warm", options.warmUp(), warmUpFire, clock);
      db.load(namespaces, receiver.baseUrl(), "burst", options.schedules(), fire, clock);
      out.printf(Locale.ROOT, "   loaded in %.1f s; starting the replicas%n",
          (System.nanoTime() - loading) / 1e9);
      try (Replicas replicas = Replicas.start(replicaCount, options.work(), shiftFile, db.url(),
          options.settings()); Connection c = db.connect()) {
        burst(db, c, shift, receiver, warmUpFire, options.warmUp());
        receiver.reset();
        Thread.sleep(STATS_FLUSH.toMillis());
        Map<String, StoreTimes.Use> storeBefore = StoreTimes.scrape(replicas.ports());
        Snapshot before = Snapshot.take(replicas.pids(), db, c);
        Burst burst = burst(db, c, shift, receiver, fire, options.schedules());
        Snapshot after = Snapshot.take(replicas.pids(), db, c);
        String storeTimes = StoreTimes.report(storeBefore, StoreTimes.scrape(replicas.ports()),
            options.schedules(), 10);
        Thread.sleep(STATS_FLUSH.toMillis());
        after = after.withDatabase(db, c);
        Result result = new Result(replicaCount, options.schedules(), burst.claimed(),
            Duration.between(fire, receiver.lastArrival()), burst.recorded(),
            receiver.duplicates(), db.firesRunTwice(c), burst.retried(),
            after.cpu(before, burst.wall()),
            after.database(before, options.schedules(), burst.polls()) + "\n   " + storeTimes);
        report(result);
        return result;
      }
    }
  }

  private record Burst(Duration claimed, Duration recorded, int retried, Duration wall,
      int polls) {}

  /**
   * Moves time to just before {@code fire}, and waits until its runs exist (polled every 20 ms:
   * claimed), were all delivered (the receiver) and are final (their {@code finished_at}).
   */
  private Burst burst(BenchDatabase db, Connection c, SharedShift shift, CountingReceiver receiver,
      Instant fire, int fires) throws Exception {
    int before = db.runs(c);
    shift.jumpTo(fire.minus(LEAD));
    long start = System.nanoTime();
    long deadline = start + LEAD.plus(TIMEOUT).toNanos();
    Duration claimed = null;
    int polls = 1;
    while (true) {
      if (claimed == null) {
        polls++;
        if (db.runs(c) - before == fires) {
          claimed = Duration.between(fire, shift.now());
        }
      }
      if (claimed != null && receiver.distinctRuns() >= fires) {
        polls++;
        BenchDatabase.Final done = db.finals(c, fire);
        if (done.recorded() == fires) {
          return new Burst(claimed, Duration.between(fire, done.last()), done.retried(),
              Duration.ofNanos(System.nanoTime() - start), polls);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("after " + TIMEOUT + ": " + (db.runs(c) - before)
            + " runs claimed, " + receiver.distinctRuns() + " delivered; see the logs in "
            + options.work());
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** CPU of every process concerned, and the database's counters, at one moment. */
  private record Snapshot(Map<Long, Map<String, Long>> replicas, long postgres,
      Map<String, Long> harness, BenchDatabase.Counters counters, Map<String, Long> scans) {

    static Snapshot take(List<Long> pids, BenchDatabase db, Connection c) throws Exception {
      Map<Long, Map<String, Long>> replicas = new HashMap<>();
      for (long pid : pids) {
        replicas.put(pid, ProcCpu.threads(pid));
      }
      return new Snapshot(replicas, ProcCpu.postgres(),
          ProcCpu.threads(ProcessHandle.current().pid()), db.counters(c), db.scans(c));
    }

    /** The same CPU figures with the database's counters read now. */
    Snapshot withDatabase(BenchDatabase db, Connection c) throws Exception {
      return new Snapshot(replicas, postgres, harness, db.counters(c), db.scans(c));
    }

    String cpu(Snapshot before, Duration wall) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
          "CPU over %.2f s of wall time (2 cores = %.2f s):", wall.toNanos() / 1e9,
          2 * wall.toNanos() / 1e9));
      long replicaTotal = 0;
      for (var replica : replicas.entrySet()) {
        Map<String, Long> was = before.replicas().get(replica.getKey());
        long used = ProcCpu.total(replica.getValue()) - ProcCpu.total(was);
        replicaTotal += used;
        line.append(String.format(Locale.ROOT, "%n     replica pid %d: %s s (%s)",
            replica.getKey(), ProcCpu.seconds(used),
            ProcCpu.busiest(was, replica.getValue(), 5)));
      }
      line.append(String.format(Locale.ROOT, "%n     all replicas %s s; PostgreSQL (every"
              + " postgres process on the machine) %s s; the harness and its receiver %s s",
          ProcCpu.seconds(replicaTotal), ProcCpu.seconds(postgres - before.postgres()),
          ProcCpu.seconds(ProcCpu.total(harness) - ProcCpu.total(before.harness()))));
      return line.toString();
    }

    /** Per fire: commits and rows (pg_stat_database), scans by table (the harness's removed). */
    String database(Snapshot before, int fires, int polls) {
      BenchDatabase.Counters d = counters.minus(before.counters());
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "per fire: %.2f"
              + " commits, %.2f rows inserted, %.2f rows updated; table scans (index or"
              + " sequential, about one per statement):", (double) d.commits() / fires,
          (double) d.inserted() / fires, (double) d.updated() / fires));
      long total = 0;
      for (var table : scans.entrySet()) {
        long n = table.getValue() - before.scans().getOrDefault(table.getKey(), 0L)
            - (table.getKey().equals("runs") ? polls : 0);
        if (n > 0) {
          total += n;
          line.append(String.format(Locale.ROOT, " %s %.2f,", table.getKey(), (double) n / fires));
        }
      }
      line.append(String.format(Locale.ROOT, " in all %.2f", (double) total / fires));
      return line.toString();
    }
  }

  private void report(Result r) {
    out.printf(Locale.ROOT, "   claimed   %,d in %6.2f s  %,8.0f fires/s%n", r.fires(),
        seconds(r.claimed()), r.rate(r.claimed()));
    out.printf(Locale.ROOT, "   delivered %,d in %6.2f s  %,8.0f fires/s (last callback received)%n",
        r.fires(), seconds(r.delivered()), r.rate(r.delivered()));
    out.printf(Locale.ROOT, "   recorded  %,d in %6.2f s  %,8.0f fires/s (every run final)%n",
        r.fires(), seconds(r.recorded()), r.rate(r.recorded()));
    out.printf(Locale.ROOT, "   duplicates: %d deliveries of a run already delivered, %d fires"
            + " with two runs; %d runs needed a second attempt%n", r.duplicateDeliveries(),
        r.firesRunTwice(), r.retried());
    out.printf("   %s%n   %s%n", r.cpu(), r.database());
  }

  private void summary(List<Result> results) {
    out.println();
    out.println("| replicas | fires | claimed (fires/s) | delivered (fires/s) | recorded (fires/s)"
        + " | duplicates |");
    out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Result r : results) {
      out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %,.0f | %,.0f | %d |%n", r.replicas(),
          r.fires(), r.rate(r.claimed()), r.rate(r.delivered()), r.rate(r.recorded()),
          r.duplicateDeliveries() + r.firesRunTwice());
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static Instant nextMinute(Instant after) {
    return Instant.ofEpochSecond((Math.floorDiv(after.getEpochSecond(), 60) + 1) * 60);
  }

  private static Options parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    List<Integer> replicas = new ArrayList<>();
    for (String n : given.getOrDefault("replicas", "1,3").split(",")) {
      replicas.add(Integer.parseInt(n.strip()));
    }
    String jvm = Optional.ofNullable(System.getenv("REPLICA_BENCH_JAVA_OPTS")).orElse("");
    Replicas.Settings settings = new Replicas.Settings(number(given, "max-in-flight", 256),
        number(given, "per-namespace", 64), number(given, "pool-size", 10),
        number(given, "batch-size", 200),
        jvm.isBlank() ? List.of() : List.of(jvm.strip().split("\\s+")));
    String server = given.getOrDefault("db", Optional.ofNullable(System.getenv(
        "CHIME_BENCH_PG_URL")).orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
    requireLoopback(server);
    Path work = Path.of(given.getOrDefault("work", "bench/target/replica-bench"));
    return new Options(replicas, number(given, "schedules", 20_000),
        number(given, "warm-up", 10_000), number(given, "namespaces", 20), settings, server,
        work, number(given, "log-slower-than-ms", -1));
  }

  private static int number(Map<String, String> given, String name, int fallback) {
    String value = given.get(name);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  private static void requireLoopback(String url) {
    if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith(
        "jdbc:postgresql://localhost")) {
      throw new IllegalArgumentException("the benchmark talks to a local database only, not "
          + url);
    }
  }
}
