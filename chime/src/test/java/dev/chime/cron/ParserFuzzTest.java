package dev.chime.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the text, parsing answers with a timing or a {@link CronParseException}: never another
 * exception and never a hang; and a timing that parsed answers {@code next} and {@code previous}
 * quickly from any start. Inputs are random strings, mutations of valid expressions in every
 * dialect, very long inputs, and a list of traps; each is parsed in every dialect with both {@link
 * CronExpression#parse} and {@link Timing#parse}.
 */
class ParserFuzzTest {
  private static final int RANDOM_INPUTS = 20_000;
  private static final int MUTATIONS = 20_000;

  /** Before any year a field may name: whatever parsed fires at least once after it. */
  private static final Instant BEFORE_ALL_YEARS = Instant.parse("1969-12-31T00:00:00Z");

  private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);

  /** A generous bound for one call: catches a search that loops, not a slow machine. */
  private static final long SLOW_CALL_NANOS = Duration.ofMillis(500).toNanos();

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("America/Denver"),
          ZoneId.of("Pacific/Apia"),
          ZoneId.of("Australia/Lord_Howe"));
  private static final List<Instant> STARTS =
      List.of(
          Instant.parse("1970-01-01T00:00:00Z"),
          Instant.parse("2011-12-30T10:00:00Z"), // inside Apia's skipped day
          Instant.parse("2026-03-08T08:59:59.999Z"), // just before Denver springs forward
          Instant.parse("2099-12-31T23:59:00Z"),
          Instant.parse("2199-12-31T23:59:00Z"));

  @Test
  void randomText_parsesOrFailsWithCronParseException_inEveryDialect() {
    Random random = new Random(seed(20260101));
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      inputs.add(FuzzInputs.randomText(random, random.nextInt(40)));
    }
    assertOutcomes(inputs);
  }

  @Test
  void mutationsOfValidExpressions_parseOrFailWithCronParseException_inEveryDialect() {
    Random random = new Random(seed(20260202));
    RandomCron cron = new RandomCron(seed(20260303));
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < MUTATIONS; i++) {
      String seed =
          switch (random.nextInt(3)) {
            case 0 -> FuzzInputs.SEEDS.get(random.nextInt(FuzzInputs.SEEDS.size()));
            case 1 -> cron.posix();
            default -> cron.quartz();
          };
      String mutated = seed;
      for (int m = random.nextInt(10) < 6 ? 1 : 1 + random.nextInt(3); m > 0; m--) {
        mutated = FuzzInputs.mutate(random, mutated);
      }
      inputs.add(mutated);
    }
    assertOutcomes(inputs);
  }

  @Test
  void trapsInEveryField_parseOrFailWithCronParseException_inEveryDialect() {
    List<String> inputs = new ArrayList<>(FuzzInputs.TRAPS);
    String[] shapes = {"0 0 * * *", "0 0 0 * * ?", "0 0 0 ? * * 2026", "cron(0 0 * * ? *)"};
    for (String shape : shapes) {
      String[] fields = shape.replace("cron(", "").replace(")", "").split(" ");
      for (int f = 0; f < fields.length; f++) {
        for (String trap : FuzzInputs.TRAPS) {
          String[] copy = fields.clone();
          copy[f] = trap;
          String joined = String.join(" ", copy);
          inputs.add(shape.startsWith("cron(") ? "cron(" + joined + ")" : joined);
        }
      }
    }
    assertOutcomes(inputs);
  }

  @Test
  void veryLongInputs_failQuickly() {
    List<String> inputs = new ArrayList<>();
    StringBuilder list = new StringBuilder("0");
    for (int i = 1; list.length() < 5000; i++) {
      list.append(',').append(i % 60);
    }
    inputs.add(list.substring(0, list.lastIndexOf(",", 990)) + " * * * *"); // under the limit
    inputs.add(list + " * * * *");
    inputs.add("* ".repeat(5000));
    inputs.add("0".repeat(100_000) + " * * * *");
    inputs.add("@every " + "1".repeat(10_000) + "m");
    inputs.add("cron(" + "(".repeat(5000) + ")");
    inputs.add("0 0 " + "L".repeat(900) + " * ?");
    inputs.add("0 0 0 ? * " + "1#".repeat(400) + "1");
    inputs.add("H(" + "0".repeat(2000) + "-1) * * * *");
    inputs.add(" ".repeat(100_000));
    assertOutcomes(inputs);
  }

  @Test
  void dayOfWeekEight_isAnError_notMonday() {
    assertThatThrownBy(() -> CronExpression.parse("0 0 * * 8"))
        .isInstanceOfSatisfying(
            CronParseException.class,
            e -> {
              assertThat(e.field()).isEqualTo("day-of-week");
              assertThat(e.column()).isEqualTo(9);
              assertThat(e.text()).isEqualTo("8");
              assertThat(e.reason()).isEqualTo("value 8 out of range 0-7");
            });
  }

  @Test
  void thirtiethOfFebruary_neverFires_andIsRejected() {
    assertThatThrownBy(() -> CronExpression.parse("0 0 30 2 *"))
        .isInstanceOfSatisfying(
            CronParseException.class,
            e -> {
              assertThat(e.field()).isEqualTo("day-of-month");
              assertThat(e.column()).isEqualTo(5);
              assertThat(e.reason()).isEqualTo("never fires: no month in (2) has a day 30");
            });
    assertThatThrownBy(() -> CronExpression.parse("0 0 31 4,6,9,11 *"))
        .hasMessageContaining("never fires");
  }

  @Test
  void zeroStep_isAnError_inEveryFieldAndDialect() {
    for (String expression :
        List.of("*/0 * * * *", "0 */0 * * *", "0 0 */0 * *", "0 0 * */0 *", "0 0 * * */0")) {
      for (Dialect dialect : List.of(Dialect.POSIX, Dialect.ISO)) {
        assertThatThrownBy(() -> CronExpression.parse(expression, dialect))
            .as("%s in %s", expression, dialect)
            .isInstanceOf(CronParseException.class)
            .hasMessageContaining("step \"0\"");
      }
    }
    for (String expression :
        List.of(
            "0 */0 * ? * *", "0 0 */0 ? * *", "0 0 0 */0 * ?", "0 0 0 ? */0 *", "0 0 0 ? * */0")) {
      assertThatThrownBy(() -> CronExpression.parse(expression, Dialect.QUARTZ))
          .as(expression)
          .isInstanceOf(CronParseException.class)
          .hasMessageContaining("step \"0\"");
    }
  }

  /** Fixed seeds; {@code -Dchime.fuzz.seed=N} shifts them to explore further. */
  private static long seed(long base) {
    return base + 1_000_003L * Long.getLong("chime.fuzz.seed", 0);
  }

  /** Parses each input in every dialect both ways, within one preemptive time limit. */
  private static void assertOutcomes(List<String> inputs) {
    List<String> failures = new ArrayList<>();
    int[] parsed = new int[1];
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (String input : inputs) {
            for (Dialect dialect : Dialect.values()) {
              parsed[0] +=
                  check(
                      input,
                      dialect,
                      () -> CronExpression.parse(input, dialect, "ns/name"),
                      failures);
              parsed[0] +=
                  check(input, dialect, () -> Timing.parse(input, dialect, "ns/name"), failures);
            }
          }
        },
        "parsing and next() must never hang");
    System.out.printf(
        "%d inputs x %d dialects x 2 parsers: %d parsed%n",
        inputs.size(), Dialect.values().length, parsed[0]);
    assertThat(failures).as("inputs that broke the contract").isEmpty();
  }

  private interface Parse {
    Timing parse();
  }

  /** Checks one parse; answers 1 when it gave a timing. */
  private static int check(String input, Dialect dialect, Parse parse, List<String> failures) {
    Timing timing;
    try {
      timing = parse.parse();
    } catch (CronParseException e) {
      String problem = problemWithError(e, input);
      if (problem != null) {
        failures.add(describe(input, dialect) + ": " + problem);
      }
      return 0;
    } catch (RuntimeException e) {
      failures.add(describe(input, dialect) + ": threw " + e);
      return 0;
    }
    try {
      if (timing.in(ZONES.get(0)).next(BEFORE_ALL_YEARS).isEmpty()) {
        failures.add(describe(input, dialect) + ": parsed but never fires");
      }
    } catch (RuntimeException e) {
      failures.add(describe(input, dialect) + " from " + BEFORE_ALL_YEARS + ": " + e);
      return 1;
    }
    for (ZoneId zone : ZONES) {
      FireSchedule schedule = timing.in(zone);
      for (Instant start : STARTS) {
        long began = System.nanoTime();
        try {
          schedule.next(start).ifPresent(f -> assertThat(f.instant()).isAfter(start));
          schedule.previous(start).ifPresent(f -> assertThat(f.instant()).isBefore(start));
        } catch (RuntimeException | AssertionError e) {
          failures.add(describe(input, dialect) + " in " + zone + " from " + start + ": " + e);
          return 1;
        }
        long took = System.nanoTime() - began;
        if (took > SLOW_CALL_NANOS) {
          failures.add(
              describe(input, dialect)
                  + " in "
                  + zone
                  + " from "
                  + start
                  + ": took "
                  + took / 1_000_000
                  + " ms");
        }
      }
    }
    return 1;
  }

  /** What is wrong with an error, or null: it has a reason, the whole text and a column in it. */
  private static String problemWithError(CronParseException e, String input) {
    if (e.getMessage() == null || e.reason() == null || e.reason().isBlank()) {
      return "error without a reason: " + e;
    }
    if (!input.equals(e.expression()) && !input.strip().equals(e.expression())) {
      return "error names another expression: \"" + e.expression() + "\"";
    }
    // a column one past the end points where something is missing ("*/" lacks its step)
    if (e.column() < 0 || e.column() > e.expression().length() + 1) {
      return "column " + e.column() + " outside the text: " + e.getMessage();
    }
    return null;
  }

  private static String describe(String input, Dialect dialect) {
    String shown = input.length() > 120 ? input.substring(0, 120) + "…" : input;
    return "\"" + shown.replace("\u0000", "\\0") + "\" (" + dialect.id() + ")";
  }
}
