package dev.chime.schedule;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Guessing what a misspelt name meant, for "did you mean …?" in messages. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code name} by edit distance, or null when none is close. */
  public static String closest(String name, List<String> candidates) {
    if (name == null || name.length() > 64) {
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(key, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .filter(c -> distance(key, c.toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 3))
        .orElse(null);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
