package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.ApiFixture.assertProblem;
import static dev.chime.api.ApiFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.api.ApiFixture.Response;
import dev.chime.api.ApiFixture.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A namespace's alert webhook (set at creation or with PATCH, shown by its origin only), the
 * other fields PATCH changes, and whoami.
 */
class ApiNamespaceUpdateTest {
  private static final String SLACK = "https://hooks.slack.com/services/T0AAA/B0BBB/xoxSecretPart";

  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void whoami_saysWhoseTheTokenIs() {
    Tenant billing = api.createNamespace("billing");

    assertThat(api.get("/v1/whoami", ADMIN).json().toString())
        .isEqualTo("{\"role\":\"admin\",\"namespace\":null}");
    assertThat(api.get("/v1/whoami", billing.token()).json().toString())
        .isEqualTo("{\"role\":\"namespace\",\"namespace\":\"billing\"}");
    assertProblem(api.get("/v1/whoami", "not-a-token"), 401, null);
  }

  @Test
  void alertWebhook_setAtCreation_isShownByItsOriginOnly_inEveryAnswer() {
    Response created = api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal", "alertWebhook": "%s"}
        """.formatted(SLACK));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("alertWebhook").asText()).isEqualTo("https://hooks.slack.com/…");
    String token = created.json().get("token").asText();
    assertThat(api.get("/v1/namespaces/billing", token).json().get("alertWebhook").asText())
        .isEqualTo("https://hooks.slack.com/…");
    assertThat(api.get("/v1/namespaces", ADMIN).json().get("namespaces").get(0)
        .get("alertWebhook").asText()).isEqualTo("https://hooks.slack.com/…");
    assertThat(api.store.namespaces().find("billing").orElseThrow().alertWebhook())
        .hasToString(SLACK);
    assertThat(String.join("\n", api.seen)).doesNotContain("xoxSecretPart");
  }

  @Test
  void alertWebhook_thatIsNotAnHttpUrl_orAMetadataAddress_isRefused_andNothingIsCreated() {
    JsonNode ftp = assertProblem(api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal", "alertWebhook": "ftp://x/y"}
        """), 422, "alertWebhook");
    assertThat(message(ftp, "alertWebhook")).isEqualTo("must start with http:// or https://");

    JsonNode metadata = assertProblem(api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal",
         "alertWebhook": "http://169.254.169.254/latest/meta-data"}
        """), 422, "alertWebhook");
    assertThat(message(metadata, "alertWebhook")).contains("cloud metadata address")
        .contains("--allow-address");
    assertProblem(api.post("/v1/namespaces", ADMIN, """
        {"name": "billing", "baseUrl": "https://billing.internal",
         "alertWebhook": "https://metadata.google.internal/x"}
        """), 422, "alertWebhook");
    assertThat(api.store.namespaces().find("billing")).isEmpty();
  }

  @Test
  void patch_setsAndRemovesTheWebhook_andMovesTheBaseUrl_leavingWhatItDoesNotName() {
    Tenant billing = api.createNamespace("billing");
    String path = "/v1/namespaces/billing";

    Response set = api.send("PATCH", path, billing.token(), """
        {"alertWebhook": "https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t"}
        """);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("alertWebhook").asText()).isEqualTo("https://chat.googleapis.com/…");
    assertThat(set.json().get("baseUrl").asText()).isEqualTo("https://billing.internal:8443");

    Response moved = api.send("PATCH", path, billing.token(), """
        {"baseUrl": "https://billing-v2.internal/"}""");
    assertThat(moved.json().get("baseUrl").asText()).isEqualTo("https://billing-v2.internal");
    assertThat(moved.json().get("alertWebhook").asText())
        .isEqualTo("https://chat.googleapis.com/…");

    Response removed = api.send("PATCH", path, billing.token(), "{\"alertWebhook\": null}");
    assertThat(removed.json().get("alertWebhook").isNull()).isTrue();
    assertThat(api.get(path, billing.token()).json()).isEqualTo(removed.json());
    assertThat(api.store.namespaces().signingSecret("billing")).contains(billing.secret());
  }

  @Test
  void patch_environment_isForTheAdminOnly_sinceItSetsWhatRunsCost() {
    Tenant billing = api.createNamespace("billing");

    assertProblem(api.send("PATCH", "/v1/namespaces/billing", billing.token(),
        "{\"environment\": \"sandbox\"}"), 403, null);
    assertThat(api.get("/v1/namespaces/billing", ADMIN).json().get("environment").asText())
        .isEqualTo("production");

    Response changed = api.send("PATCH", "/v1/namespaces/billing", ADMIN,
        "{\"environment\": \"sandbox\"}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("environment").asText()).isEqualTo("sandbox");
    // Naming the environment it already has is no change, and allowed.
    assertThat(api.send("PATCH", "/v1/namespaces/billing", billing.token(),
        "{\"environment\": \"sandbox\"}").status()).isEqualTo(200);
  }

  @Test
  void patch_badInput_namesTheField_andChangesNothing() {
    Tenant billing = api.createNamespace("billing");
    Tenant audit = api.createNamespace("audit");
    String path = "/v1/namespaces/billing";
    JsonNode before = api.get(path, ADMIN).json();

    JsonNode unknown = assertProblem(api.send("PATCH", path, billing.token(),
        "{\"alertWebhok\": \"https://x\"}"), 400, "alertWebhok");
    assertThat(message(unknown, "alertWebhok")).contains("did you mean `alertWebhook`?");
    assertProblem(api.send("PATCH", path, billing.token(), "{\"alertWebhook\": 5}"), 400,
        "alertWebhook");
    assertProblem(api.send("PATCH", path, billing.token(),
        "{\"baseUrl\": \"https://ok.internal\", \"alertWebhook\": \"gopher://x\"}"), 422,
        "alertWebhook");
    assertProblem(api.send("PATCH", path, billing.token(), "{\"baseUrl\": null}"), 422,
        "baseUrl");
    assertProblem(api.send("PATCH", path, billing.token(), "{\"name\": \"other\"}"), 400,
        "name");
    assertProblem(api.send("PATCH", path, audit.token(), "{\"alertWebhook\": null}"), 404, null);

    assertThat(api.get(path, ADMIN).json()).isEqualTo(before);
  }
}
