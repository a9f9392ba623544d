package dev.chime.cron;

import java.util.Arrays;

/**
 * Writes a parsed expression in another dialect, exactly or not at all. Works from the parsed
 * {@link TimePattern}, never from the text, so the output is normalised: {@code H} is resolved,
 * names become numbers (Quartz and AWS days of the week become SUN-SAT), and each field is written
 * compactly from its values ({@link FieldText}).
 *
 * <p>Exact means that the output, parsed in the target dialect, has the same values in every field,
 * the same days, and the same daylight-saving class: it follows the clock iff the source does,
 * which the text carries in whether the minute or hour field starts with {@code *}. A
 * clock-following schedule keeps a leading {@code *} ({@code *}/{@code 60,30} when nothing more
 * natural exists); a fixed-time schedule never has one ({@code 0-59}, {@code 0/2}).
 *
 * <p>What cannot be said exactly fails with a {@link TranslationException} whose message says why:
 * a year field in posix, {@code L W #} outside Quartz and AWS, {@code L-n} in AWS, the posix OR of
 * the two day fields in Quartz or AWS, and an AND of two restricted day fields where the target
 * reads it as OR (see {@link TranslatorDays}).
 */
final class Translator {
  private Translator() {}

  static String translate(CronExpression cron, Dialect target) {
    return write(cron, TranslationTarget.of(target));
  }

  /**
   * The five-field schedule for a Kubernetes CronJob, as robfig/cron reads it: posix fields, day of
   * week 0-6, and two restricted day fields always either-or.
   */
  static String toKubernetes(CronExpression cron) {
    return write(cron, TranslationTarget.KUBERNETES);
  }

  private static String write(CronExpression cron, TranslationTarget t) {
    TimePattern p = cron.pattern();
    String year = year(p.years(), t);
    String[] time = time(p, t);
    String[] days = new TranslatorDays(p.days(), cron.dialect()).render(t);
    String month = FieldText.free(FieldText.values(p.months(), 1, 12), t.month());
    return t.format(time[0], time[1], days[0], month, days[1], year);
  }

  /** Minute and hour, with a leading {@code *} exactly when the source follows the clock. */
  private static String[] time(TimePattern p, TranslationTarget t) {
    int[] minutes = FieldText.values(p.minutes(), 0, 59);
    int[] hours = FieldText.values(p.hours(), 0, 23);
    if (!p.followsClock()) {
      return new String[] {FieldText.fixed(minutes, t.minute()), FieldText.fixed(hours, t.hour())};
    }
    String minute = FieldText.free(minutes, t.minute());
    String hour = FieldText.free(hours, t.hour());
    if (minute.startsWith("*") || hour.startsWith("*")) {
      return new String[] {minute, hour};
    }
    String starredMinute = FieldText.starred(minutes, t.minute());
    String starredHour = FieldText.starred(hours, t.hour());
    if (starredMinute != null
        && (starredHour == null || starredMinute.length() <= starredHour.length())) {
      return new String[] {starredMinute, hour};
    }
    if (starredHour != null) {
      return new String[] {minute, starredHour};
    }
    throw new TranslationException(
        ("the schedule follows the clock through daylight-saving changes (its minute or hour"
                + " field starts with *), and no %s minute or hour field starting with * gives"
                + " minutes %s at hours %s; %s steps stop at %d minutes and %d hours")
            .formatted(
                t.label,
                FieldText.fixed(minutes, t.minute()),
                FieldText.fixed(hours, t.hour()),
                t.label,
                t.minute().maxStep(),
                t.hour().maxStep()));
  }

  /** The year field, null for every year, or the reason the target cannot say it. */
  private static String year(YearSet years, TranslationTarget t) {
    if (years.isAny()) {
      return null;
    }
    int[] values = years.toArray();
    FieldText.Shape shape = t.year();
    if (shape == null) {
      throw new TranslationException(
          "the year field (%s) has no %s form; %s schedules repeat every year"
              .formatted(yearText(values), t.label, t.label));
    }
    int[] late = Arrays.stream(values).filter(y -> y > shape.hi()).toArray();
    if (late.length > 0) {
      throw new TranslationException(
          "the years after %d (%s) have no %s form; %s's year field ends at %d"
              .formatted(shape.hi(), yearText(late), t.label, t.label, shape.hi()));
    }
    return FieldText.fixed(values, shape);
  }

  /** Years for a message, with explicit ranges ({@code 2100-2195/5}, not {@code 2100/5}). */
  private static String yearText(int[] years) {
    return FieldText.fixed(years, TranslationTarget.POSIX.yearForWords());
  }
}
