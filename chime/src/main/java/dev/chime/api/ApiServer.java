package dev.chime.api;

import dev.chime.delivery.AddressPolicy;
import dev.chime.delivery.LiveLogs;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import dev.chime.web.Dashboard;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The REST API (SPEC §6, §10) on an embedded Jetty via Javalin: {@code /v1/…}, {@code /healthz}
 * and {@code /readyz}. Every route under {@code /v1} needs {@code Authorization: Bearer <token>}
 * except the OpenAPI document and run completion (signed instead). Every error is one {@code
 * application/problem+json} shape, written by {@link ProblemMapper}. Thread-safe; requests run
 * on virtual threads.
 */
public final class ApiServer implements AutoCloseable {
  private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  /**
   * What the API works with.
   *
   * @param schedules every schedule change goes through it, never straight to the store
   * @param liveLogs the response bodies of runs being delivered, for {@code /v1/runs/{id}/log}
   * @param clock the time for next fires, manual runs and this month's usage
   * @param schedulerAlive whether the scheduler loop runs, for {@code /readyz}
   * @param addresses the addresses callbacks may reach, which alert webhooks are held to
   * @param metrics the Prometheus text that {@code /metrics} answers, made at each scrape
   */
  public record Dependencies(Store store, ScheduleService schedules, LiveLogs liveLogs,
      InstantSource clock, BooleanSupplier schedulerAlive, AddressPolicy addresses,
      Supplier<String> metrics) {
    public Dependencies {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(schedules, "schedules");
      Objects.requireNonNull(liveLogs, "liveLogs");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(schedulerAlive, "schedulerAlive");
      Objects.requireNonNull(addresses, "addresses");
      Objects.requireNonNull(metrics, "metrics");
    }

    /** The standard address policy, and no metrics. */
    public Dependencies(Store store, ScheduleService schedules, LiveLogs liveLogs,
        InstantSource clock, BooleanSupplier schedulerAlive) {
      this(store, schedules, liveLogs, clock, schedulerAlive, AddressPolicy.standard(), () -> "");
    }
  }

  /** A registered route, as the OpenAPI test compares them. */
  record Route(String method, String path) {}

  private final Javalin app;
  private final List<Route> routes;

  private ApiServer(Javalin app, List<Route> routes) {
    this.app = app;
    this.routes = routes;
  }

  /** Starts serving on {@code config.port()} (0: any free port) and returns at once. */
  public static ApiServer start(ApiConfig config, Dependencies deps) {
    ApiContext api = new ApiContext(config, deps);
    List<Route> routes = new CopyOnWriteArrayList<>();
    Javalin app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.startupWatcherEnabled = false;
      c.useVirtualThreads = true;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.router.ignoreTrailingSlashes = true;
      c.jsonMapper(new JavalinJackson(Json.MAPPER, true));
      c.events(events -> events.handlerAdded(h -> {
        if (METHODS.contains(h.getHttpMethod())) {
          routes.add(new Route(h.getHttpMethod().name(), h.getPath()));
        }
      }));
      c.router.mount(router -> {
        router.before("/v1/*", new Authenticator(config.adminHashBytes(),
            deps.store().namespaces()));
        new NamespaceRoutes(api).register(router);
        new ScheduleRoutes(api).register(router);
        new RunRoutes(api).register(router);
        new RunCompletion(api).register(router);
        new ToolRoutes(api).register(router);
        new ApplyRoutes(api).register(router);
        new UsageRoutes(api).register(router);
        new MetaRoutes(api, deps.schedulerAlive(), deps.metrics()).register(router);
        new Dashboard().register(router);
        // One mapper; Javalin keeps its own for HttpResponseException unless named explicitly.
        ProblemMapper problems = new ProblemMapper(config.maxBodyBytes());
        router.exception(Exception.class, problems);
        router.exception(HttpResponseException.class, problems);
      });
    });
    app.start(config.port());
    return new ApiServer(app, List.copyOf(routes));
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** Every route, method and path as registered. */
  List<Route> routes() {
    return routes;
  }

  /** Stops listening; requests in flight are given a moment to finish. */
  @Override
  public void close() {
    app.stop();
  }
}
