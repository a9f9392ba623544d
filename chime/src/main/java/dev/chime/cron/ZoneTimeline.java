package dev.chime.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's offsets as a line of segments between transitions, with the few segments used last
 * kept so that look-ups near the same times cost a comparison or two instead of a walk through
 * the JDK's zone rules. Segments are immutable, so threads racing on the small cache at worst
 * recompute one.
 */
final class ZoneTimeline {
  /** A local time that does not exist (inside a gap). */
  static final long GAP = Long.MIN_VALUE;

  /** A gap longer than this is a change of standard offset, not daylight saving (SPEC §2.5). */
  private static final long LONGEST_DST_GAP_SECONDS = 3 * 3600;

  /**
   * The instants [start, end) during which the zone has one offset, and the offsets either side.
   * Local seconds in [safeLocalStart, safeLocalEnd) exist exactly once in this segment.
   */
  record Segment(
      long start,
      long end,
      int offset,
      int offsetBefore,
      int offsetAfter,
      long safeLocalStart,
      long safeLocalEnd) {

    static Segment of(long start, long end, int offset, int offsetBefore, int offsetAfter) {
      long safeStart =
          start == Long.MIN_VALUE ? Long.MIN_VALUE : start + Math.max(offset, offsetBefore);
      long safeEnd = end == Long.MAX_VALUE ? Long.MAX_VALUE : end + Math.min(offset, offsetAfter);
      return new Segment(start, end, offset, offsetBefore, offsetAfter, safeStart, safeEnd);
    }

    boolean contains(long epochSecond) {
      return epochSecond >= start && epochSecond < end;
    }
  }

  private static final int CACHED = 4; // a power of two

  private final ZoneId zone;
  private final ZoneRules rules;
  private final Segment[] recent = new Segment[CACHED];
  private int nextSlot;

  ZoneTimeline(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    if (rules.isFixedOffset()) {
      recent[0] = fixed();
    }
  }

  ZoneId zone() {
    return zone;
  }

  private Segment fixed() {
    int offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    return Segment.of(Long.MIN_VALUE, Long.MAX_VALUE, offset, offset, offset);
  }

  /** The segment containing an instant. */
  Segment at(long epochSecond) {
    for (Segment s : recent) {
      if (s != null && s.contains(epochSecond)) {
        return s;
      }
    }
    Segment s = segmentAt(epochSecond);
    recent[nextSlot++ & (CACHED - 1)] = s;
    return s;
  }

  private Segment segmentAt(long epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    int offset = rules.getOffset(instant).getTotalSeconds();
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    return Segment.of(
        previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
        next == null ? Long.MAX_VALUE : next.toEpochSecond(),
        offset,
        previous == null ? offset : previous.getOffsetBefore().getTotalSeconds(),
        next == null ? offset : next.getOffsetAfter().getTotalSeconds());
  }

  /**
   * The instant of the first occurrence of a local time (in seconds since the local epoch), or
   * {@link #GAP} when it does not exist.
   */
  long firstOccurrence(long localSecond) {
    for (Segment s : recent) {
      if (s != null && localSecond >= s.safeLocalStart && localSecond < s.safeLocalEnd) {
        return localSecond - s.offset;
      }
    }
    LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    ZoneOffsetTransition transition = rules.getTransition(local);
    long instant;
    if (transition == null) {
      instant = localSecond - rules.getOffset(local).getTotalSeconds();
    } else if (transition.isOverlap()) {
      instant = localSecond - transition.getOffsetBefore().getTotalSeconds();
    } else {
      return GAP;
    }
    at(instant);
    return instant;
  }

  /**
   * For a local time inside a gap: the instant the gap ends, or {@link #GAP} when the gap is a
   * change of standard offset longer than daylight saving, inside which nothing fires.
   */
  long gapEnd(long localSecond) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (transition.getDuration().getSeconds() > LONGEST_DST_GAP_SECONDS) {
      return GAP;
    }
    return transition.toEpochSecond();
  }
}
