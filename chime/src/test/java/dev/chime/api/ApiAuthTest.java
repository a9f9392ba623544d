package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens: the admin reaches everything; a namespace token reaches its own namespace only, and
 * another namespace's resources answer exactly as missing ones do.
 */
class ApiAuthTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void missingToken_is401Problem_withTheBearerChallenge() {
    Response response = api.get("/v1/namespaces", null);
    assertProblem(response, 401, null);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"chime\"");
    assertThat(response.json().get("detail").asText()).contains("Authorization: Bearer");
  }

  @Test
  void wrongOrMalformedToken_is401Problem() {
    assertProblem(api.get("/v1/namespaces", "not-a-token"), 401, null);
    assertProblem(api.get("/v1/namespaces", ADMIN + "x"), 401, null);
    assertProblem(api.get("/v1/namespaces", "x".repeat(5000)), 401, null);
    Response basic = api.send(HttpRequest.newBuilder(api.uri("/v1/namespaces"))
        .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET());
    assertProblem(basic, 401, null);
  }

  @Test
  void unknownRoutes_withAToken_are404Problems() {
    assertProblem(api.get("/v1/nothing-here", ADMIN), 404, null);
    assertProblem(api.send("PATCH", "/v1/namespaces", ADMIN, "{}"), 404, null);
  }

  @Test
  void publicRoutes_needNoToken() {
    assertThat(api.get("/healthz", null).status()).isEqualTo(200);
    assertThat(api.get("/readyz", null).status()).isEqualTo(200);
    assertThat(api.get("/v1/openapi.json", null).status()).isEqualTo(200);
  }

  @Test
  void namespaceToken_cannotReadOrChangeAnotherNamespace_andSeesOnly404s() {
    Tenant billing = api.createNamespace("billing");
    Tenant search = api.createNamespace("search");
    api.createSchedule(billing, "nightly", "0 2 * * *");
    String runId = api.post("/v1/namespaces/billing/schedules/nightly/trigger", billing.token(),
        null).json().get("id").asText();
    String before = api.everything();

    String other = search.token();
    String schedule = """
        {"name": "evil", "cron": "* * * * *", "endpoint": "/internal/cron/evil"}""";
    List<Response> attempts = List.of(
        api.get("/v1/namespaces/billing", other),
        api.get("/v1/namespaces/billing/schedules", other),
        api.post("/v1/namespaces/billing/schedules", other, schedule),
        api.get("/v1/namespaces/billing/schedules/nightly", other),
        api.put("/v1/namespaces/billing/schedules/nightly", other, schedule.replace("evil",
            "nightly")),
        api.delete("/v1/namespaces/billing/schedules/nightly", other),
        api.post("/v1/namespaces/billing/schedules/nightly/pause", other, null),
        api.post("/v1/namespaces/billing/schedules/nightly/resume", other, null),
        api.post("/v1/namespaces/billing/schedules/nightly/trigger", other, null),
        api.get("/v1/namespaces/billing/runs", other),
        api.get("/v1/namespaces/billing/usage", other),
        api.post("/v1/namespaces/billing/apply", other, "spec: {}"),
        api.get("/v1/runs/" + runId, other),
        api.get("/v1/runs/" + runId + "/log", other));
    Response missing = api.get("/v1/namespaces/no-such-namespace", other);
    for (Response response : attempts) {
      assertProblem(response, 404, null);
      assertThat(response.json().get("title")).isEqualTo(missing.json().get("title"));
    }
    assertThat(api.get("/v1/namespaces/billing", other).json().get("detail").asText())
        .isEqualTo(missing.json().get("detail").asText().replace("no-such-namespace", "billing"));
    assertThat(api.everything()).isEqualTo(before);
  }

  @Test
  void namespaceToken_cannotCreateNamespaces_andListsOnlyItsOwn() {
    Tenant billing = api.createNamespace("billing");
    api.createNamespace("search");
    Response create = api.post("/v1/namespaces", billing.token(), """
        {"name": "sneaky", "baseUrl": "https://sneaky.internal"}""");
    assertProblem(create, 403, null);
    assertThat(api.get("/v1/namespaces", billing.token()).json().get("namespaces"))
        .extracting(n -> n.get("name").asText()).containsExactly("billing");
    assertThat(api.get("/v1/namespaces", ADMIN).json().get("namespaces"))
        .extracting(n -> n.get("name").asText()).containsExactly("billing", "search");
  }

  @Test
  void adminToken_reachesEveryNamespace() {
    Tenant billing = api.createNamespace("billing");
    api.createSchedule(billing, "nightly", "0 2 * * *");
    assertThat(api.get("/v1/namespaces/billing/schedules/nightly", ADMIN).status())
        .isEqualTo(200);
    assertThat(api.post("/v1/namespaces/billing/schedules/nightly/pause", ADMIN, null).status())
        .isEqualTo(200);
  }

  @Test
  void secretsAndTokens_neverAppearInAnyResponseAfterCreation() {
    Response created = api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal",
         "headers": {"X-Cron-Token": "header-value-that-is-secret"}}""");
    String token = created.json().get("token").asText();
    String secret = created.json().get("signingSecret").asText();
    api.seen.clear();

    api.createSchedule(new Tenant("billing", token, secret), "nightly", "0 2 * * *");
    String runId = api.post("/v1/namespaces/billing/schedules/nightly/trigger", token, null)
        .json().get("id").asText();
    api.get("/v1/namespaces", ADMIN);
    api.get("/v1/namespaces", token);
    api.get("/v1/namespaces/billing", token);
    api.get("/v1/namespaces/billing/schedules", token);
    api.get("/v1/namespaces/billing/schedules/nightly", token);
    api.get("/v1/namespaces/billing/runs", token);
    api.get("/v1/runs/" + runId, token);
    api.get("/v1/runs/" + runId + "/log", token);
    api.get("/v1/namespaces/billing/usage", token);
    api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal"}""");
    api.post("/v1/validate", token, "{\"name\": \"x\"}");
    api.post("/v1/runs/" + runId + "/complete", null, "{\"status\": \"succeeded\"}");
    api.get("/v1/namespaces/billing", "wrong-" + token);
    api.get("/v1/openapi.json", null);

    assertThat(api.seen).hasSizeGreaterThan(10);
    for (String response : api.seen) {
      assertThat(response).doesNotContain(token, secret, "header-value-that-is-secret",
          ApiConfig.hashToken(token), ADMIN);
    }
  }
}
