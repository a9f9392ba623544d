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

  /** Bits of a field element made of *, values, ranges, steps and H. */
  long plain(Field field, Element e) {
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

  int dowValue(String text, Element e) {
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

  int canonicalDow(int v) {
    return switch (dialect) {
      case POSIX -> v % 7;
      case ISO -> (v + 1) % 7;
      case QUARTZ, AWS -> v - 1;
    };
  }

  boolean isQuartzLike() {
    return dialect == Dialect.QUARTZ || dialect == Dialect.AWS;
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
  static boolean hasSpecialCharacter(String t) {
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

  List<Element> elements(Field field, CronParser.Token token) {
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

  CronParseException error(Field field, Element e, String reason) {
    return parser.error(field, e.column, e.text, reason);
  }

  record Element(String text, int column) {}

  private record Range(int from, int to, int step) {}
}
