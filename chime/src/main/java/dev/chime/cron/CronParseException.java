package dev.chime.cron;

/**
 * An expression that cannot be parsed, or that can never fire. Carries where the problem is so
 * that the linter and the API can point at the character.
 */
public final class CronParseException extends IllegalArgumentException {
  private final String field;
  private final int column;
  private final String text;
  private final String reason;
  private final String expression;

  CronParseException(String field, int column, String text, String reason, String expression) {
    super(format(field, column, reason, expression));
    this.field = field;
    this.column = column;
    this.text = text;
    this.reason = reason;
    this.expression = expression;
  }

  private static String format(String field, int column, String reason, String expression) {
    String where = field == null ? "" : field + " field: ";
    String at = column > 0 ? " at column " + column + " of \"" + expression + "\"" : "";
    return where + reason + at;
  }

  /** The field at fault ("minute", "day-of-week", …), or null when the whole expression is. */
  public String field() {
    return field;
  }

  /** One-based column of the offending text in the expression, or 0 when not applicable. */
  public int column() {
    return column;
  }

  /** The offending text. */
  public String text() {
    return text;
  }

  /** What is wrong and what to write instead, without the position. */
  public String reason() {
    return reason;
  }

  /** The whole expression as given. */
  public String expression() {
    return expression;
  }
}
