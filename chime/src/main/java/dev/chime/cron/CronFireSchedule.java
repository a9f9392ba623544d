package dev.chime.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A cron expression's fire times in a zone, with Chime's daylight-saving model (SPEC §2.5).
 *
 * <p>A schedule that follows the clock (minute or hour starts with {@code *}) fires at every real
 * instant whose local time matches: gap times never occur and overlap times occur twice. A
 * schedule with a fixed time keeps its daily promise: each matching wall time maps to its first
 * occurrence, or to the end of the gap when it does not exist, and wall times that map to the same
 * instant fire once. Both maps are non-decreasing, so the next fire is the first matching wall
 * time whose instant lies after the start, found by a short forward walk.
 */
final class CronFireSchedule implements FireSchedule {
  /** Fire times are computed for the years 0001 to 9999, the range of ISO-8601 calendars. */
  private static final long FIRST_SECOND = -62_135_596_800L; // 0001-01-01T00:00:00Z

  private static final long LAST_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private final TimePattern pattern;
  private final ZoneTimeline timeline;
  private final DstGap gapPolicy;

  CronFireSchedule(TimePattern pattern, ZoneId zone, DstGap gapPolicy) {
    this.pattern = pattern;
    this.timeline = new ZoneTimeline(zone);
    this.gapPolicy = gapPolicy;
  }

  @Override
  public ZoneId zone() {
    return timeline.zone();
  }

  @Override
  public Optional<FireTime> next(Instant after) {
    long t = after.getEpochSecond();
    if (t >= LAST_SECOND - 2 * 86_400) {
      return Optional.empty();
    }
    t = Math.max(t, FIRST_SECOND);
    return pattern.followsClock() ? nextOnClock(t) : nextFixed(t);
  }

  @Override
  public Optional<FireTime> previous(Instant before) {
    long t = before.getNano() > 0 ? before.getEpochSecond() : before.getEpochSecond() - 1;
    if (t <= FIRST_SECOND + 2 * 86_400) {
      return Optional.empty();
    }
    t = Math.min(t, LAST_SECOND);
    return pattern.followsClock() ? previousOnClock(t) : previousFixed(t);
  }

  private Optional<FireTime> nextOnClock(long after) {
    ZoneTimeline.Segment segment = timeline.at(after);
    long wall = pattern.nextAtOrAfter(Math.floorDiv(after + segment.offset(), 60) + 1);
    while (wall != TimePattern.NONE) {
      long instant = wall * 60 - segment.offset();
      if (instant < segment.end()) {
        return fire(instant, wall, FireTime.Adjustment.NONE);
      }
      long transition = segment.end();
      segment = timeline.at(transition);
      wall = pattern.nextAtOrAfter(Math.ceilDiv(transition + segment.offset(), 60));
    }
    return Optional.empty();
  }

  private Optional<FireTime> previousOnClock(long atOrBefore) {
    ZoneTimeline.Segment segment = timeline.at(atOrBefore);
    long wall = pattern.previousAtOrBefore(Math.floorDiv(atOrBefore + segment.offset(), 60));
    while (wall != TimePattern.NONE) {
      long instant = wall * 60 - segment.offset();
      if (instant >= segment.start()) {
        return fire(instant, wall, FireTime.Adjustment.NONE);
      }
      long beforeSegment = segment.start() - 1;
      segment = timeline.at(beforeSegment);
      wall = pattern.previousAtOrBefore(Math.floorDiv(beforeSegment + segment.offset(), 60));
    }
    return Optional.empty();
  }

  private Optional<FireTime> nextFixed(long after) {
    ZoneTimeline.Segment segment = timeline.at(after);
    long wall = pattern.nextAtOrAfter(Math.floorDiv(after + segment.offset(), 60) + 1);
    while (wall != TimePattern.NONE) {
      long instant = timeline.firstOccurrence(wall * 60);
      if (instant != ZoneTimeline.GAP) {
        if (instant > after) {
          return fire(instant, wall, FireTime.Adjustment.NONE);
        }
      } else {
        long gapEnd = timeline.gapEnd(wall * 60);
        if (gapEnd != ZoneTimeline.GAP && gapEnd > after) {
          return gapFire(gapEnd);
        }
      }
      wall = pattern.nextAtOrAfter(wall + 1);
    }
    return Optional.empty();
  }

  private Optional<FireTime> previousFixed(long atOrBefore) {
    ZoneTimeline.Segment segment = timeline.at(atOrBefore);
    int widest = Math.max(segment.offset(), Math.max(segment.offsetBefore(), segment.offsetAfter()));
    long wall = pattern.previousAtOrBefore(Math.floorDiv(atOrBefore + widest, 60));
    while (wall != TimePattern.NONE) {
      long instant = timeline.firstOccurrence(wall * 60);
      if (instant != ZoneTimeline.GAP) {
        if (instant <= atOrBefore) {
          return fire(instant, wall, FireTime.Adjustment.NONE);
        }
      } else {
        long gapEnd = timeline.gapEnd(wall * 60);
        if (gapEnd != ZoneTimeline.GAP && gapEnd <= atOrBefore) {
          return gapFire(gapEnd);
        }
      }
      wall = pattern.previousAtOrBefore(wall - 1);
    }
    return Optional.empty();
  }

  /**
   * A fire at the end of a gap for the wall times inside it. When the wall time just after the
   * gap matches too, they collapse into that real fire; otherwise the fire names the first
   * missing wall time, whichever direction found it.
   */
  private Optional<FireTime> gapFire(long gapEnd) {
    long wallAtEnd = gapEnd + timeline.at(gapEnd).offset();
    if (wallAtEnd % 60 == 0 && pattern.matches(wallAtEnd / 60)) {
      return fire(gapEnd, wallAtEnd / 60, FireTime.Adjustment.NONE);
    }
    long gapStart = gapEnd + timeline.at(gapEnd - 1).offset();
    long firstMissing = pattern.nextAtOrAfter(Math.ceilDiv(gapStart, 60));
    FireTime.Adjustment adjustment =
        gapPolicy == DstGap.SKIP ? FireTime.Adjustment.SKIPPED : FireTime.Adjustment.SHIFTED;
    return fire(gapEnd, firstMissing, adjustment);
  }

  private Optional<FireTime> fire(long instant, long wallMinute, FireTime.Adjustment adjustment) {
    if (instant > LAST_SECOND || instant < FIRST_SECOND) {
      return Optional.empty();
    }
    return Optional.of(
        new FireTime(instant, timeline.zone(), wallMinute, adjustment));
  }
}
