package dev.chime.store.jdbc;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Domain values for the contract tests, with literal instants. */
final class Samples {
  static final Instant T0 = Instant.parse("2026-01-15T07:00:00Z");

  private Samples() {}

  static Namespace namespace(String name) {
    return new Namespace(name, URI.create("https://" + name + ".internal:8443"),
        Namespace.Environment.PRODUCTION, Map.of("X-Cron-Token", "header-secret-" + name));
  }

  static Schedule schedule(String namespace, String name) {
    return new Schedule(namespace, name, TimingRule.cron("* * * * *"), "/internal/cron/" + name,
        ZoneId.of("America/Denver"), null, "", false);
  }

  static Attempt attempt(String runId, int number, Instant startedAt, int statusCode) {
    return new Attempt(runId, number, startedAt, Duration.ofMillis(120), statusCode, "",
        "{\"ok\":" + (statusCode < 300) + "}");
  }
}
