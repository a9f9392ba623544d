package dev.chime.api;

import dev.chime.schedule.Invalid;
import dev.chime.schedule.Names;
import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.store.RunQuery;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.regex.Pattern;

/**
 * Runs: a namespace's history in pages, the latest runs of each of its schedules, one run with
 * its attempts, and its log.
 */
final class RunRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int DEFAULT_RECENT = 10;
  static final int MAX_RECENT = 50;
  private static final int MAX_CURSOR = 512;
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private final ApiContext api;

  RunRoutes(ApiContext api) {
    this.api = api;
  }

  void register(JavalinDefaultRouting router) {
    router.get("/v1/namespaces/{ns}/runs", this::list);
    router.get("/v1/namespaces/{ns}/runs/recent", this::recent);
    router.get("/v1/runs/{id}", this::read);
    router.get("/v1/runs/{id}/log", this::log);
  }

  private void list(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    Problems problems = new Problems();
    String schedule = ctx.queryParam("schedule");
    if (schedule != null && !schedule.isEmpty()) {
      problems.get(() -> Names.check("schedule", schedule), null);
    }
    RunStatus status = problems.choice("status", blankToNull(ctx.queryParam("status")),
        RunStatus.values(), RunStatus::id, null);
    String cursor = problems.text("cursor", blankToNull(ctx.queryParam("cursor")), MAX_CURSOR);
    problems.throwIfAny();
    int limit = ApiContext.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    RunQuery query = new RunQuery(blankToNull(schedule), status, limit, cursor);
    try {
      ctx.json(RunJson.Page.of(api.store.runs().list(namespace.name(), query)));
    } catch (Invalid e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // The store refuses a cursor it did not issue; say which parameter, not its internals.
      throw Problem.invalid("cursor", "is not a cursor from a previous page of this listing");
    }
  }

  /** The latest runs of each schedule, newest first: the strips of the dashboard's list. */
  private void recent(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    int perSchedule = ApiContext.intQuery(ctx, "perSchedule", DEFAULT_RECENT, 1, MAX_RECENT);
    ctx.json(new RunJson.Recent(api.store.schedules().list(namespace.name()).stream()
        .map(s -> s.schedule().name())
        .map(name -> new RunJson.ScheduleRuns(name, api.store.runs()
            .list(namespace.name(), new RunQuery(name, null, perSchedule, null)).runs().stream()
            .map(RunJson.View::of).toList()))
        .toList()));
  }

  private void read(Context ctx) {
    Run run = run(ctx);
    ctx.json(RunJson.Detail.of(run, api.store.runs().attempts(run.id())));
  }

  private void log(Context ctx) {
    new RunLog(api.liveLogs, api.store.runs()).answer(ctx, run(ctx));
  }

  /** The run of the path's {id}, when the caller reaches its namespace; 404 otherwise. */
  private Run run(Context ctx) {
    String id = ctx.pathParam("id");
    Caller caller = Authenticator.caller(ctx);
    Problem notFound = Problem.notFound("run `" + Text.clip(id) + "` not found");
    if (!RUN_ID.matcher(id).matches()) {
      throw notFound;
    }
    return api.store.runs().find(id)
        .filter(r -> caller.reaches(r.namespace()))
        .orElseThrow(() -> notFound);
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
