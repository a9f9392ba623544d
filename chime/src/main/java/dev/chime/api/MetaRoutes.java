package dev.chime.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes about the service rather than its resources: liveness, readiness, metrics and the
 * OpenAPI document.
 */
final class MetaRoutes {
  static final String OPENAPI_RESOURCE = "/dev/chime/api/openapi.json";
  /** The Prometheus text exposition format, version 0.0.4. */
  static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(MetaRoutes.class);

  private final ApiContext api;
  private final BooleanSupplier schedulerAlive;
  private final Supplier<String> metrics;
  private final byte[] openApi;

  MetaRoutes(ApiContext api, BooleanSupplier schedulerAlive, Supplier<String> metrics) {
    this.api = api;
    this.schedulerAlive = schedulerAlive;
    this.metrics = metrics;
    this.openApi = openApiDocument();
  }

  record Health(String status) {}

  record Readiness(String status, boolean store, boolean scheduler) {}

  void register(JavalinDefaultRouting router) {
    router.get("/healthz", ctx -> ctx.json(new Health("up")));
    router.get("/readyz", this::ready);
    router.get("/metrics", ctx -> ctx.contentType(METRICS_TYPE).result(metrics.get()));
    router.get("/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  /** Ready when the store answers and the scheduler loop runs; 503 names what is not. */
  private void ready(Context ctx) {
    boolean store = probe("store", () -> api.store.reachable());
    boolean scheduler = probe("scheduler", schedulerAlive);
    if (!store || !scheduler) {
      throw Problem.of(503, Problem.BLANK, "Service Unavailable",
          (store ? "" : "the store does not answer")
              + (!store && !scheduler ? "; " : "")
              + (scheduler ? "" : "the scheduler is not running"));
    }
    ctx.json(new Readiness("ready", true, true));
  }

  private static boolean probe(String what, BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("readiness: the {} check failed", what, e);
      return false;
    }
  }

  private static byte[] openApiDocument() {
    try (InputStream in = MetaRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
