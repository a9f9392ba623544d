package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static dev.chime.api.Catalogs.BILLING;
import static dev.chime.api.Catalogs.BILLING_NEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/namespaces/{ns}/apply} against a running server and store: plans asserted as
 * text, and what the namespace holds afterwards read back through the API.
 */
class ApplyApiTest {
  /** Sunday 09:15 in America/Denver (MST, -07:00). */
  private static final Instant NOW = Instant.parse("2026-11-22T16:15:00Z");

  private final ApiFixture api = new ApiFixture();
  private final Tenant billing;

  ApplyApiTest() {
    api.clock.set(NOW);
    billing = api.createNamespace("billing");
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void apply_createsTheSchedulesOfTheFile_asTheCatalogs() {
    Response applied = apply("", BILLING);

    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(text(applied)).isEqualTo("""
        Chime will change namespace billing to match catalog-info.yaml:

          + nightly-sync
              cron:         "0 2 * * *"  (At 02:00, every day (America/Denver))
              endpoint:     /internal/cron/nightly-sync
              description:  "Sync invoices"
              timeoutMs:    300000
          + hourly-check
              cron:         "0 * * * *"  (Every hour, on the hour (America/Denver))
              endpoint:     /internal/cron/hourly-check
          + old-report
              cron:         "0 6 * * *"  (At 06:00, every day (America/Denver))
              endpoint:     /internal/cron/old-report

        Plan: 3 to create, 0 to change, 0 to delete; 0 unchanged.""");
    JsonNode result = applied.json();
    assertThat(result.get("applied").asBoolean()).isTrue();
    assertThat(result.get("counts").toString())
        .isEqualTo("{\"create\":3,\"change\":0,\"delete\":0,\"unchanged\":0}");
    assertThat(result.get("creates").get(0).get("fields").get(3).toString())
        .isEqualTo("{\"field\":\"timeoutMs\",\"value\":300000}");

    JsonNode nightly = schedule("nightly-sync");
    assertThat(nightly.get("source").asText()).isEqualTo("catalog");
    assertThat(nightly.get("description").asText()).isEqualTo("Sync invoices");
    assertThat(nightly.get("nextFireAt").asText()).isEqualTo("2026-11-23T09:00:00Z");
    assertThat(names()).containsExactly("hourly-check", "nightly-sync", "old-report");
  }

  @Test
  void apply_ofAChangedFile_showsEachFieldBeforeAndAfter_andTheFiresOfANewTiming() {
    apply("", BILLING);
    api.clock.set(NOW.plus(Duration.ofDays(1)));
    String edited = BILLING.replace("cron: \"0 * * * *\"", "cron: \"30 * * * *\"")
        .replace("description: Sync invoices", "description: Sync invoices nightly");

    Response applied = apply("", edited);

    assertThat(text(applied)).isEqualTo("""
        Chime will change namespace billing to match catalog-info.yaml:

          ~ nightly-sync
              description:  "Sync invoices" → "Sync invoices nightly"
          ~ hourly-check
              cron:         "0 * * * *" → "30 * * * *"
              next fires before: 2026-11-23T10:00:00-07:00, 2026-11-23T11:00:00-07:00, \
        2026-11-23T12:00:00-07:00
              next fires after:  2026-11-23T09:30:00-07:00, 2026-11-23T10:30:00-07:00, \
        2026-11-23T11:30:00-07:00

        Plan: 0 to create, 2 to change, 0 to delete; 1 unchanged.""");
    JsonNode change = applied.json().get("changes").get(1);
    assertThat(change.get("fields").toString()).isEqualTo(
        "[{\"field\":\"cron\",\"before\":\"0 * * * *\",\"after\":\"30 * * * *\"}]");
    assertThat(change.get("firesAfter").get(0).get("utc").asText())
        .isEqualTo("2026-11-23T16:30:00Z");
    assertThat(schedule("hourly-check").get("nextFireAt").asText())
        .isEqualTo("2026-11-23T16:30:00Z");
    // Same timing: the fire due at 02:00 this morning and not yet claimed is kept, not lost.
    assertThat(schedule("nightly-sync").get("nextFireAt").asText())
        .isEqualTo("2026-11-23T09:00:00Z");
  }

  @Test
  void apply_withPrune_deletesWhatTheCatalogWroteAndTheFileDropped_neverWhatTheApiMade() {
    apply("", BILLING);
    api.createSchedule(billing, "adhoc-export", "0 12 * * *");
    String expectedChanges = """
        Chime will change namespace billing to match catalog-info.yaml:

          + daily-digest
              cron:      "0 7 * * *"  (At 07:00, every day (America/Denver))
              endpoint:  /internal/cron/daily-digest
          ~ hourly-check
              cron:      "0 * * * *" → "30 * * * *"
              next fires before: 2026-11-22T10:00:00-07:00, 2026-11-22T11:00:00-07:00, \
        2026-11-22T12:00:00-07:00
              next fires after:  2026-11-22T09:30:00-07:00, 2026-11-22T10:30:00-07:00, \
        2026-11-22T11:30:00-07:00
        """;

    Response withoutPrune = apply("dryRun=true", BILLING_NEXT);
    assertThat(text(withoutPrune)).isEqualTo(expectedChanges + """

        Left alone, not in catalog-info.yaml:
          adhoc-export  made through the API, not managed by the file
          old-report    written by an earlier apply; apply with prune to delete it

        Plan: 1 to create, 1 to change, 0 to delete; 1 unchanged.""");

    Response pruned = apply("prune=true", BILLING_NEXT);
    assertThat(text(pruned)).isEqualTo(expectedChanges + """
          - old-report  (no longer in the file)

        Left alone, not in catalog-info.yaml:
          adhoc-export  made through the API, not managed by the file

        Plan: 1 to create, 1 to change, 1 to delete; 1 unchanged.""");
    assertThat(pruned.json().get("unmanaged").toString()).isEqualTo("[\"adhoc-export\"]");
    assertThat(pruned.json().get("deletes").toString()).isEqualTo("[\"old-report\"]");
    assertThat(names())
        .containsExactly("adhoc-export", "daily-digest", "hourly-check", "nightly-sync");
    assertThat(schedule("adhoc-export").get("source").asText()).isEqualTo("api");
  }

  @Test
  void applyingTheSameFileTwice_changesNothingTheSecondTime() {
    apply("", BILLING);
    String before = list();
    api.clock.set(NOW.plus(Duration.ofMinutes(10)));

    Response again = apply("", BILLING);

    assertThat(text(again))
        .isEqualTo("No changes. Namespace billing matches catalog-info.yaml (3 schedules).");
    assertThat(again.json().get("applied").asBoolean()).isTrue();
    assertThat(again.json().get("counts").toString())
        .isEqualTo("{\"create\":0,\"change\":0,\"delete\":0,\"unchanged\":3}");
    api.clock.set(NOW);
    assertThat(list()).isEqualTo(before);
  }

  @Test
  void dryRun_answersThePlan_andChangesNothing() {
    apply("", BILLING);
    String before = list();
    int wakeups = api.wakeups.get();

    Response planned = apply("dryRun=true&prune=true", BILLING_NEXT);

    assertThat(planned.status()).isEqualTo(200);
    assertThat(planned.json().get("applied").asBoolean()).isFalse();
    assertThat(planned.json().get("dryRun").asBoolean()).isTrue();
    assertThat(text(planned)).contains("  - old-report  (no longer in the file)",
        "Plan: 1 to create, 1 to change, 1 to delete; 1 unchanged.");
    assertThat(list()).isEqualTo(before);
    assertThat(api.wakeups.get()).isEqualTo(wakeups);
  }

  @Test
  void aFileWithALintError_isAnsweredWithItsFindings_andChangesNothing() {
    apply("", BILLING);
    String before = list();
    // hourly-check's timezone misspelt, on line 17, and its cron moved: nothing of it applies.
    String misspelt = BILLING_NEXT.replace("hourly-check\n      timezone:",
        "hourly-check\n      timezon:");

    Response refused = apply("prune=true&file=deploy/catalog-info.yaml", misspelt);

    JsonNode problem = assertProblem(refused, 422, null);
    assertThat(problem.get("type").asText()).isEqualTo("tag:chime.dev,2026:problem/lint-errors");
    assertThat(problem.get("detail").asText()).startsWith("deploy/catalog-info.yaml: 1 error")
        .endsWith("; nothing was changed");
    assertThat(findings(problem, "unknown-field")).containsExactly(
        "{\"file\":\"deploy/catalog-info.yaml\",\"line\":17,\"column\":7,\"severity\":\"error\","
            + "\"message\":\"unknown field `timezon`; did you mean `timezone`?\","
            + "\"rule\":\"unknown-field\"}");
    assertThat(list()).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotYaml_isAnsweredWithOneFinding_andChangesNothing() {
    apply("", BILLING);
    String before = list();

    Response refused = apply("prune=true", "spec:\n  schedules: [unclosed\n");

    JsonNode problem = assertProblem(refused, 422, null);
    assertThat(problem.get("findings")).hasSize(1);
    assertThat(problem.get("findings").get(0).get("rule").asText()).isEqualTo("yaml-syntax");
    assertThat(list()).isEqualTo(before);
  }

  @Test
  void apply_adoptsSchedulesTheApiMade_andNeverResumesOnesAnOperatorPaused() {
    api.put("/v1/namespaces/billing/schedules/nightly-sync", billing.token(), """
        {"cron": "0 2 * * *", "endpoint": "/internal/cron/nightly-sync",
         "timezone": "America/Denver", "timeoutMs": 300000, "description": "Sync invoices"}""");
    api.put("/v1/namespaces/billing/schedules/hourly-check", billing.token(), """
        {"cron": "0 * * * *", "endpoint": "/internal/cron/hourly-check",
         "timezone": "America/Denver"}""");
    api.post("/v1/namespaces/billing/schedules/hourly-check/pause", billing.token(), null);
    String twoSchedules = BILLING.substring(0, BILLING.indexOf("    - name: old-report"));

    Response adopted = apply("", twoSchedules);

    assertThat(text(adopted)).isEqualTo("""
        Chime will change namespace billing to match catalog-info.yaml:

          ~ nightly-sync
              source:  api → catalog  (made through the API; catalog-info.yaml manages it \
        from now on)
          ~ hourly-check
              source:  api → catalog  (made through the API; catalog-info.yaml manages it \
        from now on)

        Stays paused, as catalog-info.yaml does not set paused: hourly-check

        Plan: 0 to create, 2 to change, 0 to delete; 0 unchanged.""");
    assertThat(schedule("hourly-check").get("paused").asBoolean()).isTrue();
    assertThat(text(apply("", twoSchedules))).isEqualTo("""
        No changes. Namespace billing matches catalog-info.yaml (2 schedules).

        Stays paused, as catalog-info.yaml does not set paused: hourly-check""");

    Response resumed = apply("", twoSchedules.replace(
        "endpoint: /internal/cron/hourly-check", "endpoint: /internal/cron/hourly-check\n"
            + "      paused: false"));
    assertThat(text(resumed)).isEqualTo("""
        Chime will change namespace billing to match catalog-info.yaml:

          ~ hourly-check
              paused:  true → false
              next fires before: none (paused)
              next fires after:  2026-11-22T10:00:00-07:00, 2026-11-22T11:00:00-07:00, \
        2026-11-22T12:00:00-07:00

        Plan: 0 to create, 1 to change, 0 to delete; 1 unchanged.""");
    assertThat(schedule("hourly-check").get("nextFireAt").asText())
        .isEqualTo("2026-11-22T17:00:00Z");
  }

  @Test
  void apply_refusesWhatIsNotAYamlFileForANamespaceTheTokenReaches() {
    Tenant audit = api.createNamespace("audit");

    assertProblem(Catalogs.apply(api, "billing", audit.token(), "", BILLING), 404, null);
    assertProblem(Catalogs.apply(api, "billing", null, "", BILLING), 401, null);
    assertThat(Catalogs.apply(api, "billing", ADMIN, "dryRun=true", BILLING).status())
        .isEqualTo(200);
    JsonNode json = assertProblem(
        api.post("/v1/namespaces/billing/apply", billing.token(), "{}"), 415, null);
    assertThat(json.get("detail").asText())
        .startsWith("send the catalog-info.yaml with Content-Type: application/yaml");
    assertProblem(apply("dryRun=yes", BILLING), 400, "dryRun");
    assertProblem(apply("", "x".repeat(ApplyRoutes.MAX_FILE_BYTES + 1)), 413, "body");
    assertThat(names()).isEmpty();
  }

  private Response apply(String query, String yaml) {
    return Catalogs.apply(api, "billing", billing.token(), query, yaml);
  }

  private static String text(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("text").asText();
  }

  private String list() {
    return api.get("/v1/namespaces/billing/schedules", billing.token()).body();
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    api.get("/v1/namespaces/billing/schedules", billing.token()).json().get("schedules")
        .forEach(s -> names.add(s.get("name").asText()));
    return names;
  }

  private JsonNode schedule(String name) {
    return api.get("/v1/namespaces/billing/schedules/" + name, billing.token()).json();
  }

  private static List<String> findings(JsonNode problem, String rule) {
    List<String> found = new ArrayList<>();
    problem.get("findings").forEach(f -> {
      if (f.get("rule").asText().equals(rule)) {
        found.add(f.toString());
      }
    });
    return found;
  }
}
