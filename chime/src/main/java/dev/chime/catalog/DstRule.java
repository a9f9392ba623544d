package dev.chime.catalog;

import dev.chime.cron.CronExpression;
import dev.chime.cron.DstGap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fixed-time cron whose time a daylight-saving change of its zone skips or repeats in the
 * coming year (SPEC §2.5). Such a schedule keeps its daily promise: in a gap it fires once at the
 * first instant after it (or is skipped with {@code dstGap: skip}); in an overlap it fires once,
 * at the first occurrence. That is well defined but rarely what the author pictured, so say when.
 */
final class DstRule {
  /** A longer gap is a zone changing its standard offset: nothing inside it fires, for anyone. */
  private static final Duration LONGEST_DST_GAP = Duration.ofHours(3);
  private static final int LISTED_DATES = 3;
  private static final int LISTED_TIMES = 4;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private DstRule() {}

  static void check(FieldFindings found, CronExpression cron, ZoneId zone, DstGap gap,
      Instant now) {
    if (cron.followsClock()) {
      return; // it follows the real clock: times in a gap do not occur, repeated ones run twice
    }
    List<String> moves = new ArrayList<>();
    int more = 0;
    Instant until = now.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
    ZoneOffsetTransition t = zone.getRules().nextTransition(now);
    for (; t != null && t.getInstant().isBefore(until);
        t = zone.getRules().nextTransition(t.getInstant())) {
      if (t.isGap() && t.getDuration().compareTo(LONGEST_DST_GAP) > 0) {
        continue;
      }
      List<LocalDateTime> times = wallTimesWithin(cron, t);
      if (times.isEmpty()) {
        continue;
      }
      if (moves.size() == LISTED_DATES) {
        more++;
      } else {
        moves.add(t.isGap() ? gap(times, zone, t, gap) : overlap(times, zone, t));
      }
    }
    if (!moves.isEmpty()) {
      found.add("cron", found.where("cron"), Rule.DST_TRANSITION, String.join(". ", moves)
          + (more == 0 ? "" : ". It moves on " + more + " more date" + (more == 1 ? "" : "s")
              + " in the coming year"));
    }
  }

  /**
   * The wall times the cron names that the transition skips (gap) or repeats (overlap). Read in
   * UTC, where every wall time exists once, so they are the expression's own times.
   */
  private static List<LocalDateTime> wallTimesWithin(CronExpression cron, ZoneOffsetTransition t) {
    LocalDateTime from = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
    LocalDateTime to = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
    return cron.in(ZoneOffset.UTC).fireTimes(from.toInstant(ZoneOffset.UTC).minusSeconds(1))
        .map(f -> f.time().toLocalDateTime())
        .takeWhile(wall -> wall.isBefore(to))
        .toList();
  }

  /** "02:30 does not exist in America/Denver on 2026-03-08; it will run at 03:00". */
  private static String gap(List<LocalDateTime> times, ZoneId zone, ZoneOffsetTransition t,
      DstGap policy) {
    boolean one = times.size() == 1;
    String what = clocks(times) + (one ? " does not exist" : " do not exist") + " in "
        + zone.getId() + " on " + times.get(0).toLocalDate();
    return what + (policy == DstGap.SKIP
        ? (one ? "; it will be skipped" : "; they will be skipped") + " (dstGap: skip)"
        : (one ? "; it will run at " : "; they run once, at ")
            + CLOCK.format(t.getDateTimeAfter()));
  }

  /** "01:30 occurs twice in America/New_York on 2026-11-01; it runs once, at the first (EDT)". */
  private static String overlap(List<LocalDateTime> times, ZoneId zone, ZoneOffsetTransition t) {
    boolean one = times.size() == 1;
    ZonedDateTime first = ZonedDateTime.ofLocal(times.get(0), zone, t.getOffsetBefore());
    return clocks(times) + (one ? " occurs twice" : " occur twice") + " in " + zone.getId()
        + " on " + times.get(0).toLocalDate() + (one ? "; it runs once" : "; each runs once")
        + ", at the first (" + ZONE_NAME.format(first) + ")";
  }

  /** "02:30", "02:00 and 02:30", or "02:00 to 02:59 (60 times)". */
  private static String clocks(List<LocalDateTime> times) {
    List<String> clocks = times.stream().map(LocalDateTime::toLocalTime).map(CLOCK::format)
        .toList();
    if (clocks.size() > LISTED_TIMES) {
      return clocks.getFirst() + " to " + clocks.getLast() + " (" + clocks.size() + " times)";
    }
    if (clocks.size() == 1) {
      return clocks.getFirst();
    }
    return String.join(", ", clocks.subList(0, clocks.size() - 1)) + " and " + clocks.getLast();
  }
}
