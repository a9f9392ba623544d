package dev.chime.catalog;

import java.util.ArrayList;
import java.util.List;

/** The fields of a cron expression as written, with where each starts in the text. */
final class CronText {
  private CronText() {}

  /** One field: its text and its offset in the expression. */
  record Token(String text, int offset) {}

  /** The fields, split at white space as the cron parser splits them. */
  static List<Token> tokens(String expression) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < expression.length()) {
      while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < expression.length() && !Character.isWhitespace(expression.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(new Token(expression.substring(start, i), start));
      }
    }
    return tokens;
  }
}
