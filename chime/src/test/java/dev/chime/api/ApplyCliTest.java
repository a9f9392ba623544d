package dev.chime.api;

import static dev.chime.api.ApiFixture.ADMIN;
import static dev.chime.api.Catalogs.BILLING;
import static dev.chime.api.Catalogs.BILLING_NEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.api.ApiFixture.Tenant;
import dev.chime.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chime apply} run in-process against a running server: output and exit statuses. */
class ApplyCliTest {
  private final ApiFixture api = new ApiFixture();
  private final Tenant billing;
  private final String server;

  @TempDir Path dir;

  ApplyCliTest() {
    api.clock.set(Instant.parse("2026-11-22T16:15:00Z"));
    billing = api.createNamespace("billing");
    server = "http://127.0.0.1:" + api.server.port();
  }

  @AfterEach
  void close() {
    api.close();
  }

  record Result(int status, String out, String err) {}

  @Test
  void apply_printsThePlan_thenWhatItApplied_andASecondRunFindsNoChanges() {
    Path file = write(BILLING);

    Result first = apply(file, "--token", billing.token());

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith("Chime will change namespace billing to match " + file + ":\n\n"
            + "  + nightly-sync\n")
        .endsWith("\nPlan: 3 to create, 0 to change, 0 to delete; 0 unchanged.\n\n"
            + "Applied: 3 created, 0 changed, 0 deleted.\n");
    assertThat(scheduleNames()).contains("nightly-sync", "hourly-check", "old-report");

    Result second = apply(file, "--token", billing.token());
    assertThat(second.status()).isZero();
    assertThat(second.out())
        .isEqualTo("No changes. Namespace billing matches " + file + " (3 schedules).\n");
  }

  @Test
  void dryRun_printsThePlanAndSaysNothingChanged() {
    apply(write(BILLING), "--token", billing.token());
    String before = schedules();

    Result planned = apply(write(BILLING_NEXT), "--token", billing.token(), "--prune",
        "--dry-run");

    assertThat(planned.status()).isZero();
    assertThat(planned.out()).contains("  - old-report  (no longer in the file)\n")
        .endsWith("\nPlan: 1 to create, 1 to change, 1 to delete; 1 unchanged.\n\n"
            + "Dry run: nothing changed.\n");
    assertThat(schedules()).isEqualTo(before);
  }

  @Test
  void lintErrors_arePrintedAsFindings_exitOne_andChangeNothing() {
    apply(write(BILLING), "--token", billing.token());
    String before = schedules();
    Path file = write(BILLING_NEXT.replace("hourly-check\n      timezone:",
        "hourly-check\n      timezon:"));

    Result refused = apply(file, "--token", billing.token(), "--prune");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err().lines()).contains(file + ":17:7: error: unknown field `timezon`;"
        + " did you mean `timezone`? [unknown-field]");
    assertThat(refused.err().lines().toList().getLast())
        .startsWith("chime: " + file + ": 1 error").endsWith("; nothing was changed");
    assertThat(schedules()).isEqualTo(before);
  }

  @Test
  void aRefusedTokenOrAnUnknownNamespace_isOneClearLine_exitOne() {
    Path file = write(BILLING);

    Result badToken = apply(file, "--token", "not-a-token");
    assertThat(badToken.status()).isEqualTo(1);
    assertThat(badToken.err()).isEqualTo("chime: " + server + "/ refused the token (401): the"
        + " token is not valid; pass the namespace's token with --token or CHIME_TOKEN\n");

    Result unknown = run("apply", "-f", file.toString(), "--server", server, "--namespace",
        "payroll", "--token", ADMIN);
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("chime: namespace payroll not found at " + server
        + "/ (or the token cannot reach it)\n");
    assertThat(scheduleNames()).isEmpty();
  }

  private Result apply(Path file, String... options) {
    List<String> args = new ArrayList<>(List.of("apply", "-f", file.toString(), "--server",
        server, "--namespace", "billing"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), api.clock);
    return new Result(status, out.toString(), err.toString());
  }

  private Path write(String yaml) {
    try {
      Path file = Files.createTempFile(dir, "catalog-info", ".yaml");
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String schedules() {
    return api.get("/v1/namespaces/billing/schedules", billing.token()).body();
  }

  private List<String> scheduleNames() {
    return api.get("/v1/namespaces/billing/schedules", billing.token()).json()
        .findValuesAsText("name");
  }
}
