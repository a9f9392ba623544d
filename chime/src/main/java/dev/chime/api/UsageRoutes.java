package dev.chime.api;

import dev.chime.schedule.Namespace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What a namespace used in a month: runs dispatched, and their cost in tokens (SPEC §6.1). */
final class UsageRoutes {
  private final ApiContext api;

  UsageRoutes(ApiContext api) {
    this.api = api;
  }

  /**
   * A month's usage.
   *
   * @param month {@code YYYY-MM}, in UTC
   * @param tokensPerRun the cost of one run in the namespace's environment
   */
  record Usage(String namespace, String month, String environment, long runs, int tokensPerRun,
      long tokens) {}

  void register(JavalinDefaultRouting router) {
    router.get("/v1/namespaces/{ns}/usage", this::usage);
  }

  private void usage(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    YearMonth month = month(ctx.queryParam("month"));
    long runs = api.store.runs().dispatchedIn(namespace.name(), month);
    int cost = api.config.tokensPerRun().get(namespace.environment());
    ctx.json(new Usage(namespace.name(), month.toString(), namespace.environment().id(), runs,
        cost, runs * cost));
  }

  /** The month asked for; this month (UTC, by the injected clock) when none is. */
  private YearMonth month(String text) {
    if (text == null || text.isEmpty()) {
      return YearMonth.from(api.clock.instant().atZone(ZoneOffset.UTC));
    }
    try {
      if (text.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(text);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same answer as any other shape
    }
    throw Problem.invalid("month", "must be a month as YYYY-MM, such as 2026-11; was \""
        + Text.clip(text) + "\"");
  }
}
