package dev.chime.api;

import java.net.http.HttpRequest;

/** Catalog files for the apply tests, and the request that applies one. */
final class Catalogs {
  /** The first file of team billing: three schedules in America/Denver. */
  static final String BILLING = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: billing
      spec:
        type: service
        schedules:
          - name: nightly-sync
            cron: "0 2 * * *"
            endpoint: /internal/cron/nightly-sync
            timezone: America/Denver
            timeoutMs: 300000
            description: Sync invoices
          - name: hourly-check
            cron: "0 * * * *"
            endpoint: /internal/cron/hourly-check
            timezone: America/Denver
          - name: old-report
            cron: "0 6 * * *"
            endpoint: /internal/cron/old-report
            timezone: America/Denver
      """;

  /**
   * The next version: nightly-sync as it was, hourly-check at half past, old-report gone and
   * daily-digest new.
   */
  static final String BILLING_NEXT = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: billing
      spec:
        type: service
        schedules:
          - name: nightly-sync
            cron: "0 2 * * *"
            endpoint: /internal/cron/nightly-sync
            timezone: America/Denver
            timeoutMs: 300000
            description: Sync invoices
          - name: hourly-check
            cron: "30 * * * *"
            endpoint: /internal/cron/hourly-check
            timezone: America/Denver
          - name: daily-digest
            cron: "0 7 * * *"
            endpoint: /internal/cron/daily-digest
            timezone: America/Denver
      """;

  private Catalogs() {}

  /** {@code POST /v1/namespaces/{ns}/apply?query} with the file as YAML. */
  static ApiFixture.Response apply(ApiFixture api, String namespace, String token, String query,
      String yaml) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            api.uri("/v1/namespaces/" + namespace + "/apply" + (query.isEmpty() ? "" : "?" + query)))
        .header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(yaml));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return api.send(request);
  }
}
