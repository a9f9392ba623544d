package dev.chime.cron;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day-of-month and day-of-week fields together: plain values through {@link FieldParser},
 * Quartz's {@code ? L W LW nL n#k}, the Vixie OR rule, and the check that some date matches.
 */
final class DayFields {
  private static final Pattern LAST_DAY = Pattern.compile("(?i)L(?:-(\\d{1,2}))?");
  private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(?i)(\\d{1,2})W");
  private static final Pattern LAST_DOW = Pattern.compile("(?i)(\\w+)L");
  private static final Pattern NTH_DOW = Pattern.compile("(\\w+)#(\\d{1,2})");

  private final CronParser parser;
  private final FieldParser fields;
  private final Dialect dialect;

  DayFields(CronParser parser, FieldParser fields, Dialect dialect) {
    this.parser = parser;
    this.fields = fields;
    this.dialect = dialect;
  }

  /** The day-of-month and day-of-week fields together, checked to fire in some month. */
  DayRule rule(CronParser.Token dom, CronParser.Token dow, int months, YearSet years) {
    DayRuleBuilder b = new DayRuleBuilder();
    if (dom.text().equals("?")) {
      requireQuestionMarkAllowed(Field.DAY_OF_MONTH, dom);
      b.domBits = allBits(1, 31);
    } else {
      for (FieldParser.Element e : fields.elements(Field.DAY_OF_MONTH, dom)) {
        dayOfMonth(e, b);
      }
    }
    if (dow.text().equals("?")) {
      requireQuestionMarkAllowed(Field.DAY_OF_WEEK, dow);
      b.dowBits = 0x7f;
    } else {
      for (FieldParser.Element e : fields.elements(Field.DAY_OF_WEEK, dow)) {
        dayOfWeek(e, b);
      }
    }
    boolean crontab = dialect == Dialect.POSIX || dialect == Dialect.ISO;
    b.either = crontab && !dom.text().startsWith("*") && !dow.text().startsWith("*");
    DayRule rule = b.build();
    new NeverFires(parser, rule, months, years, dom).check();
    return rule;
  }

  private void dayOfMonth(FieldParser.Element e, DayRuleBuilder b) {
    String t = e.text();
    if (fields.isQuartzLike() && FieldParser.hasSpecialCharacter(t)) {
      if (t.equalsIgnoreCase("LW")) {
        b.lastWeekday = true;
        return;
      }
      Matcher last = LAST_DAY.matcher(t);
      if (last.matches()) {
        int offset = last.group(1) == null ? 0 : Integer.parseInt(last.group(1));
        if (offset > 30) {
          throw fields.error(Field.DAY_OF_MONTH, e, "L-" + offset + " is out of range; use L-0 to L-30");
        }
        if (last.group(1) != null && dialect == Dialect.AWS) {
          throw fields.error(Field.DAY_OF_MONTH, e, "L-n is Quartz only; AWS accepts L");
        }
        b.lastDayOffset = offset;
        return;
      }
      Matcher nearest = NEAREST_WEEKDAY.matcher(t);
      if (nearest.matches()) {
        int day = Integer.parseInt(nearest.group(1));
        if (day < 1 || day > 31) {
          throw fields.error(Field.DAY_OF_MONTH, e, "value " + day + " out of range 1-31");
        }
        b.nearestWeekdayBits |= 1L << day;
        return;
      }
    }
    b.domBits |= fields.plain(Field.DAY_OF_MONTH, e);
  }

  private void dayOfWeek(FieldParser.Element e, DayRuleBuilder b) {
    String t = e.text();
    if (fields.isQuartzLike() && FieldParser.hasSpecialCharacter(t)) {
      if (t.equalsIgnoreCase("L")) {
        b.dowBits |= 1 << 6; // a lone L is the last day of the week: Saturday
        return;
      }
      Matcher last = LAST_DOW.matcher(t);
      if (last.matches()) {
        b.lastDowBits |= 1 << fields.canonicalDow(fields.dowValue(last.group(1), e));
        return;
      }
      Matcher nth = NTH_DOW.matcher(t);
      if (nth.matches()) {
        int k = Integer.parseInt(nth.group(2));
        if (k < 1 || k > 5) {
          throw fields.error(Field.DAY_OF_WEEK, e, "#" + k + " is out of range; a month has weeks #1 to #5");
        }
        b.nthDowBits |= 1L << (fields.canonicalDow(fields.dowValue(nth.group(1), e)) * 5 + k - 1);
        return;
      }
    }
    b.dowBits |= (int) fields.plain(Field.DAY_OF_WEEK, e);
  }

  private void requireQuestionMarkAllowed(Field field, CronParser.Token token) {
    if (!fields.isQuartzLike()) {
      throw parser.error(field, token.column(), "?", "? is Quartz and AWS only; write * instead");
    }
  }

  private static long allBits(int from, int to) {
    long bits = 0;
    for (int i = from; i <= to; i++) {
      bits |= 1L << i;
    }
    return bits;
  }

  /** Collects the parts of a {@link DayRule} while the two day fields are read. */
  private static final class DayRuleBuilder {
    long domBits;
    int lastDayOffset = -1;
    long nearestWeekdayBits;
    boolean lastWeekday;
    int dowBits;
    int lastDowBits;
    long nthDowBits;
    boolean either;

    DayRule build() {
      return new DayRule(
          domBits, lastDayOffset, nearestWeekdayBits, lastWeekday, dowBits, lastDowBits,
          nthDowBits, either);
    }
  }
}
