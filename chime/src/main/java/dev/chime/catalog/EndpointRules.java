package dev.chime.catalog;

import dev.chime.schedule.Endpoints;
import dev.chime.schedule.Invalid;
import java.util.List;

/**
 * Where a schedule's callback goes. An endpoint is a path on the team's own service, and one
 * that the service's gateway routes from outside lets anyone run the job: so cron endpoints live
 * under {@code /internal/cron/}, never under {@code /api/} and never in {@code spec.routes}.
 */
final class EndpointRules {
  static final String INTERNAL = "/internal/cron/";

  private EndpointRules() {}

  static void check(FieldFindings found, List<Route> routes) {
    String endpoint = found.schedule().spec().endpoint();
    if (endpoint == null || found.has("endpoint")) {
      return;
    }
    found.claim("endpoint");
    Position at = found.where("endpoint");
    try {
      Endpoints.checkPath("endpoint", endpoint);
    } catch (Invalid e) {
      found.add("endpoint", at, Rule.ENDPOINT_INVALID,
          "`endpoint` " + e.problems().getFirst().message());
      return;
    }
    String path = endpoint.replaceFirst("[?].*", "");
    if (path.equals("/api") || path.startsWith("/api/")) {
      found.add("endpoint", at, Rule.ENDPOINT_API_PREFIX, Echo.code(endpoint) + " is under /api/,"
          + " which the gateway serves to the outside; cron endpoints must stay internal: use "
          + Echo.code(internal(path.substring("/api".length()))));
    } else if (!path.startsWith(INTERNAL) || path.length() == INTERNAL.length()) {
      found.add("endpoint", at, Rule.ENDPOINT_NOT_INTERNAL, Echo.code(endpoint) + " is outside "
          + INTERNAL + "; keep cron endpoints there, such as " + Echo.code(internal(path))
          + ", so no gateway route reaches them by accident");
    }
    routes.stream().filter(r -> r.exposes(path)).findFirst().ifPresent(route ->
        found.add("endpoint", at, Rule.ENDPOINT_IN_ROUTES, Echo.code(endpoint) + " is exposed by"
            + " the route " + Echo.code(route.path()) + " of spec.routes (line "
            + route.position().line() + "); cron endpoints must stay internal: remove it from"
            + " spec.routes, or move the endpoint out of that route"));
  }

  /** The same job under /internal/cron/: {@code /api/cron/sync} becomes /internal/cron/sync. */
  private static String internal(String path) {
    String rest = path.replaceFirst("^/+", "").replaceFirst("^(internal(/|$))?(cron(/|$))?", "");
    return INTERNAL + (rest.isEmpty() ? "job" : rest);
  }
}
