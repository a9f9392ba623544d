package dev.chime.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Prints where each peer's fires differ from Chime's, for the benchmark's expressions and zones:
 * first the answers to the benchmark's own start instants, then every fire from 2026 through 2029
 * found by walking each library from fire to fire. Run it after changing {@link PeerSyntax} or a
 * library version: {@code java -cp bench/target/benchmarks.jar dev.chime.bench.EngineAgreement}.
 */
public final class EngineAgreement {
  private static final List<String> LIBRARIES =
      List.of("chime", "spring", "cron-utils", "quartz", "jobrunr");
  private static final List<String> EXPRESSIONS =
      List.of(
          "*/15 * * * *",
          "0 2 * * *",
          "0 9 * * 1-5",
          "0 0 1 * *",
          "30 2 * * 6",
          "0 0 29 2 *",
          "0 0 13 * 5");
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/Denver"));
  private static final Instant WALK_FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant WALK_UNTIL = Instant.parse("2030-01-01T00:00:00Z");
  private static final int SHOWN = 4;

  private EngineAgreement() {}

  public static void main(String[] args) {
    Instant[] starts = StartInstants.named("rotating");
    for (String expression : EXPRESSIONS) {
      for (ZoneId zone : ZONES) {
        System.out.printf("%n== %s  in %s%n", expression, zone);
        CronEngine chime = CronEngine.of("chime", expression, zone, starts);
        TreeSet<Instant> expected = walk(chime);
        for (String library : LIBRARIES.subList(1, LIBRARIES.size())) {
          CronEngine peer = CronEngine.of(library, expression, zone, starts);
          compareStarts(library, chime, peer, starts, zone);
          compareWalks(library, expected, walk(peer), zone);
        }
      }
    }
  }

  private static void compareStarts(
      String library, CronEngine chime, CronEngine peer, Instant[] starts, ZoneId zone) {
    for (Instant start : starts) {
      Optional<Instant> want = chime.nextInstant(start);
      Optional<Instant> got = peer.nextInstant(start);
      if (!want.equals(got)) {
        System.out.printf(
            "  %-10s next after %s: %s, chime %s%n",
            library, local(start, zone), got.map(i -> local(i, zone)), want.map(i -> local(i, zone)));
      }
    }
  }

  private static void compareWalks(
      String library, TreeSet<Instant> expected, TreeSet<Instant> actual, ZoneId zone) {
    List<Instant> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<Instant> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (missing.isEmpty() && extra.isEmpty()) {
      System.out.printf("  %-10s same %d fires 2026-2029%n", library, expected.size());
      return;
    }
    System.out.printf(
        "  %-10s walk 2026-2029: %d fires only in chime %s, %d only in %s %s%n",
        library,
        missing.size(),
        sample(missing, zone),
        extra.size(),
        library,
        sample(extra, zone));
  }

  /** Every fire in [WALK_FROM, WALK_UNTIL), stopping if a library fails to move forward. */
  private static TreeSet<Instant> walk(CronEngine engine) {
    TreeSet<Instant> fires = new TreeSet<>();
    Instant t = WALK_FROM.minusSeconds(1);
    while (true) {
      Optional<Instant> next = engine.nextInstant(t);
      if (next.isEmpty() || !next.get().isBefore(WALK_UNTIL)) {
        return fires;
      }
      if (!next.get().isAfter(t)) {
        System.out.printf("  (stuck at %s)%n", next.get());
        return fires;
      }
      fires.add(next.get());
      t = next.get();
    }
  }

  private static String sample(List<Instant> instants, ZoneId zone) {
    List<String> shown = new ArrayList<>();
    for (Instant i : instants.subList(0, Math.min(SHOWN, instants.size()))) {
      shown.add(local(i, zone));
    }
    return instants.size() > SHOWN ? shown + "…" : shown.toString();
  }

  private static String local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().toString();
  }
}
