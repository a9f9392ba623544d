package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The shared grammar of {@link Words}: bit sets as sorted values, runs and progressions, lists
 * joined the way English joins them ("a, b and c"), ordinals and clock times.
 */
final class ListWords {
  private static final String[] ORDINALS = {
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth"
  };

  private ListWords() {}

  /** The set bits of {@code bits}, ascending. */
  static int[] values(long bits) {
    int[] values = new int[Long.bitCount(bits)];
    int i = 0;
    for (long b = bits; b != 0; b &= b - 1) {
      values[i++] = Long.numberOfTrailingZeros(b);
    }
    return values;
  }

  /**
   * The common difference of ascending values, or -1 when they are not an arithmetic progression
   * (or fewer than two).
   */
  static int step(int[] values) {
    if (values.length < 2) {
      return -1;
    }
    int step = values[1] - values[0];
    for (int i = 2; i < values.length; i++) {
      if (values[i] - values[i - 1] != step) {
        return -1;
      }
    }
    return step;
  }

  /** Maximal runs of consecutive ascending values, each as {first, last}. */
  static List<int[]> runs(int[] values) {
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < values.length) {
      int j = i;
      while (j + 1 < values.length && values[j + 1] == values[j] + 1) {
        j++;
      }
      runs.add(new int[] {values[i], values[j]});
      i = j + 1;
    }
    return runs;
  }

  /**
   * Values as a short list: a long arithmetic progression as "1, 4, 7, ..., 31" (when {@code
   * ellipsis}), runs of three or more as "1 through 5", the rest one by one, joined with "and".
   */
  static String compact(int[] values, IntFunction<String> name, boolean ellipsis) {
    if (ellipsis && values.length >= 7 && step(values) > 1) {
      return name.apply(values[0])
          + ", "
          + name.apply(values[1])
          + ", "
          + name.apply(values[2])
          + ", ..., "
          + name.apply(values[values.length - 1]);
    }
    List<String> items = new ArrayList<>();
    for (int[] run : runs(values)) {
      if (run[1] - run[0] >= 2) {
        items.add(name.apply(run[0]) + " through " + name.apply(run[1]));
      } else {
        for (int v = run[0]; v <= run[1]; v++) {
          items.add(name.apply(v));
        }
      }
    }
    return join(items, "and");
  }

  /** "a", "a and b", "a, b and c" (with {@code conjunction} in place of "and"). */
  static String join(List<String> items, String conjunction) {
    int n = items.size();
    if (n == 0) {
      return "";
    }
    if (n == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, n - 1)) + " " + conjunction + " " + items.get(n - 1);
  }

  /** "first" to "tenth", then "11th", "12th", "21st", "22nd", ... */
  static String ordinal(int n) {
    if (n >= 1 && n < ORDINALS.length) {
      return ORDINALS[n];
    }
    if (n % 100 >= 11 && n % 100 <= 13) {
      return n + "th";
    }
    return switch (n % 10) {
      case 1 -> n + "st";
      case 2 -> n + "nd";
      case 3 -> n + "rd";
      default -> n + "th";
    };
  }

  /** A wall time as "HH:MM". */
  static String clock(int hour, int minute) {
    return twoDigits(hour) + ":" + twoDigits(minute);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
