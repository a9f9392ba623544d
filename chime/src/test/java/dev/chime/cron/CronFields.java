package dev.chime.cron;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of the text of one posix cron field: values, names, ranges, steps and lists of them,
 * always valid for the field's range. Shared by the property and differential tests.
 */
final class CronFields {
  static final List<String> MONTH_NAMES =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  /** Day-of-week names from 0 = Sunday; value 7 has no name of its own. */
  static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private CronFields() {}

  /** A comma-separated list of one to three elements. */
  static Arbitrary<String> list(int min, int max, List<String> names) {
    return element(min, max, names)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(elements -> elements.stream().collect(Collectors.joining(",")));
  }

  /**
   * {@code *}, {@code N}, a name, {@code A-B}, {@code *}/{@code S}, {@code A-B/S} or {@code A/S}.
   */
  static Arbitrary<String> element(int min, int max, List<String> names) {
    Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
    Arbitrary<Integer> step = Arbitraries.integers().between(1, max - min + 1).edgeCases(e -> {});
    Arbitrary<Integer> smallStep = Arbitraries.integers().between(1, Math.min(7, max - min + 1));
    Arbitrary<String> range =
        Combinators.combine(value, value, Arbitraries.of(false, true))
            .as(
                (a, b, named) ->
                    text(Math.min(a, b), min, names, named)
                        + "-"
                        + text(Math.max(a, b), min, names, named));
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just("*")),
        Tuple.of(4, value.map(String::valueOf)),
        Tuple.of(names.isEmpty() ? 0 : 2, value.map(v -> text(v, min, names, true))),
        Tuple.of(3, range),
        Tuple.of(1, Arbitraries.oneOf(step, smallStep).map(s -> "*/" + s)),
        Tuple.of(
            2,
            Combinators.combine(range, Arbitraries.oneOf(step, smallStep))
                .as((r, s) -> r + "/" + s)),
        Tuple.of(
            2,
            Combinators.combine(value, Arbitraries.oneOf(step, smallStep))
                .as((v, s) -> v + "/" + s)));
  }

  /** {@code *}, or {@code *}/{@code S} with a small step. */
  static Arbitrary<String> starStep(int min, int max) {
    return Arbitraries.integers()
        .between(1, Math.min(12, max - min + 1))
        .map(s -> s == 1 && min == 0 ? "*" : "*/" + s);
  }

  /** A value as a number, or as its name when asked and it has one. */
  private static String text(int value, int min, List<String> names, boolean named) {
    int i = value - min;
    if (named && i >= 0 && i < names.size()) {
      return names.get(i);
    }
    return String.valueOf(value);
  }
}
