package dev.chime.cron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a set of field values as compact, readable field text: {@code *}, {@code *}/{@code S},
 * {@code A-B}, {@code A-B/S}, {@code A/S} and lists. Values are in the target dialect's numbering,
 * ascending and distinct. Three spellings, because in cron a leading {@code *} carries meaning (a
 * clock-following schedule, or the AND of the two day fields):
 *
 * <ul>
 *   <li>{@link #free}: the most natural text, which may start with {@code *};
 *   <li>{@link #fixed}: never starts with {@code *} ({@code 0-59} for every minute);
 *   <li>{@link #starred}: always starts with {@code *} ({@code *}/{@code 4,1}), when it can.
 * </ul>
 */
final class FieldText {
  private FieldText() {}

  /**
   * How one field is written in one dialect.
   *
   * @param lo the lowest value, where {@code *} and {@code *}/{@code S} start
   * @param hi the highest value written
   * @param parseHi where {@code *} and {@code A/S} end when read back: 7 for posix day of week,
   *     whose 7 is Sunday again (folded to {@code lo})
   * @param steps whether progressions are written with {@code /} (off for day of week: a list of at
   *     most seven days reads better, and AWS has no {@code /} there)
   * @param starSteps whether {@link #free} may write {@code *}/{@code S} (AWS writes {@code 0/S})
   * @param openSteps whether a progression to the end of the field is written {@code A/S} (Quartz,
   *     AWS) rather than {@code A-B/S} (crontab: traditional cron needs the range)
   * @param maxStep the largest step the dialect accepts (cronie: the field's size; Quartz: one
   *     less, so {@code *}/{@code 60} is refused there)
   * @param names names from {@code lo}, or null for numbers
   */
  record Shape(
      int lo,
      int hi,
      int parseHi,
      boolean steps,
      boolean starSteps,
      boolean openSteps,
      int maxStep,
      List<String> names) {
    /** A numeric field whose progressions are written with {@code /}. */
    static Shape numbers(int lo, int hi, boolean starSteps, boolean openSteps, int maxStep) {
      return new Shape(lo, hi, hi, true, starSteps, openSteps, maxStep, null);
    }

    /** Day of week, seven values from {@code lo}, written as lists and ranges. */
    static Shape weekdays(int lo, int parseHi, List<String> names) {
      return new Shape(lo, lo + 6, parseHi, false, false, false, parseHi - lo + 1, names);
    }

    int size() {
      return hi - lo + 1;
    }
  }

  /** {@code *} when full, {@code *}/{@code S} for a progression from {@code lo}, else compact. */
  static String free(int[] values, Shape shape) {
    if (values.length == shape.size()) {
      return "*";
    }
    if (shape.steps() && shape.starSteps() && values.length >= 2) {
      int step = values[1] - values[0];
      if (values[0] == shape.lo() && Arrays.equals(starSet(step, shape), values)) {
        return "*/" + step;
      }
    }
    return compact(values, shape);
  }

  /** Text that does not start with {@code *}: a full field is written as its range. */
  static String fixed(int[] values, Shape shape) {
    if (values.length == shape.size()) {
      return name(shape.lo(), shape) + "-" + name(shape.hi(), shape);
    }
    return compact(values, shape);
  }

  /**
   * Text that starts with {@code *}: {@code *}, or the densest {@code *}/{@code S} inside the
   * values followed by the rest ({@code *}/{@code 60,30} for minutes 0 and 30 in posix); null when
   * there is none: the values lack {@code lo}, which every {@code *} element includes, or only a
   * step larger than {@link Shape#maxStep} would do.
   */
  static String starred(int[] values, Shape shape) {
    if (values.length == shape.size()) {
      return "*";
    }
    if (values.length == 0 || values[0] != shape.lo()) {
      return null;
    }
    for (int step = 2; step <= shape.maxStep(); step++) {
      int[] star = starSet(step, shape);
      if (contains(values, star)) {
        int[] rest = minus(values, star);
        return "*/" + step + (rest.length == 0 ? "" : "," + compact(rest, shape));
      }
    }
    return null;
  }

  /** The values of {@code *}/{@code step} read back in this shape (ends in {@code {lo}}). */
  static int[] starSet(int step, Shape shape) {
    List<Integer> set = new ArrayList<>();
    for (int v = shape.lo(); v <= shape.parseHi(); v += step) {
      int folded = v > shape.hi() ? v - shape.size() : v;
      if (!set.contains(folded)) {
        set.add(folded);
      }
    }
    return set.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Ranges, one progression or a list; never starts with {@code *}. */
  static String compact(int[] values, Shape shape) {
    if (shape.steps() && values.length >= 3) {
      int step = values[1] - values[0];
      if (step >= 2 && isProgression(values, step)) {
        int first = values[0];
        int last = values[values.length - 1];
        return shape.openSteps() && last + step > shape.parseHi()
            ? name(first, shape) + "/" + step
            : name(first, shape) + "-" + name(last, shape) + "/" + step;
      }
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < values.length) {
      int j = i;
      while (j + 1 < values.length && values[j + 1] == values[j] + 1) {
        j++;
      }
      if (j - i >= 2) {
        parts.add(name(values[i], shape) + "-" + name(values[j], shape));
      } else {
        for (int k = i; k <= j; k++) {
          parts.add(name(values[k], shape));
        }
      }
      i = j + 1;
    }
    return String.join(",", parts);
  }

  /** The set bits of {@code bits} from {@code from} to {@code to}, ascending. */
  static int[] values(long bits, int from, int to) {
    int[] out = new int[Long.bitCount(bits & rangeMask(from, to))];
    int n = 0;
    for (int v = from; v <= to; v++) {
      if ((bits & (1L << v)) != 0) {
        out[n++] = v;
      }
    }
    return out;
  }

  private static long rangeMask(int from, int to) {
    return (to >= 63 ? -1L : (1L << (to + 1)) - 1) & (-1L << from);
  }

  private static String name(int v, Shape shape) {
    return shape.names() == null ? Integer.toString(v) : shape.names().get(v - shape.lo());
  }

  private static boolean isProgression(int[] values, int step) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] - values[i - 1] != step) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(int[] values, int[] subset) {
    for (int v : subset) {
      if (Arrays.binarySearch(values, v) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int[] minus(int[] values, int[] remove) {
    return Arrays.stream(values).filter(v -> Arrays.binarySearch(remove, v) < 0).toArray();
  }
}
