package dev.chime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.delivery.LiveLogs;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.RunStatus;
import dev.chime.store.AttemptResult;
import dev.chime.store.ClaimedRun;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real API server on port 0 over a real store (in-memory H2), the real ScheduleService and a
 * fake clock at 2026-03-07T12:00:00Z, with a client that records every response it receives.
 */
final class ApiFixture implements AutoCloseable {
  static final String ADMIN = "admin-token-for-the-api-tests";
  static final ObjectMapper JSON = new ObjectMapper();

  final FakeClock clock = FakeClock.at("2026-03-07T12:00:00Z");
  final Store store;
  final LiveLogs liveLogs = new LiveLogs(clock);
  final AtomicInteger wakeups = new AtomicInteger();
  final AtomicBoolean schedulerAlive = new AtomicBoolean(true);
  final ApiServer server;
  /** Every response body so far, to prove what never appears in one. */
  final List<String> seen = new ArrayList<>();

  private final AtomicInteger runIds = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A namespace as its creation answered: its token and secret are shown this once. */
  record Tenant(String name, String token, String secret) {}

  /** A response, its body as text. */
  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  ApiFixture() {
    this(ApiConfig.DEFAULT_MAX_BODY_BYTES);
  }

  ApiFixture(int maxBodyBytes) {
    store = JdbcStores.open("jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        StoreConfig.defaults(clock));
    ScheduleService schedules = new ScheduleService(store, clock, wakeups::incrementAndGet,
        () -> "run-" + runIds.incrementAndGet());
    server = ApiServer.start(
        new ApiConfig(0, ApiConfig.hashToken(ADMIN), ApiConfig.DEFAULT_TOKENS_PER_RUN,
            maxBodyBytes),
        new ApiServer.Dependencies(store, schedules, liveLogs, clock, schedulerAlive::get));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  Response post(String path, String token, String body) {
    return send("POST", path, token, body);
  }

  Response put(String path, String token, String body) {
    return send("PUT", path, token, body);
  }

  Response delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  Response send(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      synchronized (seen) {
        seen.add(response.headers().map() + "\n" + response.body());
      }
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Tenant createNamespace(String name, String environment) {
    Response created = post("/v1/namespaces", ADMIN, """
        {"name": "%s", "baseUrl": "https://%s.internal:8443", "environment": "%s"}
        """.formatted(name, name, environment));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Tenant(name, created.json().get("token").asText(),
        created.json().get("signingSecret").asText());
  }

  Tenant createNamespace(String name) {
    return createNamespace(name, "production");
  }

  /** Creates a schedule with a cron expression; fails the test unless it is created. */
  JsonNode createSchedule(Tenant tenant, String name, String cron) {
    Response created = post("/v1/namespaces/" + tenant.name() + "/schedules", tenant.token(), """
        {"name": "%s", "cron": "%s", "endpoint": "/internal/cron/%s"}
        """.formatted(name, cron, name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  /**
   * Delivers the oldest pending run's next attempt as the delivery would, recording the answer.
   *
   * @param status the run's status afterwards: RUNNING leaves a callback run awaiting its report
   */
  String attempt(int statusCode, String responseBody, RunStatus status) {
    Instant now = clock.instant();
    ClaimedRun claim = store.runs().claimAttempts(now, "api-test", Duration.ofMinutes(5), 1)
        .getFirst();
    Attempt attempt = new Attempt(claim.run().id(), claim.attempt(), now, Duration.ofMillis(120),
        statusCode, "", responseBody);
    assertThat(store.runs().finishAttempt(claim,
        new AttemptResult(attempt, status,
            status == RunStatus.RUNNING ? now.plus(Duration.ofHours(1)) : now, ""), now))
        .isTrue();
    return claim.run().id();
  }

  /** The X-Chime-Signature a service sends to complete a run: computed here independently. */
  static String signature(String secret, Instant at, String runId, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] hmac = mac.doFinal((at.getEpochSecond() + "." + runId + "." + body)
          .getBytes(StandardCharsets.UTF_8));
      return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(hmac);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** POST /v1/runs/{id}/complete, signed with the namespace's secret. */
  Response complete(Tenant tenant, String runId, String body) {
    return send(HttpRequest.newBuilder(uri("/v1/runs/" + runId + "/complete"))
        .header("Content-Type", "application/json")
        .header("X-Chime-Signature", signature(tenant.secret(), clock.instant(), runId, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Everything the admin can list: namespaces, their schedules and their runs. */
  String everything() {
    StringBuilder all = new StringBuilder(get("/v1/namespaces", ADMIN).body());
    for (JsonNode ns : get("/v1/namespaces", ADMIN).json().get("namespaces")) {
      String name = ns.get("name").asText();
      all.append('\n').append(get("/v1/namespaces/" + name + "/schedules", ADMIN).body());
      all.append('\n').append(get("/v1/namespaces/" + name + "/runs", ADMIN).body());
    }
    return all.toString();
  }

  /** Asserts an application/problem+json answer with this status naming {@code field}. */
  static JsonNode assertProblem(Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotEmpty();
    assertThat(problem.get("type").asText()).isNotEmpty();
    assertThat(problem.get("instance").asText()).startsWith("/");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertThat(fields).as(response.body()).contains(field);
    }
    return problem;
  }

  /** The message of the first error naming {@code field}. */
  static String message(JsonNode problem, String field) {
    for (JsonNode error : problem.path("errors")) {
      if (error.get("field").asText().equals(field)) {
        return error.get("message").asText();
      }
    }
    throw new AssertionError("no error for " + field + " in " + problem);
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
