package dev.chime.cron;

import java.util.Locale;

/** The cron dialects Chime reads and writes (SPEC §2.2). */
public enum Dialect {
  /** Five fields, day of week 0-7 with 0 and 7 = Sunday: Linux crontab and Kubernetes. */
  POSIX,
  /** Five fields, day of week 0-6 with 0 = Monday. */
  ISO,
  /** Six or seven fields (seconds first, optional year), with {@code ? L W #}. */
  QUARTZ,
  /** AWS EventBridge: {@code cron(min hour dom mon dow year)} and {@code rate(N unit)}. */
  AWS;

  /** The dialect named {@code name} (case-insensitive), or a parse error listing the choices. */
  public static Dialect named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown dialect \"" + name + "\"; expected posix, iso, quartz or aws");
    }
  }

  /** The lower-case name used in files, flags and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
