package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Chime's fire times equal those of Spring, cron-utils, JobRunr and Quartz over thousands of
 * generated expressions, in UTC, from fixed starts and fixed seeds. Where a peer means something
 * else by the same text, the expression is rewritten into the peer's form of the same schedule
 * ({@link PeerForms}); each such difference is pinned down literally in {@link PeerSemanticsTest}.
 * Anything else that disagrees fails the test.
 */
class DifferentialTest {
  private static final int EXPRESSIONS = 3000;

  /** cron-utils takes milliseconds per fire on sparse expressions; fewer keep the test fast. */
  private static final int CRON_UTILS_EXPRESSIONS = 1000;

  private static final int FIRES = 8;
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Pattern CRON_UTILS_REJECTED_STEP =
      Pattern.compile(".*Period \\d+ not in range.*");
  private static final List<Instant> STARTS =
      List.of(
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2027-06-15T13:37:42Z"),
          Instant.parse("2028-02-28T23:59:00Z"));

  /** Fixed seeds; {@code -Dchime.differential.seed=N} shifts them all to explore further. */
  private static long seed(int test) {
    return Long.getLong("chime.differential.seed", 0) * 100 + test;
  }

  /** A peer library: its fires for one of its expressions. */
  interface Peer {
    List<Instant> fires(String expression, ZoneId zone, Instant from, int n);
  }

  @Test
  void posix_agreesWithSpring() {
    Tally tally =
        compare(
            EXPRESSIONS,
            new RandomCron(seed(1)).posixSupplier(),
            Dialect.POSIX,
            PeerForms::spring,
            PeerSchedules::spring,
            e -> null);
    tally.assertAgreement("Spring");
  }

  @Test
  void posix_agreesWithCronUtilsUnix() {
    Tally tally =
        compare(
            CRON_UTILS_EXPRESSIONS,
            new RandomCron(seed(2)).posixSupplier(),
            Dialect.POSIX,
            PeerForms::cronUtilsUnix,
            PeerSchedules::cronUtilsUnix,
            e ->
                CRON_UTILS_REJECTED_STEP.matcher(e.getMessage()).matches()
                    ? "cron-utils rejects a step wider than its field, and step 7 in day-of-week"
                    : null);
    tally.assertAgreement("cron-utils (UNIX)");
  }

  @Test
  void posix_agreesWithJobRunr() {
    Tally tally =
        compare(
            EXPRESSIONS,
            new RandomCron(seed(3)).posixSupplier(),
            Dialect.POSIX,
            (e, parsed) -> PeerForms.jobRunr(e),
            PeerSchedules::jobRunr,
            e -> null);
    tally.assertAgreement("JobRunr");
  }

  @Test
  void quartz_agreesWithQuartz() {
    Tally tally =
        compare(
            EXPRESSIONS,
            new RandomCron(seed(4)).quartzSupplier(),
            Dialect.QUARTZ,
            (e, parsed) -> PeerForms.quartz(e),
            PeerSchedules::quartz,
            e ->
                e.getMessage().contains("Increment >")
                    ? "Quartz rejects a step as wide as its field (*/60 minutes, */24 hours)"
                    : null);
    tally.assertAgreement("Quartz");
  }

  @Test
  void quartz_agreesWithCronUtilsQuartz() {
    Tally tally =
        compare(
            CRON_UTILS_EXPRESSIONS,
            new RandomCron(seed(5)).quartzSupplier(),
            Dialect.QUARTZ,
            (e, parsed) -> PeerForms.cronUtilsQuartz(e),
            PeerSchedules::cronUtilsQuartz,
            e ->
                e.getMessage().startsWith("Invalid date")
                    ? "cron-utils fails on nW in a month without day n"
                    : CRON_UTILS_REJECTED_STEP.matcher(e.getMessage()).matches()
                        ? "cron-utils rejects a step wider than its field"
                        : null);
    tally.assertAgreement("cron-utils (QUARTZ)");
  }

  @Test
  void quartz_agreesWithSpring() {
    Tally tally =
        compare(
            EXPRESSIONS,
            new RandomCron(seed(6)).quartzSupplier(),
            Dialect.QUARTZ,
            (e, parsed) -> PeerForms.springQuartz(e),
            PeerSchedules::spring,
            e -> null);
    tally.assertAgreement("Spring (Quartz form)");
  }

  /** How one peer adapts a Chime expression. */
  interface Adapter {
    PeerForms forms(String expression, CronExpression parsed);
  }

  private static Tally compare(
      int count,
      Supplier<String> expressions,
      Dialect dialect,
      Adapter adapter,
      Peer peer,
      Function<RuntimeException, String> knownRejection) {
    Tally tally = new Tally(count);
    for (int i = 0; i < count; i++) {
      String expression = expressions.get();
      CronExpression parsed;
      try {
        parsed = CronExpression.parse(expression, dialect);
      } catch (CronParseException e) {
        assertThat(e.getMessage()).as(expression).contains("never fires");
        tally.count("Chime rejects: never fires");
        continue;
      }
      PeerForms forms = adapter.forms(expression, parsed);
      forms.reasons().forEach(tally::count);
      if (forms.forms().isEmpty()) {
        continue;
      }
      for (Instant from : STARTS) {
        List<Instant> ours = PeerSchedules.chime(expression, dialect, UTC, from, FIRES);
        List<Instant> theirs;
        try {
          theirs = merged(forms.forms(), peer, from);
        } catch (RuntimeException e) {
          String known = knownRejection.apply(e);
          if (known == null) {
            tally.mismatch(expression, forms, "peer failed: " + e);
          } else {
            tally.count(known);
          }
          break;
        }
        if (!ours.equals(theirs)) {
          tally.mismatch(
              expression, forms, "from " + from + "\n    chime " + ours + "\n    peer  " + theirs);
          break;
        }
        tally.compared++;
      }
    }
    return tally;
  }

  /** The first fires of several peer expressions together: the union of their schedules. */
  private static List<Instant> merged(List<String> forms, Peer peer, Instant from) {
    return forms.stream()
        .flatMap(form -> peer.fires(form, UTC, from, FIRES).stream())
        .distinct()
        .sorted()
        .limit(FIRES)
        .toList();
  }

  /** What a comparison found: agreements, documented differences and the rest. */
  static final class Tally {
    final int expressions;
    int compared;
    final Map<String, Integer> documented = new TreeMap<>();
    final List<String> mismatches = new ArrayList<>();

    Tally(int expressions) {
      this.expressions = expressions;
    }

    void count(String reason) {
      documented.merge(reason, 1, Integer::sum);
    }

    void mismatch(String expression, PeerForms forms, String detail) {
      mismatches.add("\"" + expression + "\" as " + forms.forms() + ": " + detail);
    }

    void assertAgreement(String peer) {
      System.out.printf(
          "%s: %d comparisons agree; documented differences %s%n", peer, compared, documented);
      assertThat(mismatches)
          .as("%s disagrees on %d expressions; first ones", peer, mismatches.size())
          .isEmpty();
      assertThat(compared).as("comparisons made").isGreaterThan(expressions);
    }
  }
}
