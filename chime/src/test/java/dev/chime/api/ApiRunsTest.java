package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import dev.chime.delivery.Callback;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Delivered;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs.LiveLog;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.testing.Receiver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs through the API: history in pages, attempts, the log, completion and usage. */
class ApiRunsTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  /** Triggers a run a minute after the previous one, so newest-first order is plain. */
  private String trigger(Tenant tenant, String schedule) {
    api.clock.advance(Duration.ofMinutes(1));
    return api.post("/v1/namespaces/" + tenant.name() + "/schedules/" + schedule + "/trigger",
        tenant.token(), null).json().get("id").asText();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("runs").forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  @Test
  void runs_listNewestFirst_inPagesFollowingTheCursor() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "nightly", "0 2 * * *");
    api.createSchedule(billing, "report", "0 6 * * *");
    List<String> all = new ArrayList<>();
    for (String schedule : List.of("nightly", "report", "nightly", "nightly", "report")) {
      all.addFirst(trigger(billing, schedule));
    }

    JsonNode first = api.get("/v1/namespaces/billing/runs?limit=2", billing.token()).json();
    assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
    String cursor = first.get("next").asText();
    JsonNode second = api.get("/v1/namespaces/billing/runs?limit=2&cursor=" + cursor,
        billing.token()).json();
    assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 4));
    JsonNode last = api.get("/v1/namespaces/billing/runs?limit=2&cursor="
        + second.get("next").asText(), billing.token()).json();
    assertThat(ids(last)).containsExactlyElementsOf(all.subList(4, 5));
    assertThat(last.get("next").isNull()).isTrue();

    JsonNode reports = api.get("/v1/namespaces/billing/runs?schedule=report", billing.token())
        .json();
    assertThat(ids(reports)).containsExactly(all.get(0), all.get(3));
    assertThat(reports.get("runs").get(0).get("trigger").asText()).isEqualTo("manual");
    JsonNode pending = api.get("/v1/namespaces/billing/runs?status=pending&limit=500",
        billing.token()).json();
    assertThat(ids(pending)).hasSize(5);
    assertThat(ids(api.get("/v1/namespaces/billing/runs?status=succeeded", billing.token())
        .json())).isEmpty();
  }

  @Test
  void runs_badQueryParameters_areProblemsNamingTheParameter() {
    Tenant billing = api.createNamespace("billing");
    String runs = "/v1/namespaces/billing/runs";
    assertThat(ApiFixture.message(assertProblem(api.get(runs + "?status=done", billing.token()),
        422, "status"), "status")).startsWith("must be one of pending, running, succeeded");
    assertProblem(api.get(runs + "?limit=0", billing.token()), 422, "limit");
    assertProblem(api.get(runs + "?limit=501", billing.token()), 422, "limit");
    assertProblem(api.get(runs + "?limit=ten", billing.token()), 400, "limit");
    assertProblem(api.get(runs + "?schedule=Not_A_Name", billing.token()), 422, "schedule");
    assertProblem(api.get(runs + "?cursor=forged", billing.token()), 422, "cursor");
  }

  @Test
  void run_readWithItsAttempts_andItsLogIsTheLastResponse() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "nightly", "0 2 * * *");
    String id = trigger(billing, "nightly");
    api.attempt(503, "busy, try later", RunStatus.PENDING);
    api.attempt(200, "synced 42 invoices", RunStatus.SUCCEEDED);

    JsonNode run = api.get("/v1/runs/" + id, billing.token()).json();
    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.get("attemptCount").asInt()).isEqualTo(2);
    assertThat(run.get("finishedAt").asText()).isEqualTo("2026-03-07T12:01:00Z");
    JsonNode attempts = run.get("attempts");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).get("number").asInt()).isEqualTo(1);
    assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(503);
    assertThat(attempts.get(0).get("responseExcerpt").asText()).isEqualTo("busy, try later");
    assertThat(attempts.get(1).get("durationMs").asLong()).isEqualTo(120);
    assertThat(attempts.get(1).get("startedAt").asText()).isEqualTo("2026-03-07T12:01:00Z");

    Response log = api.get("/v1/runs/" + id + "/log", billing.token());
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.contentType()).startsWith("text/plain");
    assertThat(log.body()).isEqualTo("synced 42 invoices");
    assertThat(log.headers().firstValue("X-Chime-Log")).contains("complete");
    assertThat(log.headers().firstValue("X-Chime-Attempt")).contains("2");

    JsonNode schedule = api.get("/v1/namespaces/billing/schedules/nightly", billing.token())
        .json();
    assertThat(schedule.get("lastRun").toString())
        .isEqualTo("{\"fireAt\":\"2026-03-07T12:01:00Z\",\"status\":\"succeeded\"}");
    assertProblem(api.get("/v1/runs/no-such-run", billing.token()), 404, null);
  }

  @Test
  void log_whileTheResponseStreams_showsItLive_andFollowPassesOnWhatArrives() throws Exception {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "job", "0 2 * * *");
    String id = trigger(billing, "job");
    CountDownLatch release = new CountDownLatch(1);
    try (Receiver receiver = Receiver.start();
        Dispatcher dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, api.clock,
            api.liveLogs)) {
      receiver.answering((request, exchange) -> {
        exchange.sendResponseHeaders(200, 0); // chunked
        OutputStream out = exchange.getResponseBody();
        out.write("step 1 of 2\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        release.await();
        out.write("step 2 of 2\n".getBytes(StandardCharsets.UTF_8));
        out.close();
      });
      CompletableFuture<Delivered> delivered = dispatcher.send(new Callback("billing",
          receiver.url("/internal/cron/job"), "job", "0 2 * * *", api.clock.instant(), id, 1,
          Trigger.MANUAL, null, Map.of(), billing.secret(), Duration.ofSeconds(10), false))
          .toCompletableFuture();
      receiver.next();
      LiveLog live = api.liveLogs.find(id).orElseThrow();
      while (!live.text().endsWith("\n")) { // the chunk may arrive in pieces
        live = api.liveLogs.next(id, live.bytes()).toCompletableFuture()
            .get(5, TimeUnit.SECONDS).orElseThrow();
      }

      Response now = api.get("/v1/runs/" + id + "/log", billing.token());
      assertThat(now.body()).isEqualTo("step 1 of 2\n");
      assertThat(now.headers().firstValue("X-Chime-Log")).contains("live");

      HttpResponse<InputStream> following = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(api.uri("/v1/runs/" + id + "/log?follow=true"))
              .header("Authorization", "Bearer " + billing.token()).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(following.body(), StandardCharsets.UTF_8))) {
        assertThat(lines.readLine()).isEqualTo("step 1 of 2");
        release.countDown();
        assertThat(lines.readLine()).isEqualTo("step 2 of 2");
        assertThat(lines.readLine()).isNull();
      }
      assertThat(delivered.get(5, TimeUnit.SECONDS).attempt().responseExcerpt())
          .isEqualTo("step 1 of 2\nstep 2 of 2\n");
    } finally {
      release.countDown();
    }
  }

  @Test
  void complete_withTheRunsSignature_endsACallbackRun() {
    Tenant billing = api.createNamespace("billing");
    api.post("/v1/namespaces/billing/schedules", billing.token(), """
        {"name": "export", "cron": "0 2 * * *", "endpoint": "/internal/cron/export",
         "completion": "callback"}""");
    String id = trigger(billing, "export");
    api.attempt(202, "started", RunStatus.RUNNING);

    String body = "{\"status\": \"succeeded\", \"message\": \"exported 3 files\"}";
    Response forged = api.send(HttpRequest.newBuilder(api.uri("/v1/runs/" + id + "/complete"))
        .header("X-Chime-Signature", ApiFixture.signature("not-the-secret", api.clock.instant(),
            id, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertProblem(forged, 401, null);
    assertProblem(api.send(HttpRequest.newBuilder(api.uri("/v1/runs/" + id + "/complete"))
        .POST(HttpRequest.BodyPublishers.ofString(body))), 401, null);
    Response replayed = api.send(HttpRequest.newBuilder(api.uri("/v1/runs/" + id + "/complete"))
        .header("X-Chime-Signature", ApiFixture.signature(billing.secret(),
            api.clock.instant().minus(Duration.ofMinutes(10)), id, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertProblem(replayed, 401, null);
    assertThat(api.get("/v1/runs/" + id, billing.token()).json().get("status").asText())
        .isEqualTo("running");

    Response completed = api.complete(billing, id, body);
    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    assertThat(completed.json().get("status").asText()).isEqualTo("succeeded");
    assertThat(api.get("/v1/runs/" + id, billing.token()).json().get("status").asText())
        .isEqualTo("succeeded");

    assertProblem(api.complete(billing, id, body), 409, null);
    assertProblem(api.complete(billing, "no-such-run", body), 404, null);
  }

  @Test
  void usage_countsDispatchedRunsOfTheMonth_atTheCostOfTheEnvironment() {
    Tenant billing = api.createNamespace("billing", "production");
    Tenant sandbox = api.createNamespace("playground", "sandbox");
    api.createSchedule(billing, "nightly", "0 2 * * *");
    api.createSchedule(sandbox, "try", "0 2 * * *");
    for (int i = 0; i < 3; i++) {
      trigger(billing, "nightly");
      api.attempt(200, "ok", RunStatus.SUCCEEDED);
    }
    trigger(sandbox, "try");
    api.attempt(200, "ok", RunStatus.SUCCEEDED);
    trigger(billing, "nightly"); // pending: not dispatched yet

    JsonNode usage = api.get("/v1/namespaces/billing/usage?month=2026-03", billing.token())
        .json();
    assertThat(usage.toString()).isEqualTo("{\"namespace\":\"billing\",\"month\":\"2026-03\","
        + "\"environment\":\"production\",\"runs\":3,\"tokensPerRun\":2,\"tokens\":6}");
    assertThat(api.get("/v1/namespaces/billing/usage", billing.token()).json().get("month")
        .asText()).isEqualTo("2026-03");
    assertThat(api.get("/v1/namespaces/billing/usage?month=2026-02", billing.token()).json()
        .get("runs").asLong()).isZero();
    JsonNode free = api.get("/v1/namespaces/playground/usage?month=2026-03", ADMIN).json();
    assertThat(free.get("runs").asLong()).isEqualTo(1);
    assertThat(free.get("tokens").asLong()).isZero();
    assertProblem(api.get("/v1/namespaces/billing/usage?month=2026-13", billing.token()), 422,
        "month");
    assertProblem(api.get("/v1/namespaces/billing/usage?month=March", billing.token()), 422,
        "month");
  }
}
