package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static dev.chime.api.ApiFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Explain and validate answer about input and change nothing; health and readiness. */
class ApiToolsTest {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  private Response explain(String query) {
    return api.get("/v1/explain?" + query, ADMIN);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void explain_saysItInWords_withTheNextFiresInTheZone() {
    Response response = explain("expr=" + q("0 9 * * 1-5") + "&tz=America/Denver&n=2");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().toString()).isEqualTo("{\"expression\":\"0 9 * * 1-5\","
        + "\"dialect\":\"posix\",\"timezone\":\"America/Denver\","
        + "\"explanation\":\"At 09:00, Monday through Friday (America/Denver)\","
        + "\"nextFires\":[{\"local\":\"2026-03-09T09:00:00-06:00\","
        + "\"utc\":\"2026-03-09T15:00:00Z\"},"
        + "{\"local\":\"2026-03-10T09:00:00-06:00\",\"utc\":\"2026-03-10T15:00:00Z\"}]}");
  }

  @Test
  void explain_marksDaylightSavingShifts_andTheOrRule() {
    JsonNode gap = explain("expr=" + q("30 2 * * *") + "&tz=America/Denver&n=1").json();
    assertThat(gap.get("nextFires").get(0).toString()).isEqualTo("{\"local\":"
        + "\"2026-03-08T03:00:00-06:00\",\"utc\":\"2026-03-08T09:00:00Z\",\"dst\":\"shifted\","
        + "\"note\":\"02:30 does not exist in America/Denver that day; runs at 03:00\"}");
    assertThat(gap.get("notes").toString()).isEqualTo("[\"2026-03-08: 02:30 does not exist in"
        + " America/Denver that day; runs at 03:00\"]");

    JsonNode either = explain("expr=" + q("0 0 13 * 5")).json();
    assertThat(either.get("notes").get(0).asText())
        .startsWith("both day-of-month and day-of-week are set, so it fires when EITHER");
    assertThat(either.get("nextFires")).hasSize(5);

    JsonNode every = explain("expr=" + q("@every 6h") + "&n=1").json();
    assertThat(every.get("expression").asText()).isEqualTo("@every 6h");
    assertThat(every.get("nextFires").get(0).get("utc").asText())
        .isEqualTo("2026-03-07T18:00:00Z");
    JsonNode quartz = explain("expr=" + q("0 0 9 ? * MON") + "&dialect=quartz&n=1").json();
    assertThat(quartz.get("nextFires").get(0).get("utc").asText())
        .isEqualTo("2026-03-09T09:00:00Z");
  }

  @Test
  void explain_badInput_isAProblemNamingTheParameter() {
    assertThat(message(assertProblem(explain("expr=" + q("61 * * * *")), 422, "expr"), "expr"))
        .isEqualTo("minute field: value 61 out of range 0-59 at column 1 of \"61 * * * *\"");
    assertThat(message(assertProblem(explain("expr=" + q("0 9 * * *") + "&tz=Europe/Stokholm"),
        422, "tz"), "tz")).isEqualTo(
        "unknown timezone \"Europe/Stokholm\"; did you mean Europe/Stockholm?");
    assertProblem(explain(""), 422, "expr");
    assertProblem(explain("expr=" + q("0 9 * * *") + "&dialect=cobol"), 422, "dialect");
    assertProblem(explain("expr=" + q("0 9 * * *") + "&n=0"), 422, "n");
    assertProblem(explain("expr=" + q("0 9 * * *") + "&n=lots"), 400, "n");
    assertProblem(explain("expr=" + q("1 ".repeat(600))), 422, "expr");
  }

  @Test
  void validate_answersValidOrEveryProblem_andSavesNothing() {
    Tenant billing = api.createNamespace("billing");
    String before = api.everything();
    Response valid = api.post("/v1/validate", billing.token(), """
        {"name": "sync", "cron": "0 3 * * *", "endpoint": "/internal/cron/sync"}""");
    assertThat(valid.status()).isEqualTo(200);
    assertThat(valid.body()).isEqualTo("{\"valid\":true,\"errors\":[]}");

    JsonNode invalid = api.post("/v1/validate", billing.token(), """
        {"name": "sync", "every": "7h", "endpoint": "/internal/cron/sync",
         "catchup": "sometimes"}""").json();
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(invalid.get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("every", "catchup");
    assertThat(invalid.get("errors").get(0).get("message").asText()).contains("6h", "8h");
    assertThat(api.everything()).isEqualTo(before);
  }

  private Response validateYaml(String query, String yaml) {
    return api.send(HttpRequest.newBuilder(api.uri("/v1/validate" + query))
        .header("Authorization", "Bearer " + ADMIN)
        .header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  private static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: billing
      spec:
        schedules:
          - name: sync
            cron: "0 0 2 * * *"
            endpoint: %s
      """;

  @Test
  void validate_aCatalogFile_answersWithTheLintFindings_andSavesNothing() {
    api.createNamespace("billing");
    String before = api.everything();
    Response broken = validateYaml("?file=" + q("billing/catalog-info.yaml"),
        CATALOG.formatted("/jobs/sync"));
    assertThat(broken.status()).as(broken.body()).isEqualTo(200);
    assertThat(broken.body()).isEqualTo("{\"valid\":false,\"findings\":["
        + "{\"file\":\"billing/catalog-info.yaml\",\"line\":8,\"column\":14,"
        + "\"severity\":\"error\",\"message\":\"6-field cron (with seconds) is not supported:"
        + " Chime fires at most once a minute; use `0 2 * * *`\",\"rule\":\"cron-six-fields\"},"
        + "{\"file\":\"billing/catalog-info.yaml\",\"line\":9,\"column\":17,"
        + "\"severity\":\"warning\",\"message\":\"`/jobs/sync` is outside /internal/cron/;"
        + " keep cron endpoints there, such as `/internal/cron/jobs/sync`, so no gateway route"
        + " reaches them by accident\",\"rule\":\"endpoint-not-internal\"}]}");
    assertThat(api.everything()).isEqualTo(before);
  }

  @Test
  void validate_aCatalogFile_isValidWithWarningsOnly_andNamesTheDefaultFile() {
    JsonNode warned = validateYaml("", CATALOG.formatted("/jobs/sync")
        .replace("0 0 2 * * *", "0 2 * * *")).json();
    assertThat(warned.get("valid").asBoolean()).isTrue();
    assertThat(warned.get("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("file").asText()).isEqualTo("catalog-info.yaml");
      assertThat(f.get("severity").asText()).isEqualTo("warning");
    });
  }

  @Test
  void validate_aFileThatIsNotACatalog_isAFinding_notAProblem() {
    JsonNode empty = validateYaml("", "").json();
    assertThat(empty.get("valid").asBoolean()).isFalse();
    assertThat(empty.get("findings").get(0).get("rule").asText()).isEqualTo("empty-file");
    JsonNode syntax = validateYaml("", "spec: [unclosed").json();
    assertThat(syntax.get("findings").get(0).get("rule").asText()).isEqualTo("yaml-syntax");
    assertProblem(validateYaml("?file=" + "x".repeat(201), "spec: {}"), 422, "file");
  }

  @Test
  void healthAndReadiness() {
    assertThat(api.get("/healthz", null).body()).isEqualTo("{\"status\":\"up\"}");
    assertThat(api.get("/readyz", null).body())
        .isEqualTo("{\"status\":\"ready\",\"store\":true,\"scheduler\":true}");
    api.schedulerAlive.set(false);
    JsonNode down = assertProblem(api.get("/readyz", null), 503, null);
    assertThat(down.get("detail").asText()).isEqualTo("the scheduler is not running");
  }
}
