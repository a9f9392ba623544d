package dev.chime.cron;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random cron expressions in each dialect, built field by field from the grammar: values, names,
 * ranges, steps, lists, {@code H}, macros, and Quartz's {@code ? L W #} and year field where the
 * dialect has them. Most parse; the round-trip test skips the few that never fire.
 */
final class TranslatorExpressions {
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private TranslatorExpressions() {}

  static Arbitrary<String> in(Dialect dialect) {
    return switch (dialect) {
      case POSIX, ISO ->
          Arbitraries.frequencyOf(
              net.jqwik.api.Tuple.of(1, Arbitraries.of(MACROS)),
              net.jqwik.api.Tuple.of(15, crontab(dialect)));
      case QUARTZ -> quartzLike(dialect).flatMap(f -> quartzYear().map(y -> "0 " + f + y));
      case AWS -> quartzLike(dialect).flatMap(f -> awsYear().map(y -> "cron(" + f + " " + y + ")"));
    };
  }

  private static Arbitrary<String> crontab(Dialect d) {
    boolean posix = d == Dialect.POSIX;
    return Combinators.combine(
            field(0, 59, null, posix),
            field(0, 23, null, posix),
            field(1, 31, null, posix),
            field(1, 12, MONTHS, false),
            field(0, posix ? 7 : 6, posix ? DAYS : isoDays(), false))
        .as((mi, h, dom, mo, dow) -> mi + " " + h + " " + dom + " " + mo + " " + dow);
  }

  /** Minute to day-of-week of Quartz and AWS: one day field is ?, the other may use L W #. */
  private static Arbitrary<String> quartzLike(Dialect d) {
    Arbitrary<String> dom =
        list(
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, element(1, 31, null, false)),
                net.jqwik.api.Tuple.of(2, lastDay(d)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 31).map(n -> n + "W")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("LW"))));
    Arbitrary<String> dow =
        list(
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, element(1, 7, quartzDays(), false)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("L")),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 7).map(n -> n + "L")),
                net.jqwik.api.Tuple.of(
                    3,
                    Combinators.combine(
                            Arbitraries.integers().between(1, 7),
                            Arbitraries.integers().between(1, 5))
                        .as((n, k) -> n + "#" + k))));
    Arbitrary<String> days =
        Arbitraries.oneOf(withStar(dom).map(x -> x + " %s ?"), withStar(dow).map(x -> "? %s " + x));
    return Combinators.combine(
            field(0, 59, null, false), field(0, 23, null, false), days, field(1, 12, MONTHS, false))
        .as((mi, h, dayText, mo) -> mi + " " + h + " " + dayText.formatted(mo));
  }

  private static Arbitrary<String> lastDay(Dialect d) {
    return d == Dialect.AWS
        ? Arbitraries.just("L")
        : Arbitraries.integers().between(0, 30).map(n -> n == 0 ? "L" : "L-" + n);
  }

  private static Arbitrary<String> quartzYear() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(" *")),
        net.jqwik.api.Tuple.of(3, years(2099).map(y -> " " + y)));
  }

  private static Arbitrary<String> awsYear() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("*")), net.jqwik.api.Tuple.of(3, years(2199)));
  }

  private static Arbitrary<String> years(int max) {
    Arbitrary<Integer> from = Arbitraries.integers().between(2024, Math.min(max, 2110));
    return Arbitraries.oneOf(
        from.map(String::valueOf),
        Combinators.combine(from, Arbitraries.integers().between(0, 8))
            .as((a, n) -> a + "-" + Math.min(max, a + n)),
        Combinators.combine(from, Arbitraries.integers().between(1, 4)).as((a, s) -> a + "/" + s),
        Arbitraries.just("1970-" + max));
  }

  /** A field: {@code *} or a list of one to three elements. */
  private static Arbitrary<String> field(int lo, int hi, List<String> names, boolean spread) {
    return withStar(list(element(lo, hi, names, spread)));
  }

  private static Arbitrary<String> withStar(Arbitrary<String> field) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just("*")), net.jqwik.api.Tuple.of(3, field));
  }

  private static Arbitrary<String> list(Arbitrary<String> element) {
    return element.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(",", l));
  }

  /** One list element: a value or name, A-B, *, *\/S, A/S, A-B/S, or H forms. */
  private static Arbitrary<String> element(int lo, int hi, List<String> names, boolean spread) {
    Arbitrary<Integer> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(lo, hi)),
            net.jqwik.api.Tuple.of(2, dstHot(lo, hi)));
    Arbitrary<Integer> step = Arbitraries.integers().between(1, hi - lo + 2);
    Arbitrary<String> written = value.flatMap(v -> spell(v, lo, names));
    Arbitrary<String> range =
        Combinators.combine(value, value)
            .as((a, b) -> new int[] {Math.min(a, b), Math.max(a, b)})
            .flatMap(
                r ->
                    Combinators.combine(spell(r[0], lo, names), spell(r[1], lo, names))
                        .as((a, b) -> a + "-" + b));
    Arbitrary<String> spreadForm =
        Arbitraries.oneOf(
            Arbitraries.just("H"),
            step.map(s -> "H/" + s),
            Combinators.combine(value, value)
                .as((a, b) -> "H(" + Math.min(a, b) + "-" + Math.max(a, b) + ")"));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, written),
        net.jqwik.api.Tuple.of(3, range),
        net.jqwik.api.Tuple.of(3, step.map(s -> "*/" + s)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(written, step).as((a, s) -> a + "/" + s)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(range, step).as((r, s) -> r + "/" + s)),
        net.jqwik.api.Tuple.of(spread ? 2 : 0, spreadForm));
  }

  /**
   * Values where daylight saving bites, so that the fire comparison meets gaps and overlaps: hours
   * 1-3 (minute fields are 0-59, hour fields 0-23) and minutes 0 and 30 (Lord Howe moves by half an
   * hour).
   */
  private static Arbitrary<Integer> dstHot(int lo, int hi) {
    if (lo == 0 && hi == 23) {
      return Arbitraries.integers().between(1, 3);
    }
    if (lo == 0 && hi == 59) {
      return Arbitraries.of(0, 30);
    }
    return Arbitraries.integers().between(lo, hi);
  }

  /** A value as a number or, when the field has names, sometimes a name in any case. */
  private static Arbitrary<String> spell(int v, int lo, List<String> names) {
    if (names == null) {
      return Arbitraries.just(Integer.toString(v));
    }
    String name = names.get((v - lo) % names.size());
    return Arbitraries.of(
        Integer.toString(v), name, name.toLowerCase(Locale.ROOT), Integer.toString(v));
  }

  /** iso names by iso number: 0 = MON. */
  private static List<String> isoDays() {
    return List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
  }

  /** Quartz names by Quartz number from 1: 1 = SUN. */
  private static List<String> quartzDays() {
    return DAYS;
  }
}
