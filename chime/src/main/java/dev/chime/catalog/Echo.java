package dev.chime.catalog;

import java.util.Locale;

/** The file's own text quoted in a message: one line, at most 80 characters. */
final class Echo {
  private static final int LIMIT = 80;

  private Echo() {}

  /** The text in backticks, as compilers quote code: {@code `0 2 * * *`}. */
  static String code(String text) {
    return "`" + clip(text) + "`";
  }

  /** Control characters escaped and the text cut at 80 characters, so a message stays a line. */
  static String clip(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(LIMIT).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) > LIMIT ? out + "…" : out.toString();
  }
}
