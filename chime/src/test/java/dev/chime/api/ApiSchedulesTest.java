package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces and schedules through the REST API, as a user drives them with curl. */
class ApiSchedulesTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void namespaceAndSchedule_createdWithOneRequestEach_readBackWithWordsAndNextFires() {
    Response ns = api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal:8443/",
         "headers": {"X-Cron-Token": "shared-secret-value"}}
        """);
    assertThat(ns.status()).isEqualTo(201);
    assertThat(ns.headers().firstValue("Location")).contains("/v1/namespaces/billing");
    assertThat(ns.json().get("token").asText()).startsWith("chime_").hasSizeGreaterThan(40);
    assertThat(ns.json().get("signingSecret").asText()).hasSizeGreaterThan(40);
    String token = ns.json().get("token").asText();

    Response created = api.post("/v1/namespaces/billing/schedules", token, """
        {"name": "nightly-sync", "cron": "30 2 * * *", "endpoint": "/internal/cron/nightly-sync",
         "timezone": "America/Denver", "description": "Sync invoices", "timeoutMs": 300000}
        """);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .contains("/v1/namespaces/billing/schedules/nightly-sync");

    JsonNode read = api.get("/v1/namespaces/billing/schedules/nightly-sync", token).json();
    assertThat(read).isEqualTo(created.json());
    assertThat(read.get("namespace").asText()).isEqualTo("billing");
    assertThat(read.get("cron").asText()).isEqualTo("30 2 * * *");
    assertThat(read.has("every")).isFalse();
    assertThat(read.get("timezone").asText()).isEqualTo("America/Denver");
    assertThat(read.get("timeoutMs").asLong()).isEqualTo(300000);
    assertThat(read.get("completionDeadlineMs").asLong()).isEqualTo(3000000);
    assertThat(read.get("explanation").asText()).isEqualTo("At 02:30, every day (America/Denver)");
    assertThat(read.get("nextFireAt").asText()).isEqualTo("2026-03-08T09:00:00Z");
    assertThat(read.get("lastRun").isNull()).isTrue();
    assertThat(read.get("nextFires")).hasSize(3);
    JsonNode shifted = read.get("nextFires").get(0);
    assertThat(shifted.get("local").asText()).isEqualTo("2026-03-08T03:00:00-06:00");
    assertThat(shifted.get("utc").asText()).isEqualTo("2026-03-08T09:00:00Z");
    assertThat(shifted.get("dst").asText()).isEqualTo("shifted");
    assertThat(shifted.get("note").asText())
        .isEqualTo("02:30 does not exist in America/Denver that day; runs at 03:00");
    JsonNode ordinary = read.get("nextFires").get(1);
    assertThat(ordinary.get("local").asText()).isEqualTo("2026-03-09T02:30:00-06:00");
    assertThat(ordinary.get("utc").asText()).isEqualTo("2026-03-09T08:30:00Z");
    assertThat(ordinary.has("dst")).isFalse();

    JsonNode namespace = api.get("/v1/namespaces/billing", token).json();
    assertThat(namespace.get("baseUrl").asText()).isEqualTo("https://billing.internal:8443");
    assertThat(namespace.get("environment").asText()).isEqualTo("production");
    assertThat(namespace.get("headers").toString()).isEqualTo("[\"X-Cron-Token\"]");
    assertThat(api.get("/v1/namespaces/billing/schedules", token).json().get("schedules"))
        .extracting(s -> s.get("name").asText()).containsExactly("nightly-sync");
  }

  @Test
  void create_sentAsCurlDashDSendsIt_isReadAsJsonWhateverTheContentType() {
    Tenant billing = api.createNamespace("billing");
    Response created = api.send(HttpRequest.newBuilder(
            api.uri("/v1/namespaces/billing/schedules?note=ignored"))
        .header("Authorization", "Bearer " + billing.token())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\": \"sync\", \"every\": \"10m\", \"endpoint\": \"/internal/cron/sync\"}")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("every").asText()).isEqualTo("10m");
  }

  @Test
  void schedule_leftToDefaults_showsEveryDefault() {
    Tenant billing = api.createNamespace("billing");
    JsonNode s = api.createSchedule(billing, "hourly", "0 * * * *");
    assertThat(s.get("dialect").asText()).isEqualTo("posix");
    assertThat(s.get("timezone").asText()).isEqualTo("UTC");
    assertThat(s.get("description").asText()).isEmpty();
    assertThat(s.get("paused").asBoolean()).isFalse();
    assertThat(s.get("timeoutMs").asLong()).isEqualTo(30000);
    assertThat(s.get("retry").toString())
        .isEqualTo("{\"maxAttempts\":3,\"minBackoffMs\":1000,\"maxBackoffMs\":60000}");
    assertThat(s.get("concurrency").asText()).isEqualTo("allow");
    assertThat(s.get("catchup").asText()).isEqualTo("latest");
    assertThat(s.get("startingDeadlineMs").isNull()).isTrue();
    assertThat(s.get("payload").isNull()).isTrue();
    assertThat(s.get("chain")).isEmpty();
    assertThat(s.get("completion").asText()).isEqualTo("response");
    assertThat(s.get("completionDeadlineMs").asLong()).isEqualTo(300000);
    assertThat(s.get("dstGap").asText()).isEqualTo("shift");
    assertThat(s.get("nextFireAt").asText()).isEqualTo("2026-03-07T13:00:00Z");
  }

  @Test
  void schedule_withEveryOptionSet_keepsThemAll() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "report", "0 6 * * *");
    Response created = api.post("/v1/namespaces/billing/schedules", billing.token(), """
        {"name": "sync", "every": "6h", "endpoint": "/internal/cron/sync?full=1",
         "timezone": "Europe/Stockholm", "paused": false, "timeoutMs": 60000,
         "retry": {"maxAttempts": 5, "maxBackoffMs": 120000}, "concurrency": "forbid",
         "catchup": "all", "startingDeadlineMs": 600000, "payload": {"full": true, "n": [1, 2]},
         "chain": ["report"], "completion": "callback", "completionDeadlineMs": 3600000,
         "dstGap": "skip"}
        """);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode s = created.json();
    assertThat(s.get("every").asText()).isEqualTo("6h");
    assertThat(s.has("cron")).isFalse();
    assertThat(s.get("endpoint").asText()).isEqualTo("/internal/cron/sync?full=1");
    assertThat(s.get("retry").toString())
        .isEqualTo("{\"maxAttempts\":5,\"minBackoffMs\":1000,\"maxBackoffMs\":120000}");
    assertThat(s.get("concurrency").asText()).isEqualTo("forbid");
    assertThat(s.get("catchup").asText()).isEqualTo("all");
    assertThat(s.get("startingDeadlineMs").asLong()).isEqualTo(600000);
    assertThat(s.get("payload").toString()).isEqualTo("{\"full\":true,\"n\":[1,2]}");
    assertThat(s.get("chain").toString()).isEqualTo("[\"report\"]");
    assertThat(s.get("completion").asText()).isEqualTo("callback");
    assertThat(s.get("completionDeadlineMs").asLong()).isEqualTo(3600000);
    assertThat(s.get("dstGap").asText()).isEqualTo("skip");
    assertThat(s.get("nextFires").get(0).get("utc").asText()).isEqualTo("2026-03-07T18:00:00Z");
    assertThat(s.get("nextFires").get(0).get("local").asText())
        .isEqualTo("2026-03-07T19:00:00+01:00");
  }

  @Test
  void put_createsThenReplaces_andTheNameMayComeFromThePath() {
    Tenant billing = api.createNamespace("billing");
    String path = "/v1/namespaces/billing/schedules/sync";
    Response first = api.put(path, billing.token(), """
        {"cron": "0 3 * * *", "endpoint": "/internal/cron/sync"}
        """);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("name").asText()).isEqualTo("sync");

    Response second = api.put(path, billing.token(), """
        {"name": "sync", "cron": "0 4 * * *", "endpoint": "/internal/cron/sync-v2"}
        """);
    assertThat(second.status()).isEqualTo(200);
    JsonNode read = api.get(path, billing.token()).json();
    assertThat(read.get("cron").asText()).isEqualTo("0 4 * * *");
    assertThat(read.get("endpoint").asText()).isEqualTo("/internal/cron/sync-v2");
    assertThat(read.get("nextFireAt").asText()).isEqualTo("2026-03-08T04:00:00Z");
  }

  @Test
  void put_withAnotherNameInTheBody_isRefusedNamingTheField() {
    Tenant billing = api.createNamespace("billing");
    Response response = api.put("/v1/namespaces/billing/schedules/sync", billing.token(), """
        {"name": "other", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync"}
        """);
    assertProblem(response, 422, "name");
    assertThat(api.get("/v1/namespaces/billing/schedules", billing.token()).json()
        .get("schedules")).isEmpty();
  }

  @Test
  void create_whenTheNameIsTaken_isAConflict() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "sync", "0 3 * * *");
    Response again = api.post("/v1/namespaces/billing/schedules", billing.token(), """
        {"name": "sync", "cron": "0 9 * * *", "endpoint": "/internal/cron/other"}
        """);
    assertProblem(again, 409, null);
    assertThat(api.get("/v1/namespaces/billing/schedules/sync", billing.token()).json()
        .get("cron").asText()).isEqualTo("0 3 * * *");
  }

  @Test
  void delete_removesTheSchedule_thenItIsNotFound() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "sync", "0 3 * * *");
    Response deleted = api.delete("/v1/namespaces/billing/schedules/sync", billing.token());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertProblem(api.get("/v1/namespaces/billing/schedules/sync", billing.token()), 404, null);
    assertProblem(api.delete("/v1/namespaces/billing/schedules/sync", billing.token()), 404,
        null);
  }

  @Test
  void pauseAndResume_changePausedAndTheNextFire_resumingCountsFromNow() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "nightly", "30 2 * * *");
    String path = "/v1/namespaces/billing/schedules/nightly";

    JsonNode paused = api.post(path + "/pause", billing.token(), null).json();
    assertThat(paused.get("paused").asBoolean()).isTrue();
    assertThat(paused.get("nextFireAt").isNull()).isTrue();
    assertThat(paused.get("nextFires")).isEmpty();
    assertThat(api.get(path, billing.token()).json()).isEqualTo(paused);

    api.clock.set(Instant.parse("2026-03-09T00:00:00Z"));
    JsonNode resumed = api.post(path + "/resume", billing.token(), null).json();
    assertThat(resumed.get("paused").asBoolean()).isFalse();
    assertThat(resumed.get("nextFireAt").asText()).isEqualTo("2026-03-09T02:30:00Z");
    assertThat(resumed.get("nextFires").get(0).get("utc").asText())
        .isEqualTo("2026-03-09T02:30:00Z");
    assertThat(api.wakeups.get()).as("each change wakes the scheduler").isEqualTo(3);
  }

  @Test
  void trigger_returnsAPendingManualRun_evenWhenPaused() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "nightly", "30 2 * * *");
    String path = "/v1/namespaces/billing/schedules/nightly";
    api.post(path + "/pause", billing.token(), null);

    Response triggered = api.post(path + "/trigger", billing.token(), null);
    assertThat(triggered.status()).as(triggered.body()).isEqualTo(201);
    JsonNode run = triggered.json();
    assertThat(run.get("trigger").asText()).isEqualTo("manual");
    assertThat(run.get("status").asText()).isEqualTo("pending");
    assertThat(run.get("namespace").asText()).isEqualTo("billing");
    assertThat(run.get("schedule").asText()).isEqualTo("nightly");
    assertThat(run.get("fireAt").asText()).isEqualTo("2026-03-07T12:00:00Z");
    assertThat(run.get("attemptCount").asInt()).isZero();
    String id = run.get("id").asText();
    assertThat(triggered.headers().firstValue("Location")).contains("/v1/runs/" + id);

    JsonNode read = api.get("/v1/runs/" + id, billing.token()).json();
    assertThat(read.get("status").asText()).isEqualTo("pending");
    assertThat(read.get("attempts")).isEmpty();
    assertProblem(api.post("/v1/namespaces/billing/schedules/nope/trigger", billing.token(),
        null), 404, null);
  }
}
