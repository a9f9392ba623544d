package dev.chime.logging;

import java.util.Locale;

/** How log lines are written: for people, or one JSON object per line for machines. */
public enum LogFormat {
  TEXT,
  JSON;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
