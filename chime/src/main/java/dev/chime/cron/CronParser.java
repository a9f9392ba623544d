package dev.chime.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text of a cron expression in one dialect into a {@link TimePattern}. Every error
 * names the field, the offending text and its column.
 */
final class CronParser {
  static final int MAX_LENGTH = 1000;

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  /** A field's text and the one-based column where it starts in the whole expression. */
  record Token(String text, int column) {}

  private final String expression;
  private final Dialect dialect;
  private final Spread spread;

  private CronParser(String expression, Dialect dialect, String spreadKey) {
    this.expression = expression;
    this.dialect = dialect;
    this.spread = new Spread(spreadKey);
  }

  static TimePattern parse(String expression, Dialect dialect, String spreadKey) {
    return new CronParser(expression, dialect, spreadKey).parse();
  }

  private TimePattern parse() {
    if (expression.isBlank()) {
      throw error(null, 0, expression, "the expression is empty");
    }
    if (expression.length() > MAX_LENGTH) {
      throw error(null, 0, "", "the expression is longer than " + MAX_LENGTH + " characters");
    }
    String trimmed = expression.strip();
    if (trimmed.startsWith("@")) {
      return macro(trimmed);
    }
    List<Token> tokens = tokens();
    return switch (dialect) {
      case POSIX, ISO -> fiveFields(tokens);
      case QUARTZ -> quartz(tokens);
      case AWS -> aws(tokens);
    };
  }

  private TimePattern macro(String trimmed) {
    String expansion = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
    int column = expression.indexOf('@') + 1;
    if (dialect == Dialect.QUARTZ || dialect == Dialect.AWS) {
      throw error(null, column, trimmed, "macros such as " + trimmed + " are posix and iso only");
    }
    if (expansion == null) {
      throw error(
          null,
          column,
          trimmed,
          "unknown macro "
              + trimmed
              + "; expected @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly"
              + " or @every");
    }
    return new CronParser(expansion, Dialect.POSIX, "").parse();
  }

  /** The whitespace-separated fields, with AWS's {@code cron( … )} wrapper removed. */
  private List<Token> tokens() {
    int from = 0;
    int to = expression.length();
    if (dialect == Dialect.AWS) {
      String lower = expression.toLowerCase(Locale.ROOT);
      int open = lower.indexOf("cron(");
      if (open >= 0 && expression.substring(0, open).isBlank()) {
        int close = expression.lastIndexOf(')');
        if (close < open || !expression.substring(close + 1).isBlank()) {
          throw error(null, open + 1, expression.strip(), "cron( is not closed with )");
        }
        from = open + "cron(".length();
        to = close;
      }
    }
    List<Token> tokens = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && Character.isWhitespace(expression.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !Character.isWhitespace(expression.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(new Token(expression.substring(start, i), start + 1));
      }
    }
    return tokens;
  }

  private TimePattern fiveFields(List<Token> t) {
    if (t.size() == 6 && dialect == Dialect.POSIX) {
      String suggestion =
          String.join(" ", t.subList(1, 6).stream().map(Token::text).toList());
      throw error(
          null,
          t.get(0).column(),
          t.get(0).text(),
          "6-part cron (with seconds) is not supported; did you mean \"" + suggestion + "\"?");
    }
    if (t.size() != 5) {
      throw error(
          null,
          t.isEmpty() ? 0 : t.get(Math.min(t.size(), 5) - 1).column(),
          expression.strip(),
          "expected 5 fields (minute hour day-of-month month day-of-week), found " + t.size());
    }
    FieldParser fields = new FieldParser(this, dialect);
    long minutes = fields.bits(Field.MINUTE, t.get(0));
    long hours = fields.bits(Field.HOUR, t.get(1));
    int months = (int) fields.bits(Field.MONTH, t.get(3));
    DayRule rule = new DayFields(this, fields, dialect).rule(t.get(2), t.get(4), months, YearSet.ANY);
    return pattern(minutes, hours, rule, months, YearSet.ANY, t.get(0), t.get(1));
  }

  private TimePattern quartz(List<Token> t) {
    if (t.size() == 5) {
      throw error(
          null,
          t.get(4).column(),
          expression.strip(),
          "Quartz expressions have 6 or 7 fields (second minute hour day-of-month month"
              + " day-of-week [year]); did you mean \"0 "
              + expression.strip()
              + "\" with ? in day-of-month or day-of-week?");
    }
    if (t.size() != 6 && t.size() != 7) {
      throw error(
          null,
          0,
          expression.strip(),
          "expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]),"
              + " found "
              + t.size());
    }
    Token seconds = t.get(0);
    if (!seconds.text().matches("0{1,2}")) {
      throw error(
          Field.SECOND,
          seconds.column(),
          seconds.text(),
          "seconds must be 0: Chime fires at most once a minute");
    }
    FieldParser fields = new FieldParser(this, dialect);
    YearSet years = t.size() == 7 ? fields.years(t.get(6), 2099) : YearSet.ANY;
    return sixFields(fields, t.subList(1, 6), years);
  }

  private TimePattern aws(List<Token> t) {
    if (t.size() != 6) {
      throw error(
          null,
          0,
          expression.strip(),
          "expected cron(minute hour day-of-month month day-of-week year) with 6 fields, found "
              + t.size());
    }
    FieldParser fields = new FieldParser(this, dialect);
    YearSet years = fields.years(t.get(5), Field.YEAR.max);
    return sixFields(fields, t.subList(0, 5), years);
  }

  /** Minute, hour, day-of-month, month and day-of-week of Quartz and AWS, where ? is required. */
  private TimePattern sixFields(FieldParser fields, List<Token> t, YearSet years) {
    long minutes = fields.bits(Field.MINUTE, t.get(0));
    long hours = fields.bits(Field.HOUR, t.get(1));
    int months = (int) fields.bits(Field.MONTH, t.get(3));
    Token dom = t.get(2);
    Token dow = t.get(4);
    if (dom.text().equals("?") && dow.text().equals("?")) {
      throw error(
          Field.DAY_OF_WEEK,
          dow.column(),
          "?",
          "? may stand in day-of-month or day-of-week, not both; put * in the other");
    }
    if (!dom.text().equals("?") && !dow.text().equals("?")) {
      throw error(
          Field.DAY_OF_WEEK,
          dow.column(),
          dow.text(),
          "one of day-of-month and day-of-week must be ?; write \"?\" in the one you do not use");
    }
    DayRule rule = new DayFields(this, fields, dialect).rule(dom, dow, months, years);
    return pattern(minutes, hours, rule, months, years, t.get(0), t.get(1));
  }

  private TimePattern pattern(
      long minutes, long hours, DayRule days, int months, YearSet years, Token min, Token hour) {
    boolean followsClock = min.text().startsWith("*") || hour.text().startsWith("*");
    return new TimePattern(minutes, hours, days, months, years, followsClock);
  }

  CronParseException error(Field field, int column, String text, String reason) {
    return new CronParseException(
        field == null ? null : field.label, column, text, reason, expression);
  }

  Dialect dialect() {
    return dialect;
  }

  Spread spread() {
    return spread;
  }

  /** Years of the year field, from 1970 to {@code max}. */
  static BitSet yearBits(int min, int max) {
    BitSet bits = new BitSet();
    bits.set(min - Field.YEAR.min, max - Field.YEAR.min + 1);
    return bits;
  }
}
