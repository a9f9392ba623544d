package dev.chime.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * When a translation may fail, read from the model alone: each applicable reason class adds the
 * pattern its message must match. A translation that fails with no applicable class is a bug.
 */
final class TranslatorFailures {
  private static final long ALL_DOM = 0xFFFF_FFFEL;

  private TranslatorFailures() {}

  /** A regex matching any acceptable reason; matches nothing when the translation must work. */
  static String allowed(TimePattern p, TranslationTarget t) {
    List<String> reasons = new ArrayList<>();
    DayRule d = p.days();
    int[] years = p.years().toArray();
    if (!p.years().isAny() && t.crontab) {
      reasons.add("the year field \\(.*\\) has no " + t.label + " form; .*");
    }
    if (t == TranslationTarget.QUARTZ && years.length > 0 && years[years.length - 1] > 2099) {
      reasons.add("the years after 2099 .* have no Quartz form; .*");
    }
    boolean specials =
        d.lastDayOffset() >= 0
            || d.nearestWeekdayBits() != 0
            || d.lastWeekday()
            || d.lastDowBits() != 0
            || d.nthDowBits() != 0;
    if (t.crontab && specials) {
      reasons.add("(L|L-\\d+|LW|\\d+W|\\dL|\\d#\\d) \\(.*\\) has no " + t.label + " form");
    }
    boolean domRestricted = (d.domBits() & ALL_DOM) != ALL_DOM;
    boolean dowRestricted = d.dowBits() != 0x7f;
    if (t.quartzLike && d.either() && domRestricted && dowRestricted) {
      reasons.add(
          "the (posix|iso) OR of day-of-month and day-of-week \\(.*\\) has no "
              + t.label
              + " form; "
              + t.label
              + " needs \\? in one of them");
    }
    if (!d.either() && domRestricted && dowRestricted && andIsInexpressible(d, t)) {
      reasons.add("the AND of day-of-month and day-of-week \\(.*\\) has no " + t.label + " form.*");
    }
    if (t == TranslationTarget.AWS && d.lastDayOffset() > 0) {
      reasons.add("L-\\d+ \\(.*\\) has no AWS form; AWS accepts L but not L-n");
    }
    int domPlain = d.domBits() != 0 ? 1 : 0;
    int domElements =
        domPlain
            + (d.lastDayOffset() >= 0 ? 1 : 0)
            + Long.bitCount(d.nearestWeekdayBits())
            + (d.lastWeekday() ? 1 : 0);
    int dowPlain = d.dowBits() != 0 ? 1 : 0;
    int dowElements = dowPlain + Integer.bitCount(d.lastDowBits()) + Long.bitCount(d.nthDowBits());
    if (t.quartzLike
        && (domElements > domPlain && domElements > 1
            || dowElements > dowPlain && dowElements > 1)) {
      reasons.add(
          "day-of-(month|week) .* has no %s form: %s accepts .* only alone in day-of-(month|week)"
              .formatted(t.label, t.label));
    }
    boolean fullTime = p.minutes() == (1L << 60) - 1 || p.hours() == (1L << 24) - 1;
    if (t.quartzLike && p.followsClock() && !fullTime) {
      reasons.add(
          "the schedule follows the clock .* %s steps stop at 59 minutes and 23 hours"
              .formatted(t.label));
    }
    return reasons.isEmpty() ? "(?!)" : "(?s)(" + String.join(")|(", reasons) + ")";
  }

  /**
   * Quartz, AWS and Kubernetes have no AND of two restricted day fields; posix and iso have it when
   * one field can start with *, which always includes the 1st or the first day of the week.
   */
  private static boolean andIsInexpressible(DayRule d, TranslationTarget t) {
    if (t.quartzLike || t == TranslationTarget.KUBERNETES) {
      return true;
    }
    int firstDay = t == TranslationTarget.ISO ? 1 : 0; // Monday or Sunday
    return (d.domBits() & 2) == 0 && (d.dowBits() & (1 << firstDay)) == 0;
  }
}
