package dev.chime.catalog;

import static dev.chime.catalog.Severity.ERROR;
import static dev.chime.catalog.Severity.WARNING;

/** Every check of {@code chime lint}, with the id that findings carry and its severity. */
public enum Rule {
  // The file itself.
  FILE_TOO_LARGE("file-too-large", ERROR, "the file is larger than 1 MiB"),
  NOT_UTF8("not-utf8", ERROR, "the file is not UTF-8 text"),
  YAML_SYNTAX("yaml-syntax", ERROR, "the file is not valid YAML"),
  YAML_TOO_DEEP("yaml-too-deep", ERROR, "values nest deeper than 32 levels"),
  YAML_ALIAS("yaml-alias", ERROR, "an alias (*name): write the value out instead"),
  EMPTY_FILE("empty-file", ERROR, "the file holds no YAML document"),
  // The shape of the declarations.
  WRONG_TYPE("wrong-type", ERROR, "a value of the wrong type (text, number, list…)"),
  UNKNOWN_FIELD("unknown-field", ERROR, "a field Chime does not know, often a misspelling"),
  DUPLICATE_KEY("duplicate-key", ERROR, "the same key twice in one mapping"),
  MISSING_FIELD("missing-field", ERROR, "name, endpoint, or cron or every, is missing"),
  TIMING_CONFLICT("timing-conflict", ERROR, "both cron and every are set"),
  DUPLICATE_NAME("duplicate-name", ERROR, "two schedules of one file share a name"),
  INVALID_NAME("invalid-name", ERROR, "a schedule name that is not a DNS-style label"),
  // Timing.
  CRON_SIX_FIELDS("cron-six-fields", ERROR, "a 6-field cron (with seconds) in a 5-field dialect"),
  CRON_SYNTAX("cron-syntax", ERROR, "a cron expression that does not parse"),
  NEVER_FIRES("never-fires", ERROR, "an expression that can never fire (0 0 30 2 *)"),
  EVERY_NOT_DIVIDING_DAY("every-not-dividing-day", ERROR,
      "an every interval that does not divide 24 hours"),
  EVERY_SYNTAX("every-syntax", ERROR, "an every interval that does not parse"),
  UNKNOWN_TIMEZONE("unknown-timezone", ERROR, "a timezone that is not an IANA zone"),
  DOM_DOW_OR("dom-dow-or", WARNING,
      "day of month and day of week both set: cron fires when either matches"),
  DST_TRANSITION("dst-transition", WARNING,
      "a fixed time that a daylight-saving change skips or repeats"),
  // Endpoints.
  ENDPOINT_INVALID("endpoint-invalid", ERROR, "an endpoint that is not a plain path"),
  ENDPOINT_IN_ROUTES("endpoint-in-routes", ERROR,
      "an endpoint that spec.routes exposes: cron endpoints must stay internal"),
  ENDPOINT_API_PREFIX("endpoint-api-prefix", ERROR, "an endpoint under /api/, a public prefix"),
  ENDPOINT_NOT_INTERNAL("endpoint-not-internal", WARNING,
      "an endpoint outside /internal/cron/"),
  // Delivery options.
  TIMEOUT_RANGE("timeout-range", ERROR,
      "timeoutMs, startingDeadlineMs or completionDeadlineMs out of range"),
  INVALID_VALUE("invalid-value", ERROR, "another option with a value Chime does not accept"),
  CHAIN_UNKNOWN("chain-unknown", WARNING, "a chain that names no schedule of the file");

  private final String id;
  private final Severity severity;
  private final String summary;

  Rule(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }
}
