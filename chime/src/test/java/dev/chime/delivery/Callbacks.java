package dev.chime.delivery;

import dev.chime.schedule.Trigger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Callbacks for tests: one well-formed default, and copies changed in one respect. */
final class Callbacks {
  static final String SECRET = "s3cret-signing-key";
  static final Instant FIRED_AT = Instant.parse("2026-01-15T07:00:00Z");

  private Callbacks() {}

  static Callback to(URI url) {
    return new Callback("billing", url, "nightly-sync", "0 7 * * *", FIRED_AT, "run-1", 1,
        Trigger.SCHEDULE, null, Map.of(), SECRET, Duration.ofSeconds(5), false);
  }

  static Callback withRun(Callback c, String namespace, String runId) {
    return new Callback(namespace, c.url(), c.schedule(), c.expression(), c.firedAt(), runId,
        c.attempt(), c.trigger(), c.payload(), c.headers(), c.secret(), c.timeout(),
        c.awaitsCompletion());
  }

  static Callback withTimeout(Callback c, Duration timeout) {
    return new Callback(c.namespace(), c.url(), c.schedule(), c.expression(), c.firedAt(),
        c.runId(), c.attempt(), c.trigger(), c.payload(), c.headers(), c.secret(), timeout,
        c.awaitsCompletion());
  }

  static Callback awaitingCompletion(Callback c) {
    return new Callback(c.namespace(), c.url(), c.schedule(), c.expression(), c.firedAt(),
        c.runId(), c.attempt(), c.trigger(), c.payload(), c.headers(), c.secret(), c.timeout(),
        true);
  }

  static Callback withPayload(Callback c, String payload) {
    return new Callback(c.namespace(), c.url(), c.schedule(), c.expression(), c.firedAt(),
        c.runId(), c.attempt(), c.trigger(), payload, c.headers(), c.secret(), c.timeout(),
        c.awaitsCompletion());
  }
}
