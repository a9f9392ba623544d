package dev.chime.cron;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/** Reads IANA zone names, suggesting the closest one when a name is unknown. */
public final class Zones {
  /** Read once: the JDK copies its set of zone ids on every call, and names are read often. */
  private static final Set<String> IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

  private Zones() {}

  /**
   * The zone named {@code name}: an IANA region such as {@code America/Denver}, or {@code UTC}.
   *
   * @throws IllegalArgumentException naming the zone and, when one is close, what was meant
   */
  public static ZoneId of(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("timezone is empty; use an IANA name such as UTC");
    }
    if (isKnown(name)) {
      return ZoneId.of(name);
    }
    String suggestion = closest(name);
    throw new IllegalArgumentException(
        "unknown timezone \""
            + name
            + "\""
            + (suggestion == null ? "; use an IANA name such as Europe/Stockholm"
                : "; did you mean " + suggestion + "?"));
  }

  /** Whether {@code name} is a zone {@link #of} accepts. */
  public static boolean isKnown(String name) {
    return name != null && name.length() <= 64 && IDS.contains(name);
  }

  /** The known zone closest to {@code name} by edit distance, or null when none is close. */
  public static String closest(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return IDS.stream()
        .min(Comparator.comparingInt((String z) -> distance(key, z.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .filter(z -> distance(key, z.toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 4))
        .orElse(null);
  }

  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 8) {
      return Integer.MAX_VALUE / 2;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
