package dev.chime.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of one field: lists of {@code *}, values, names, ranges and steps, {@code H}, and
 * the day specials of Quartz and AWS. Values are read in the dialect's numbering and stored in
 * the canonical one (day of week 0 = Sunday).
 */
final class FieldParser {
  private static final Pattern SPREAD = Pattern.compile("H(?:\\((\\w+)-(\\w+)\\))?");
  // L and W are case-insensitive, as in Quartz
  private static final Pattern LAST_DAY = Pattern.compile("(?i)L(?:-(\\d{1,2}))?");
  private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(?i)(\\d{1,2})W");
  private static final Pattern LAST_DOW = Pattern.compile("(?i)(\\w+)L");
  private static final Pattern NTH_DOW = Pattern.compile("(\\w+)#(\\d{1,2})");
  private static final Pattern SPECIAL =
      Pattern.compile("(?i)L|L-\\d*|LW|\\d+W|\\w+L|\\w*#\\w*");

  private final CronParser parser;
  private final Dialect dialect;

  FieldParser(CronParser parser, Dialect dialect) {
    this.parser = parser;
    this.dialect = dialect;
  }

  /** The canonical values of a minute, hour or month field. */
  long bits(Field field, CronParser.Token token) {
    long bits = 0;
    for (Element e : elements(field, token)) {
      bits |= plain(field, e);
    }
    return bits;
  }

  YearSet years(CronParser.Token token, int max) {
    if (token.text().equals("*")) {
      return YearSet.ANY;
    }
    BitSet years = new BitSet();
    for (Element e : elements(Field.YEAR, token)) {
      Range r = range(Field.YEAR, e, Field.YEAR.min, max);
      for (int y = r.from; y <= r.to; y += r.step) {
        years.set(y - Field.YEAR.min);
      }
    }
    return YearSet.of(years);
  }

  /** The day-of-month and day-of-week fields together, checked to fire in some month. */
  DayRule dayRule(CronParser.Token dom, CronParser.Token dow, int months, YearSet years) {
    DayRuleBuilder b = new DayRuleBuilder();
    if (dom.text().equals("?")) {
      requireQuestionMarkAllowed(Field.DAY_OF_MONTH, dom);
      b.domBits = allBits(1, 31);
    } else {
      for (Element e : elements(Field.DAY_OF_MONTH, dom)) {
        dayOfMonth(e, b);
      }
    }
    if (dow.text().equals("?")) {
      requireQuestionMarkAllowed(Field.DAY_OF_WEEK, dow);
      b.dowBits = 0x7f;
    } else {
      for (Element e : elements(Field.DAY_OF_WEEK, dow)) {
        dayOfWeek(e, b);
      }
    }
    boolean crontab = dialect == Dialect.POSIX || dialect == Dialect.ISO;
    b.either = crontab && !dom.text().startsWith("*") && !dow.text().startsWith("*");
    DayRule rule = b.build();
    new NeverFires(parser, rule, months, years, dom).check();
    return rule;
  }

  private void dayOfMonth(Element e, DayRuleBuilder b) {
    String t = e.text;
    if (isQuartzLike() && hasSpecialCharacter(t)) {
      if (t.equalsIgnoreCase("LW")) {
        b.lastWeekday = true;
        return;
      }
      Matcher last = LAST_DAY.matcher(t);
      if (last.matches()) {
        int offset = last.group(1) == null ? 0 : Integer.parseInt(last.group(1));
        if (offset > 30) {
          throw error(Field.DAY_OF_MONTH, e, "L-" + offset + " is out of range; use L-0 to L-30");
        }
        if (last.group(1) != null && dialect == Dialect.AWS) {
          throw error(Field.DAY_OF_MONTH, e, "L-n is Quartz only; AWS accepts L");
        }
        b.lastDayOffset = offset;
        return;
      }
      Matcher nearest = NEAREST_WEEKDAY.matcher(t);
      if (nearest.matches()) {
        int day = Integer.parseInt(nearest.group(1));
        if (day < 1 || day > 31) {
          throw error(Field.DAY_OF_MONTH, e, "value " + day + " out of range 1-31");
        }
        b.nearestWeekdayBits |= 1L << day;
        return;
      }
    }
    b.domBits |= plain(Field.DAY_OF_MONTH, e);
  }

