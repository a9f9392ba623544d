package dev.chime.api;

import dev.chime.catalog.Finding;

/**
 * A lint finding as JSON, the same object {@code chime lint --format json} prints: validate
 * answers them for a catalog file, and apply for a file it refuses or warns about.
 */
record FindingJson(String file, int line, int column, String severity, String message,
    String rule) {
  static FindingJson of(Finding f) {
    return new FindingJson(f.file(), f.line(), f.column(), f.severity().id(), f.message(),
        f.rule());
  }
}
