package dev.chime.catalog;

import dev.chime.schedule.Names;
import dev.chime.schedule.ScheduleSpec;
import java.util.Locale;
import java.util.Optional;

/** What every schedule needs: a valid name, an endpoint, and one timing, cron or every. */
final class RequiredRules {
  private static final String EXAMPLE_NAME = "nightly-sync";

  private RequiredRules() {}

  static void check(FieldFindings found) {
    name(found);
    endpoint(found);
    timing(found);
  }

  private static void name(FieldFindings found) {
    if (found.has("name")) {
      return;
    }
    found.claim("name");
    String name = found.schedule().spec().name();
    if (isBlank(name)) {
      missing(found, "name", "a name such as `name: " + nameFrom(found.schedule().spec()) + "`");
      return;
    }
    if (!Names.isValid(name)) {
      String why = name.length() > Names.MAX_LENGTH
          ? "is longer than " + Names.MAX_LENGTH + " characters"
          : "is not a valid schedule name: use lower-case letters, digits and dashes, starting"
              + " and ending with a letter or digit";
      found.add("name", found.where("name"), Rule.INVALID_NAME,
          Echo.code(name) + " " + why + ", such as `" + suggestName(name) + "`");
    }
  }

  private static void endpoint(FieldFindings found) {
    if (found.has("endpoint") || !isBlank(found.schedule().spec().endpoint())) {
      return;
    }
    found.claim("endpoint");
    missing(found, "endpoint", "the path Chime calls, such as `endpoint: /internal/cron/"
        + nameFrom(found.schedule().spec()) + "`");
  }

  private static void timing(FieldFindings found) {
    ScheduleSpec spec = found.schedule().spec();
    if (found.has("cron") || found.has("every")) {
      return;
    }
    if (!isBlank(spec.cron()) && !isBlank(spec.every())) {
      found.claim("cron");
      found.claim("every");
      Position cron = found.schedule().keyOf("cron");
      Position every = found.schedule().keyOf("every");
      Position second = compare(cron, every) > 0 ? cron : every;
      found.add("every", second, Rule.TIMING_CONFLICT, "both `cron` and `every` are set; keep"
          + " one: a schedule fires by a cron expression or by an interval, not both");
    } else if (isBlank(spec.cron()) && isBlank(spec.every())) {
      found.claim("cron");
      found.claim("every");
      String field = found.schedule().node().entry("every").isPresent() ? "every" : "cron";
      if (found.schedule().node().entry(field).isPresent()) {
        missing(found, field, field.equals("cron") ? "an expression such as `cron: \"0 2 * * *\"`"
            : "an interval such as `every: 1h`");
      } else {
        found.add("cron", found.schedule().position(), Rule.MISSING_FIELD, found.subject()
            + " has neither `cron` nor `every`; add one, such as `cron: \"0 2 * * *\"` or"
            + " `every: 1h`");
      }
    }
  }

  /** A field left out, or written with an empty value: then the key is what to point at. */
  private static void missing(FieldFindings found, String field, String what) {
    Optional<YamlNode.Entry> written = found.schedule().node().entry(field);
    if (written.isPresent()) {
      found.add(field, written.get().key().position(), Rule.MISSING_FIELD,
          "`" + field + "` is empty; write " + what);
    } else {
      found.add(field, found.schedule().position(), Rule.MISSING_FIELD,
          found.subject() + " has no `" + field + "`; add " + what);
    }
  }

  /** A name for examples: the schedule's own when valid, else one made from its endpoint. */
  private static String nameFrom(ScheduleSpec spec) {
    if (Names.isValid(spec.name())) {
      return spec.name();
    }
    String endpoint = spec.endpoint() == null ? "" : spec.endpoint().replaceAll("[?#].*", "");
    String last = endpoint.substring(endpoint.lastIndexOf('/') + 1);
    String name = suggestName(last);
    return Names.isValid(name) ? name : EXAMPLE_NAME;
  }

  /** The closest valid name: {@code Nightly_Sync} and {@code nightlySync} give nightly-sync. */
  static String suggestName(String text) {
    String dashed = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (dashed.length() > Names.MAX_LENGTH) {
      dashed = dashed.substring(0, Names.MAX_LENGTH).replaceAll("-+$", "");
    }
    return dashed.isEmpty() ? EXAMPLE_NAME : dashed;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static int compare(Position a, Position b) {
    return a.line() != b.line() ? Integer.compare(a.line(), b.line())
        : Integer.compare(a.column(), b.column());
  }
}
