package dev.chime.cron;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A brute-force model of posix cron fire times, written from SPEC §2 alone and sharing no code with
 * the engine: it walks the calendar day by day, lists the wall times whose five fields match, and
 * resolves each against the zone's offsets with {@link ZoneRules}. Slow and obvious on purpose; the
 * property tests compare the engine with it.
 *
 * <p>Day fields follow the Vixie rule of §2.1: a day matches when either field matches if both are
 * restricted and neither starts with {@code *}; otherwise both must match. Wall times map to
 * instants by §2.5: a schedule whose minute or hour starts with {@code *} fires at every real
 * instant (none in a gap, both passes of an overlap); any other fires at the first occurrence of
 * its wall time, or at the end of a gap of at most three hours, wall times landing on the same
 * instant firing once.
 */
final class ReferenceFireTimes {
  private static final Duration LONGEST_DST_GAP = Duration.ofHours(3);
  private static final long LONGEST_SEARCH_DAYS = 1L << 15; // about 90 years
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private final boolean[] minutes;
  private final boolean[] hours;
  private final boolean[] daysOfMonth;
  private final boolean[] months;
  private final boolean[] daysOfWeek; // 0 = Sunday
  private final boolean either;
  private final boolean followsClock;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final DstGap gapPolicy;

  private ReferenceFireTimes(String expression, ZoneId zone, DstGap gapPolicy) {
    String text = expression.strip();
    text = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
    String[] f = text.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("not five fields: " + expression);
    }
    minutes = values(f[0], 0, 59, List.of(), false);
    hours = values(f[1], 0, 23, List.of(), false);
    daysOfMonth = values(f[2], 1, 31, List.of(), false);
    months = values(f[3], 1, 12, MONTHS, false);
    boolean[] dow = values(f[4], 0, 7, DAYS, true);
    daysOfWeek = new boolean[7];
    for (int d = 0; d <= 7; d++) {
      daysOfWeek[d % 7] |= dow[d];
    }
    either = !f[2].startsWith("*") && !f[4].startsWith("*");
    followsClock = f[0].startsWith("*") || f[1].startsWith("*");
    this.zone = zone;
    this.rules = zone.getRules();
    this.gapPolicy = gapPolicy;
  }

  static ReferenceFireTimes of(String posixExpression, ZoneId zone, DstGap gapPolicy) {
    return new ReferenceFireTimes(posixExpression, zone, gapPolicy);
  }

  /** The values named by one field, as flags indexed by value. */
  static boolean[] values(
      String field, int min, int max, List<String> names, boolean sundayEndsAtSeven) {
    boolean[] set = new boolean[max + 1];
    for (String element : field.split(",")) {
      String[] baseAndStep = element.split("/");
      String base = baseAndStep[0];
      int step = baseAndStep.length == 2 ? Integer.parseInt(baseAndStep[1]) : 1;
      int from;
      int to;
      if (base.equals("*")) {
        from = min;
        to = max;
      } else if (base.contains("-")) {
        String[] ends = base.split("-");
        from = number(ends[0], min, names);
        to = number(ends[1], min, names);
        if (sundayEndsAtSeven && ends[1].equalsIgnoreCase("SUN") && from > 0) {
          to = 7; // FRI-SUN: Chime reads a range ending in the name SUN as ending at 7
        }
      } else {
        from = number(base, min, names);
        to = baseAndStep.length == 2 ? max : from;
      }
      if (from < min || to > max || from > to || step < 1) {
        throw new IllegalArgumentException("bad element " + element);
      }
      for (int v = from; v <= to; v += step) {
        set[v] = true;
      }
    }
    return set;
  }

  private static int number(String text, int min, List<String> names) {
    int i = names.indexOf(text.toUpperCase(Locale.ROOT));
    return i >= 0 ? i + min : Integer.parseInt(text);
  }

  /** Whether some day of some year matches: over 28 years every date meets every weekday. */
  boolean canFire() {
    for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
      if (dayMatches(d)) {
        return true;
      }
    }
    return false;
  }

  boolean dayMatches(LocalDate date) {
    if (!months[date.getMonthValue()]) {
      return false;
    }
    boolean dom = daysOfMonth[date.getDayOfMonth()];
    boolean dow = daysOfWeek[date.getDayOfWeek().getValue() % 7];
    return either ? dom || dow : dom && dow;
  }

  boolean followsClock() {
    return followsClock;
  }

  /** The fires strictly between two instants, in order. */
  List<FireTime> between(Instant from, Instant to) {
    TreeMap<Instant, FireTime> fires = new TreeMap<>();
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(2);
    for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(2);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      if (!dayMatches(day)) {
        continue;
      }
      for (int h = 0; h < 24; h++) {
        if (!hours[h]) {
          continue;
        }
        for (int m = 0; m < 60; m++) {
          if (minutes[m]) {
            for (FireTime fire : resolve(LocalDateTime.of(day, LocalTime.of(h, m)))) {
              if (fire.instant().isAfter(from) && fire.instant().isBefore(to)) {
                fires.merge(fire.instant(), fire, ReferenceFireTimes::preferred);
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(fires.values());
  }

  /** The fires of one matching wall time. */
  private List<FireTime> resolve(LocalDateTime wall) {
    List<ZoneOffset> offsets = rules.getValidOffsets(wall);
    List<FireTime> fires = new ArrayList<>();
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(wall);
      if (!followsClock && gap.getDuration().compareTo(LONGEST_DST_GAP) <= 0) {
        FireTime.Adjustment adjustment =
            gapPolicy == DstGap.SKIP ? FireTime.Adjustment.SKIPPED : FireTime.Adjustment.SHIFTED;
        fires.add(new FireTime(gap.getInstant(), zone, wall, adjustment));
      }
      return fires;
    }
    List<Instant> instants = new ArrayList<>();
    for (ZoneOffset offset : offsets) {
      instants.add(wall.toInstant(offset));
    }
    instants.sort(null);
    for (Instant instant : followsClock ? instants : instants.subList(0, 1)) {
      fires.add(new FireTime(instant, zone, wall, FireTime.Adjustment.NONE));
    }
    return fires;
  }

  /**
   * Of two wall times landing on one instant, the one that names it: a real wall time over one
   * moved past a gap, else the earliest moved one.
   */
  private static FireTime preferred(FireTime a, FireTime b) {
    if (a.adjustment() == FireTime.Adjustment.NONE) {
      return a;
    }
    if (b.adjustment() == FireTime.Adjustment.NONE) {
      return b;
    }
    return a.scheduled().isBefore(b.scheduled()) ? a : b;
  }

  Optional<FireTime> next(Instant after) {
    List<FireTime> fires = nextFires(after, 1);
    return fires.isEmpty() ? Optional.empty() : Optional.of(fires.get(0));
  }

  /** Up to {@code n} fires strictly after an instant, widening the search until found. */
  List<FireTime> nextFires(Instant after, int n) {
    for (long days = 1; days <= LONGEST_SEARCH_DAYS; days *= 2) {
      List<FireTime> fires = between(after, after.plus(Duration.ofDays(days)));
      if (fires.size() >= n) {
        return fires.subList(0, n);
      }
    }
    return between(after, after.plus(Duration.ofDays(LONGEST_SEARCH_DAYS)));
  }

  Optional<FireTime> previous(Instant before) {
    for (long days = 1; days <= LONGEST_SEARCH_DAYS; days *= 2) {
      List<FireTime> fires = between(before.minus(Duration.ofDays(days)), before);
      if (!fires.isEmpty()) {
        return Optional.of(fires.get(fires.size() - 1));
      }
    }
    return Optional.empty();
  }
}
