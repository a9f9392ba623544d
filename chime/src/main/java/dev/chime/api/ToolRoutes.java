package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chime.catalog.CatalogLinter;
import dev.chime.catalog.LintResult;
import dev.chime.cron.CronExpression;
import dev.chime.cron.CronParseException;
import dev.chime.cron.Dialect;
import dev.chime.cron.FireTime;
import dev.chime.cron.Timing;
import dev.chime.cron.Zones;
import dev.chime.schedule.Invalid;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Validate and explain: answers about input, with no side effects. */
final class ToolRoutes {
  private static final int MAX_EXPRESSION = 1000;
  private static final Duration DST_LOOKAHEAD = Duration.ofDays(366);
  private static final String DEFAULT_CATALOG_FILE = "catalog-info.yaml";
  private static final int MAX_FILE_NAME = 200;

  private final ApiContext api;

  ToolRoutes(ApiContext api) {
    this.api = api;
  }

  /** The answer of validate: whether the schedule would be accepted, and if not, why. */
  record Validation(boolean valid, List<Problem.FieldError> errors) {}

  /** The answer of validate for a catalog-info.yaml: valid when no finding is an error. */
  record CatalogValidation(boolean valid, List<FindingJson> findings) {}

  /** The answer of explain. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Explanation(String expression, String dialect, String timezone, String explanation,
      List<Fires.Fire> nextFires, List<String> notes) {}

  void register(JavalinDefaultRouting router) {
    router.post("/v1/validate", this::validate);
    router.get("/v1/explain", this::explain);
  }

  /**
   * A schedule as create would judge it, or a catalog-info.yaml when the content type says YAML.
   * What is wrong with the schedule — unknown fields, wrong types, bad values — is the answer
   * ({@code valid: false}); a body that is not JSON at all, or too large, is a problem like
   * anywhere else.
   */
  private void validate(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.contains("yaml")) {
      validateCatalog(ctx);
      return;
    }
    byte[] body = api.body(ctx);
    String namespace = Authenticator.caller(ctx) instanceof Caller.Tenant t ? t.namespace()
        : "validate";
    List<Problem.FieldError> errors;
    try {
      Json.read(body, ScheduleJson.Request.class).toSchedule(namespace, null);
      errors = List.of();
    } catch (Problem p) {
      if (p.errors().isEmpty() || p.errors().get(0).field().equals("body")) {
        throw p;
      }
      errors = p.errors();
    } catch (Invalid e) {
      errors = e.problems().stream()
          .map(p -> new Problem.FieldError(p.field(), p.message())).toList();
    }
    ctx.json(new Validation(errors.isEmpty(), errors));
  }

  /**
   * A catalog-info.yaml as {@code chime lint} judges it, with the same findings. Whatever is
   * wrong with the file, even that it is not YAML, is the answer; only the request's own
   * parameters are problems.
   */
  private void validateCatalog(Context ctx) {
    String file = ctx.queryParam("file");
    if (file == null || file.isEmpty()) {
      file = DEFAULT_CATALOG_FILE;
    } else if (file.length() > MAX_FILE_NAME || file.chars().anyMatch(Character::isISOControl)) {
      throw Problem.invalid("file", "must be a file name of at most " + MAX_FILE_NAME
          + " characters without control characters");
    }
    LintResult result = new CatalogLinter(api.clock).lint(file, api.body(ctx));
    ctx.json(new CatalogValidation(!result.hasErrors(),
        result.findings().stream().map(FindingJson::of).toList()));
  }

  private void explain(Context ctx) {
    Problems problems = new Problems();
    String expression = ctx.queryParam("expr");
    if (expression == null || expression.isBlank()) {
      problems.add("expr", "is required: a cron expression such as 0 9 * * 1-5, or @every 2h");
    }
    problems.text("expr", expression, MAX_EXPRESSION);
    Dialect dialect = problems.choice("dialect", ctx.queryParam("dialect"), Dialect.values(),
        Dialect::id, Dialect.POSIX);
    ZoneId zone = zone(problems, ctx.queryParam("tz"));
    problems.throwIfAny();
    int count = ApiContext.intQuery(ctx, "n", 5, 1, 100);
    Timing timing;
    try {
      timing = Timing.parse(expression, dialect, "");
    } catch (CronParseException e) {
      throw Problem.invalid("expr", e.getMessage());
    }
    Instant now = api.clock.instant();
    List<FireTime> next = timing.in(zone).fireTimes(now).limit(count).toList();
    ctx.json(new Explanation(timing.expression(), dialect.id(), zone.getId(),
        timing.describe(zone), Fires.of(next), notes(timing, zone, now)));
  }

  private static ZoneId zone(Problems problems, String name) {
    if (name == null || name.isEmpty()) {
      return ZoneId.of("UTC");
    }
    if (problems.text("tz", name, 64) == null) {
      return null;
    }
    try {
      return Zones.of(name);
    } catch (IllegalArgumentException e) {
      problems.add("tz", e.getMessage());
      return null;
    }
  }

  /** The surprises: cron's OR of the day fields, and daylight-saving moves in the coming year. */
  private static List<String> notes(Timing timing, ZoneId zone, Instant now) {
    List<String> notes = new ArrayList<>();
    if (timing instanceof CronExpression cron && cron.matchesEitherDay()) {
      notes.add("both day-of-month and day-of-week are set, so it fires when EITHER matches"
          + " (cron's OR rule), not only when both do");
    }
    // Only fires next to a transition can move, so look there instead of at a year of fires.
    Instant until = now.plus(DST_LOOKAHEAD);
    ZoneOffsetTransition transition = zone.getRules().nextTransition(now);
    while (transition != null && transition.getInstant().isBefore(until) && notes.size() < 3) {
      Instant at = transition.getInstant();
      timing.in(zone).fireTimes(at.minus(Duration.ofHours(1)))
          .takeWhile(f -> f.instant().isBefore(at.plus(Duration.ofHours(4))))
          .filter(f -> f.adjustment() != FireTime.Adjustment.NONE)
          .findFirst()
          .ifPresent(f -> notes.add(f.scheduled().toLocalDate() + ": " + Fires.of(f).note()));
      transition = zone.getRules().nextTransition(at);
    }
    return notes;
  }
}
