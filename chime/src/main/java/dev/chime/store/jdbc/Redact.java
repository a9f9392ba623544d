package dev.chime.store.jdbc;

import java.util.regex.Pattern;

/** Keeps passwords out of messages: database URLs may carry one. */
final class Redact {
  private static final Pattern PASSWORD =
      Pattern.compile("(?i)(password\\s*=)[^&;]*");

  private Redact() {}

  static String url(String jdbcUrl) {
    return jdbcUrl == null ? "" : PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
  }
}
