package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static dev.chime.api.ApiFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import dev.chime.schedule.RunStatus;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a body answers bad input with a problem naming the field at fault,
 * and changes nothing: malformed JSON (with line and column), unknown fields (with the closest
 * known one), wrong types, oversize bodies, bad names and over-long text.
 */
class ApiBadRequestTest {
  private final ApiFixture api = new ApiFixture();
  private Tenant billing;
  private String runId;
  private String before;

  /** One endpoint with a body: how to send to it. */
  private record Endpoint(String name, Function<String, Response> send) {}

  @BeforeEach
  void setUp() {
    billing = api.createNamespace("billing");
    api.post("/v1/namespaces/billing/schedules", billing.token(), """
        {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
         "completion": "callback"}""");
    api.post("/v1/namespaces/billing/schedules/sync/trigger", billing.token(), null);
    runId = api.attempt(202, "accepted", RunStatus.RUNNING);
    before = api.everything();
  }

  @AfterEach
  void close() {
    api.close();
  }

  private Endpoint[] writes() {
    return new Endpoint[] {
        new Endpoint("create namespace", body -> api.post("/v1/namespaces", ADMIN, body)),
        new Endpoint("create schedule",
            body -> api.post("/v1/namespaces/billing/schedules", billing.token(), body)),
        new Endpoint("put schedule",
            body -> api.put("/v1/namespaces/billing/schedules/sync", billing.token(), body)),
        new Endpoint("complete run", body -> api.complete(billing, runId, body))};
  }

  private Endpoint validate() {
    return new Endpoint("validate", body -> api.post("/v1/validate", billing.token(), body));
  }

  private void assertUnchanged() {
    assertThat(api.everything()).isEqualTo(before);
    assertThat(api.get("/v1/runs/" + runId, ADMIN).json().get("status").asText())
        .isEqualTo("running");
  }

  @Test
  void malformedJson_is400NamingTheBody_withLineAndColumn() {
    String broken = "{\"name\": \"x\",\n  \"status\": }";
    for (Endpoint endpoint : append(writes(), validate())) {
      JsonNode problem = assertProblem(endpoint.send().apply(broken), 400, "body");
      assertThat(message(problem, "body")).as(endpoint.name())
          .startsWith("is not valid JSON at line 2, column 13");
      assertProblem(endpoint.send().apply(""), 400, "body");
      assertProblem(endpoint.send().apply("[1, 2]"), 400, "body");
      assertProblem(endpoint.send().apply("{} {}"), 400, "body");
      assertProblem(endpoint.send().apply("{\"name\": \"a\", \"name\": \"b\"}"), 400, "body");
    }
    assertUnchanged();
  }

