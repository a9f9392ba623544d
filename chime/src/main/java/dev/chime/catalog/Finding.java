package dev.chime.catalog;

/**
 * One thing the linter found, at a place in a file.
 *
 * @param file the file's name as given
 * @param message what is wrong and what to write instead
 * @param rule the rule's stable id, such as {@code cron-six-fields}
 */
public record Finding(String file, int line, int column, Severity severity, String message,
    String rule) {

  Finding(String file, Position at, Rule rule, String message) {
    this(file, at.line(), at.column(), rule.severity(), message, rule.id());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: severity: message [rule]}, as compilers print. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity.id() + ": " + message + " [" + rule
        + "]";
  }
}