  private void dayOfWeek(Element e, DayRuleBuilder b) {
    String t = e.text;
    if (isQuartzLike() && hasSpecialCharacter(t)) {
      if (t.equalsIgnoreCase("L")) {
        b.dowBits |= 1 << 6; // a lone L is the last day of the week: Saturday
        return;
      }
      Matcher last = LAST_DOW.matcher(t);
      if (last.matches()) {
        b.lastDowBits |= 1 << canonicalDow(dowValue(last.group(1), e));
        return;
      }
      Matcher nth = NTH_DOW.matcher(t);
      if (nth.matches()) {
        int k = Integer.parseInt(nth.group(2));
        if (k < 1 || k > 5) {
          throw error(Field.DAY_OF_WEEK, e, "#" + k + " is out of range; a month has weeks #1 to #5");
        }
        b.nthDowBits |= 1L << (canonicalDow(dowValue(nth.group(1), e)) * 5 + k - 1);
        return;
      }
    }
    b.dowBits |= (int) plain(Field.DAY_OF_WEEK, e);
  }

  /** Bits of a field element made of *, values, ranges, steps and H. */
  private long plain(Field field, Element e) {
    rejectSpecials(field, e);
    int low = low(field);
    int high = high(field);
    Range r = range(field, e, low, high);
    int span = high - low + 1;
    long bits = 0;
    for (int v = r.from; v <= r.to; v += r.step) {
      bits |= 1L << canonical(field, v > high ? v - span : v); // a Quartz range may wrap
    }
    return bits;
  }

  private Range range(Field field, Element e, int low, int high) {
    int slash = e.text.indexOf('/');
    boolean stepped = slash >= 0;
    if (stepped && e.text.indexOf('/', slash + 1) >= 0) {
      throw error(field, e, "only one / is allowed in \"" + e.text + "\"");
    }
    int step = stepped ? step(field, e.text.substring(slash + 1), e.column + slash + 1) : 1;
    String base = stepped ? e.text.substring(0, slash) : e.text;
    if (base.equals("*")) {
      return new Range(low, high, step);
    }
    if (base.startsWith("H")) {
      return spread(field, e, base, low, high, step);
    }
    int dash = base.indexOf('-', 1);
    if (dash < 0) {
      int v = value(field, base, e.column, low, high);
      return new Range(v, stepped ? high : v, step);
    }
    int from = value(field, base.substring(0, dash), e.column, low, high);
    String toText = base.substring(dash + 1);
    int to = value(field, toText, e.column + dash + 1, low, high);
    if (field == Field.DAY_OF_WEEK
        && dialect == Dialect.POSIX
        && toText.equalsIgnoreCase("SUN")
        && from > 0) {
      to = 7; // FRI-SUN reads as 5-7; SUN-SUN stays Sunday
    }
    if (to < from) {
      if (dialect == Dialect.QUARTZ && field != Field.YEAR) {
        return new Range(from, to + (high - low + 1), step); // Quartz wraps: FRI-MON, 22-2
      }
      throw error(
          field,
          e,
          "range " + base + " goes backwards; write the lower value first (ranges do not wrap)");
    }
    return new Range(from, to, step);
  }

  private int step(Field field, String text, int column) {
    if (!isNumber(text) || Integer.parseInt(text) == 0) {
      throw parser.error(
          field, column, text, "step \"" + text + "\" must be a whole number of at least 1");
    }
    return Integer.parseInt(text);
  }

  private Range spread(Field field, Element e, String base, int low, int high, int step) {
    if (dialect != Dialect.POSIX) {
      throw error(field, e, "H is supported in the posix dialect only");
    }
    Matcher m = SPREAD.matcher(base);
    if (!m.matches()) {
      throw error(field, e, "expected H, H(A-B), H/S or H(A-B)/S");
    }
    int from = field == Field.DAY_OF_MONTH ? 1 : low;
    int to = field == Field.DAY_OF_MONTH ? 28 : (field == Field.DAY_OF_WEEK ? 6 : high);
    if (m.group(1) != null) {
      from = value(field, m.group(1), e.column + 2, low, high);
      to = value(field, m.group(2), e.column + 3 + m.group(1).length(), low, high);
      if (to < from) {
        throw error(field, e, "range in " + base + " goes backwards; write the lower value first");
      }
    }
    if (step > 1 || e.text.contains("/")) {
      int start = from + parser.spread().pick(field, Math.min(step, to - from + 1));
      return new Range(start, to, step);
    }
    int v = from + parser.spread().pick(field, to - from + 1);
    return new Range(v, v, 1);
  }

