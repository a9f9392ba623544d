package dev.chime.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A position in a namespace's runs, newest first: the fire instant and id of the last run of a
 * page. Opaque to clients (base64url), so its shape can change without breaking them.
 */
record Cursor(Instant fireAt, String runId) {
  private static final String VERSION = "1";
  private static final String SEPARATOR = "|";

  String encode() {
    String text = VERSION + SEPARATOR + fireAt + SEPARATOR + runId;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position the cursor names, or an error naming the cursor. */
  static Cursor decode(String cursor) {
    String[] parts = text(cursor).split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
      throw malformed(cursor);
    }
    try {
      return new Cursor(Instant.parse(parts[1]), parts[2]);
    } catch (DateTimeParseException e) {
      throw malformed(cursor);
    }
  }

  private static String text(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed(cursor);
    }
  }

  private static IllegalArgumentException malformed(String cursor) {
    String shown = cursor.length() > 60 ? cursor.substring(0, 60) + "…" : cursor;
    return new IllegalArgumentException("cursor \"" + shown.replaceAll("\\p{Cntrl}", "?")
        + "\" is not one this server returned; pass the next value of the previous page");
  }
}
