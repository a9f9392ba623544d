package dev.chime.bench.load;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles (nearest rank) of durations in nanoseconds, printed in milliseconds. */
record Stats(int count, long p50, long p90, long p99, long max) {

  static Stats of(long[] nanos, int count) {
    if (count == 0) {
      return new Stats(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Stats(count, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
        sorted[count - 1]);
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  @Override
  public String toString() {
    return "n=" + count + " p50=" + ms(p50) + " ms p90=" + ms(p90) + " ms p99=" + ms(p99)
        + " ms max=" + ms(max) + " ms";
  }
}
