package dev.chime.catalog;

import java.util.Locale;

/** How bad a finding is: an error stops {@code apply} and fails {@code lint}; a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
