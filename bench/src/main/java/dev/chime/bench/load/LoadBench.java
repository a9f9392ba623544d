package dev.chime.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dispatch load harness (issue 3): Chime in this JVM, as {@code chime serve} composes it,
 * against a receiver on loopback. Talks to nothing but 127.0.0.1, and stops by itself.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.chime.bench.load.LoadBench burst [--schedules 10000]
 *     [--namespaces 10] [--max-in-flight 64] [--per-namespace 16] [--warm-up 20000]
 * java -cp bench/target/benchmarks.jar dev.chime.bench.load.LoadBench lone [--fires 300]
 *     [--warm-up 20]
 * java -cp bench/target/benchmarks.jar dev.chime.bench.load.LoadBench heap [--schedules 100000]
 *     [--namespaces 10] [--settle-seconds 5]
 * </pre>
 *
 * {@code --data DIR} keeps the embedded database in {@code DIR} (for a look at it afterwards)
 * instead of a temporary folder. {@code bench/run-load-bench} runs the three, each in a fresh JVM.
 */
public final class LoadBench {
  static final DateTimeFormatter FIRED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: LoadBench burst|lone|heap [--option value]...");
      System.exit(2);
    }
    Map<String, String> options = options(args);
    PrintStream out = System.out;
    String kept = options.remove("data");
    Path data = kept != null ? Files.createDirectories(Path.of(kept))
        : Files.createTempDirectory("chime-load-");
    try {
      switch (args[0]) {
        case "burst" -> new BurstScenario(new BurstScenario.Settings(
            number(options, "schedules", 10_000), number(options, "namespaces", 10),
            number(options, "max-in-flight", 64), number(options, "per-namespace", 16),
            number(options, "warm-up", 20_000), number(options, "raw-warm-up", 10_000)), out)
            .run(data);
        case "lone" -> new LoneFireScenario(new LoneFireScenario.Settings(
            number(options, "fires", 300), number(options, "warm-up", 20)), out).run(data);
        case "heap" -> new HeapScenario(new HeapScenario.Settings(
            number(options, "schedules", 100_000), number(options, "namespaces", 10),
            Duration.ofSeconds(number(options, "settle-seconds", 5))), out).run(data);
        default -> {
          System.err.println("unknown scenario " + args[0] + "; use burst, lone or heap");
          System.exit(2);
        }
      }
    } finally {
      if (kept == null) {
        delete(data);
      }
    }
    out.flush();
    System.exit(0); // the HTTP clients' selector threads are not daemons
  }

  /** Names that sort in creation order: {@code 000042}. */
  static String scheduleName(int i) {
    return String.format("%06d", i);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    String value = options.remove(name);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
