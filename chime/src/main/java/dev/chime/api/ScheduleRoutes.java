package dev.chime.api;

import dev.chime.schedule.Namespace;
import dev.chime.schedule.Run;
import dev.chime.schedule.Schedule;
import dev.chime.store.StoredSchedule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

/**
 * {@code /v1/namespaces/{ns}/schedules}: every change goes through the ScheduleService, which
 * recomputes the next fire and wakes the scheduler; reads come from the store.
 */
final class ScheduleRoutes {
  private static final String COLLECTION = "/v1/namespaces/{ns}/schedules";
  private static final String ONE = COLLECTION + "/{name}";

  private final ApiContext api;

  ScheduleRoutes(ApiContext api) {
    this.api = api;
  }

  void register(JavalinDefaultRouting router) {
    router.get(COLLECTION, this::list);
    router.post(COLLECTION, this::create);
    router.get(ONE, this::read);
    router.put(ONE, this::put);
    router.delete(ONE, this::delete);
    router.post(ONE + "/pause", ctx -> setPaused(ctx, true));
    router.post(ONE + "/resume", ctx -> setPaused(ctx, false));
    router.post(ONE + "/trigger", this::trigger);
    router.get(ONE + "/fires", this::fires);
  }

  private void list(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    ctx.json(new ScheduleJson.Listing(api.store.schedules().list(namespace.name()).stream()
        .map(s -> ScheduleJson.View.of(s, api.clock.instant()))
        .toList()));
  }

  private void create(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    Schedule schedule = api.json(ctx, ScheduleJson.Request.class)
        .toSchedule(namespace.name(), null);
    api.schedules.create(schedule);
    ctx.status(201).header("Location", location(schedule))
        .json(view(schedule.namespace(), schedule.name()));
  }

  private void read(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    ctx.json(view(namespace.name(), name(ctx, namespace)));
  }

  private void put(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    Schedule schedule = api.json(ctx, ScheduleJson.Request.class)
        .toSchedule(namespace.name(), ctx.pathParam("name"));
    if (api.schedules.put(schedule)) {
      ctx.status(201).header("Location", location(schedule));
    }
    ctx.json(view(schedule.namespace(), schedule.name()));
  }

  private void delete(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    String name = name(ctx, namespace);
    if (!api.schedules.delete(namespace.name(), name)) {
      throw notFound(namespace.name(), name);
    }
    ctx.status(204);
  }

  private void setPaused(Context ctx, boolean paused) {
    Namespace namespace = api.namespace(ctx);
    String name = name(ctx, namespace);
    StoredSchedule stored = api.schedules.setPaused(namespace.name(), name, paused)
        .orElseThrow(() -> notFound(namespace.name(), name));
    ctx.json(ScheduleJson.View.of(stored, api.clock.instant()));
  }

  private void trigger(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    String name = name(ctx, namespace);
    Run run = api.schedules.trigger(namespace.name(), name)
        .orElseThrow(() -> notFound(namespace.name(), name));
    ctx.status(201).header("Location", "/v1/runs/" + run.id()).json(RunJson.View.of(run));
  }

  /** The fires of the next days, for the dashboard's timeline; none while paused. */
  private void fires(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    String name = name(ctx, namespace);
    int days = ApiContext.intQuery(ctx, "days", FireWindow.DEFAULT_DAYS, 1,
        FireWindow.MAX_DAYS);
    int limit = ApiContext.intQuery(ctx, "limit", FireWindow.DEFAULT_LIMIT, 1,
        FireWindow.MAX_LIMIT);
    StoredSchedule stored = api.store.schedules().find(namespace.name(), name)
        .orElseThrow(() -> notFound(namespace.name(), name));
    ctx.json(FireWindow.of(stored.schedule(), api.clock.instant(), days, limit));
  }

  /** The {name} of the path; a name that cannot exist is simply not found. */
  private static String name(Context ctx, Namespace namespace) {
    String name = ctx.pathParam("name");
    if (!ApiContext.isName(name)) {
      throw notFound(namespace.name(), name);
    }
    return name;
  }

  private ScheduleJson.View view(String namespace, String name) {
    StoredSchedule stored = api.store.schedules().find(namespace, name)
        .orElseThrow(() -> notFound(namespace, name));
    return ScheduleJson.View.of(stored, api.clock.instant());
  }

  private static String location(Schedule schedule) {
    return "/v1/namespaces/" + schedule.namespace() + "/schedules/" + schedule.name();
  }

  private static Problem notFound(String namespace, String name) {
    return Problem.notFound("schedule `" + Text.clip(name) + "` not found in namespace `"
        + namespace + "`");
  }
}