  private int value(Field field, String text, int column, int low, int high) {
    int v;
    if (isNumber(text)) {
      v = Integer.parseInt(text);
    } else if (!field.names.isEmpty() && field.valueOfName(text) >= 0) {
      v = field == Field.DAY_OF_WEEK ? dialectDow(field.valueOfName(text)) : field.valueOfName(text);
    } else {
      throw parser.error(field, column, text, "\"" + text + "\" is not " + expected(field));
    }
    if (v < low || v > high) {
      throw parser.error(field, column, text, "value " + v + " out of range " + low + "-" + high);
    }
    return v;
  }

  private int dowValue(String text, Element e) {
    return value(Field.DAY_OF_WEEK, text, e.column, low(Field.DAY_OF_WEEK), high(Field.DAY_OF_WEEK));
  }

  private String expected(Field field) {
    return switch (field) {
      case MONTH -> "a month (1-12 or JAN-DEC)";
      case DAY_OF_WEEK -> "a day of the week (" + low(field) + "-" + high(field) + " or SUN-SAT)";
      default -> "a number (" + field.min + "-" + field.max + ")";
    };
  }

  /** The lowest value of a field in this dialect's numbering. */
  private int low(Field field) {
    if (field == Field.DAY_OF_WEEK && isQuartzLike()) {
      return 1;
    }
    return field.min;
  }

  private int high(Field field) {
    if (field != Field.DAY_OF_WEEK) {
      return field.max;
    }
    return switch (dialect) {
      case POSIX, QUARTZ, AWS -> 7;
      case ISO -> 6;
    };
  }

  /** A day-of-week name's number in this dialect (names are canonical, 0 = Sunday). */
  private int dialectDow(int canonical) {
    return switch (dialect) {
      case POSIX -> canonical;
      case ISO -> (canonical + 6) % 7;
      case QUARTZ, AWS -> canonical + 1;
    };
  }

  private int canonical(Field field, int v) {
    return field == Field.DAY_OF_WEEK ? canonicalDow(v) : v;
  }

  private int canonicalDow(int v) {
    return switch (dialect) {
      case POSIX -> v % 7;
      case ISO -> (v + 1) % 7;
      case QUARTZ, AWS -> v - 1;
    };
  }

  private boolean isQuartzLike() {
    return dialect == Dialect.QUARTZ || dialect == Dialect.AWS;
  }

  private void requireQuestionMarkAllowed(Field field, CronParser.Token token) {
    if (!isQuartzLike()) {
      throw parser.error(field, token.column(), "?", "? is Quartz and AWS only; write * instead");
    }
  }

  private void rejectSpecials(Field field, Element e) {
    String t = e.text;
    if (t.equals("?")) {
      throw error(field, e, "? must stand alone, in day-of-month or day-of-week");
    }
    if (hasSpecialCharacter(t) && SPECIAL.matcher(t).matches() && !isName(field, t)) {
      String hint =
          isQuartzLike()
              ? "L, W and # are not allowed in the " + field.label + " field"
              : "L, W and # are Quartz and AWS only and have no " + dialect.id() + " form";
      throw error(field, e, hint);
    }
  }

  /** Digits only, at most four: cheaper than a regular expression on the parse path. */
  private static boolean isNumber(String text) {
    int n = text.length();
    if (n == 0 || n > 4) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether the text could be one of Quartz's day specials, before any regular expression. */
  private static boolean hasSpecialCharacter(String t) {
    for (int i = 0; i < t.length(); i++) {
      switch (t.charAt(i)) {
        case 'L', 'l', 'W', 'w', '#' -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  private static boolean isName(Field field, String text) {
    return field.valueOfName(text) >= 0;
  }

  private List<Element> elements(Field field, CronParser.Token token) {
    String text = token.text();
    List<Element> elements = new ArrayList<>(4);
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      if (end == start) {
        throw parser.error(field, token.column() + start, text, "empty element in list");
      }
      elements.add(new Element(text.substring(start, end), token.column() + start));
      if (comma < 0) {
        return elements;
      }
      start = comma + 1;
    }
  }

  private CronParseException error(Field field, Element e, String reason) {
    return parser.error(field, e.column, e.text, reason);
  }

  private static long allBits(int from, int to) {
    long bits = 0;
    for (int i = from; i <= to; i++) {
      bits |= 1L << i;
    }
    return bits;
  }

  private record Element(String text, int column) {}

  private record Range(int from, int to, int step) {}

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
