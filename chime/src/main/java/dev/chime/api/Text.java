package dev.chime.api;

import java.util.Locale;

/** Echoing client text safely in messages. */
final class Text {
  private static final int ECHO_LIMIT = 80;

  private Text() {}

  /** At most 80 characters, control characters escaped, so a message stays one short line. */
  static String clip(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(ECHO_LIMIT).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) > ECHO_LIMIT ? out + "…" : out.toString();
  }
}