  @Test
  void unknownFields_are400_suggestingTheClosestKnownField() {
    Endpoint[] w = writes();
    assertThat(message(assertProblem(w[0].send().apply("""
        {"name": "search", "baseUrl": "https://search.internal", "enviroment": "sandbox"}"""),
        400, "enviroment"), "enviroment"))
        .isEqualTo("unknown field `enviroment`; did you mean `environment`?");
    for (Endpoint endpoint : new Endpoint[] {w[1], w[2]}) {
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "timezon": "UTC"}"""), 400, "timezon"), "timezon"))
          .isEqualTo("unknown field `timezon`; did you mean `timezone`?");
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "retry": {"maxAtempts": 5}}"""), 400, "retry.maxAtempts"), "retry.maxAtempts"))
          .isEqualTo("unknown field `maxAtempts`; did you mean `maxAttempts`?");
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "nextFireAt": "2026-01-01T00:00:00Z"}"""), 400, "nextFireAt"), "nextFireAt"))
          .contains("read-only");
    }
    assertThat(message(assertProblem(w[3].send().apply("""
        {"status": "succeeded", "mesage": "done"}"""), 400, "mesage"), "mesage"))
        .isEqualTo("unknown field `mesage`; did you mean `message`?");
    assertUnchanged();
  }

  @Test
  void wrongTypes_are400_namingTheFieldAndTheExpectedType() {
    Endpoint[] w = writes();
    assertThat(message(assertProblem(w[0].send().apply("""
        {"name": "search", "baseUrl": "https://search.internal", "headers": {"X-Token": 5}}"""),
        400, "headers.X-Token"), "headers.X-Token"))
        .isEqualTo("must be text (a JSON string), not a whole number");
    assertProblem(w[0].send().apply("""
        {"name": ["search"], "baseUrl": "https://search.internal"}"""), 400, "name");
    for (Endpoint endpoint : new Endpoint[] {w[1], w[2]}) {
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "timeoutMs": "30000"}"""), 400, "timeoutMs"), "timeoutMs"))
          .isEqualTo("must be a whole number, not text");
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "paused": "yes"}"""), 400, "paused"), "paused"))
          .isEqualTo("must be true or false, not text");
      assertThat(message(assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "timeoutMs": 1.5}"""), 400, "timeoutMs"), "timeoutMs"))
          .isEqualTo("must be a whole number, not a fraction");
      assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": 5, "endpoint": "/internal/cron/sync"}"""), 400, "cron");
      assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "chain": "report"}"""), 400, "chain");
      assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync",
           "retry": {"maxAttempts": true}}"""), 400, "retry.maxAttempts");
    }
    assertProblem(w[3].send().apply("{\"status\": 1}"), 400, "status");
    assertUnchanged();
  }

  @Test
  void oversizeBodies_are413Problems() {
    String huge = "{\"description\": \"" + "a".repeat(300 * 1024) + "\"}";
    for (Endpoint endpoint : append(writes(), validate())) {
      JsonNode problem = assertProblem(endpoint.send().apply(huge), 413, "body");
      assertThat(problem.get("detail").asText()).as(endpoint.name()).contains("262144 bytes");
    }
    assertUnchanged();
  }

  @Test
  void badNamesAndValues_are422_namingEachFieldAtOnce() {
    Endpoint[] w = writes();
    JsonNode namespace = assertProblem(w[0].send().apply("""
        {"name": "Billing Team", "baseUrl": "ftp://billing", "environment": "staging",
         "headers": {"Host": "x"}}"""), 422, "name");
    assertThat(namespace.get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("name", "baseUrl", "environment", "headers.Host");
    assertThat(message(namespace, "environment"))
        .isEqualTo("must be one of production, sandbox, was \"staging\"");

    for (Endpoint endpoint : new Endpoint[] {w[1], w[2]}) {
      JsonNode schedule = assertProblem(endpoint.send().apply("""
          {"name": "sync", "cron": "0 0 3 * * *", "endpoint": "internal/cron",
           "timezone": "America/Denvr", "chain": ["Not_A_Name"], "concurrency": "never",
           "retry": {"maxAttempts": 0}, "timeoutMs": 5}"""), 422, "cron");
      assertThat(schedule.get("errors")).extracting(e -> e.get("field").asText())
          .containsExactlyInAnyOrder("cron", "endpoint", "timezone", "chain[0]", "concurrency",
              "retry.maxAttempts", "timeoutMs");
      assertThat(message(schedule, "timezone"))
          .isEqualTo("unknown timezone \"America/Denvr\"; did you mean America/Denver?");
      assertThat(message(schedule, "cron")).contains("did you mean \"0 3 * * *\"");
    }
    JsonNode badName = assertProblem(w[1].send().apply("""
        {"name": "Nightly_Sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync"}"""),
        422, "name");
    assertThat(message(badName, "name")).contains("lower-case letters, digits and dashes");
    assertProblem(api.put("/v1/namespaces/billing/schedules/Bad_Name", billing.token(), """
        {"cron": "0 3 * * *", "endpoint": "/internal/cron/sync"}"""), 422, "name");
    assertThat(message(assertProblem(w[3].send().apply("{\"status\": \"done\"}"), 422, "status"),
        "status")).isEqualTo("must be one of succeeded, failed, was \"done\"");
    assertProblem(w[3].send().apply("{}"), 422, "status");
    assertUnchanged();
  }

  @Test
  void overLongText_is422_andNeverEchoedInFull() {
    Endpoint[] w = writes();
    String longName = "a".repeat(5000);
    Response response = w[0].send().apply("""
        {"name": "%s", "baseUrl": "https://billing.internal/%s"}""".formatted(longName,
        longName));
    assertProblem(response, 422, "name");
    assertProblem(response, 422, "baseUrl");
    assertThat(response.body()).doesNotContain(longName.substring(0, 200));
    for (Endpoint endpoint : new Endpoint[] {w[1], w[2]}) {
      assertThat(endpoint.send().apply("""
          {"name": "sync", "cron": "%s", "endpoint": "/internal/cron/sync",
           "description": "%s", "timezone": "%s", "every": "%s"}""".formatted(
          "1 ".repeat(600), "d".repeat(1001), "Z".repeat(65), "9".repeat(65)))
          .json().get("errors")).extracting(e -> e.get("field").asText())
          .containsExactlyInAnyOrder("cron", "description", "timezone", "every");
    }
    assertProblem(w[3].send().apply("{\"status\": \"failed\", \"message\": \"%s\"}"
        .formatted("m".repeat(5000))), 422, "message");
    assertUnchanged();
  }

  @Test
  void validate_answersWhatIsWrongWithTheSchedule_asValidFalse() {
    JsonNode unknown = validate().send().apply("""
        {"name": "sync", "cron": "0 3 * * *", "endpoint": "/x", "timezon": "UTC"}""").json();
    assertThat(unknown.get("valid").asBoolean()).isFalse();
    assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("timezon");
    JsonNode wrongType = validate().send().apply("""
        {"name": "sync", "cron": "0 3 * * *", "endpoint": "/x", "paused": 1}""").json();
    assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("paused");
    JsonNode badName = validate().send().apply("""
        {"name": "Sync", "cron": "0 3 * * *", "endpoint": "/x"}""").json();
    assertThat(badName.get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertUnchanged();
  }

  private static Endpoint[] append(Endpoint[] endpoints, Endpoint more) {
    Endpoint[] all = java.util.Arrays.copyOf(endpoints, endpoints.length + 1);
    all[endpoints.length] = more;
    return all;
  }
}
