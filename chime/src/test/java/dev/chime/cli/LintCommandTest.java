package dev.chime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.catalog.Finding;
import dev.chime.catalog.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chime lint}: each output format exactly, and the exit statuses CI relies on. */
class LintCommandTest {
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-01-15T12:00:00Z"));

  private static final String HEAD = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: billing
      spec:
        schedules:
      """;
  /** One error (line 8) and one warning (line 9). */
  private static final String BROKEN = HEAD + """
          - name: sync
            cron: "0 0 2 * * *"
            endpoint: /jobs/sync
      """;
  private static final String WARNED = HEAD + """
          - name: sync
            cron: "0 2 * * *"
            endpoint: /jobs/sync
      """;
  private static final String CLEAN = HEAD + """
          - name: sync
            cron: "0 2 * * *"
            endpoint: /internal/cron/sync
      """;

  private static final String SIX_FIELDS = "6-field cron (with seconds) is not supported: Chime"
      + " fires at most once a minute; use `0 2 * * *`";
  private static final String NOT_INTERNAL = "`/jobs/sync` is outside /internal/cron/; keep cron"
      + " endpoints there, such as `/internal/cron/jobs/sync`, so no gateway route reaches them"
      + " by accident";

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), NOW);
    return new Result(status, out.toString(), err.toString());
  }

  private String file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @Test
  void text_printsOneLinePerFinding_thenASummary_andExitsOneOnAnError() throws IOException {
    String f = file("catalog-info.yaml", BROKEN);
    Result r = run("lint", f);
    assertThat(r.out()).isEqualTo(
        f + ":8:14: error: " + SIX_FIELDS + " [cron-six-fields]\n"
            + f + ":9:17: warning: " + NOT_INTERNAL + " [endpoint-not-internal]\n"
            + "1 error, 1 warning in 1 file\n");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void json_printsTheFindingsAsAnArray() throws IOException {
    String f = file("catalog-info.yaml", BROKEN);
    Result r = run("lint", "--format", "json", f);
    assertThat(r.out()).isEqualTo("[{\"file\":\"" + f + "\",\"line\":8,\"column\":14,"
        + "\"severity\":\"error\",\"message\":\"" + SIX_FIELDS + "\",\"rule\":\"cron-six-fields\"},"
        + "{\"file\":\"" + f + "\",\"line\":9,\"column\":17,\"severity\":\"warning\","
        + "\"message\":\"" + NOT_INTERNAL + "\",\"rule\":\"endpoint-not-internal\"}]\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(run("lint", "--format", "json", file("clean.yaml", CLEAN)).out()).isEqualTo("[]\n");
  }

  @Test
  void github_printsWorkflowCommands_thenTheSummary() throws IOException {
    String f = file("catalog-info.yaml", BROKEN);
    Result r = run("lint", "--format", "github", f);
    assertThat(r.out()).isEqualTo(
        "::error file=" + f + ",line=8,col=14,title=cron-six-fields::" + SIX_FIELDS + "\n"
            + "::warning file=" + f + ",line=9,col=17,title=endpoint-not-internal::"
            + NOT_INTERNAL + "\n"
            + "1 error, 1 warning in 1 file\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void github_escapesAsTheActionsToolkitDoes() {
    Finding f = new Finding("dir,1/a:b%.yaml", 3, 5, Severity.ERROR,
        "50% done\r\nnext: a, b", "yaml-syntax");
    assertThat(LintReport.github(f)).isEqualTo("::error file=dir%2C1/a%3Ab%25.yaml,line=3,col=5,"
        + "title=yaml-syntax::50%25 done%0D%0Anext: a, b");
  }

  @Test
  void warningsAlone_exitZero_andACleanFileSaysSo() throws IOException {
    Result warned = run("lint", file("warned.yaml", WARNED));
    assertThat(warned.status()).isZero();
    assertThat(warned.out()).endsWith("1 warning in 1 file\n");

    Result clean = run("lint", file("clean.yaml", CLEAN));
    assertThat(clean.status()).isZero();
    assertThat(clean.out()).isEqualTo("no problems in 1 file\n");
  }

  @Test
  void severalFiles_areSummedUp() throws IOException {
    Result r = run("lint", file("a.yaml", BROKEN), file("b.yaml", BROKEN),
        file("c.yaml", CLEAN));
    assertThat(r.out()).endsWith("\n2 errors, 2 warnings in 3 files\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void aFileThatCannotBeRead_isAUsageError_andNothingIsLinted() throws IOException {
    String broken = file("broken.yaml", BROKEN);
    Path missing = dir.resolve("nope.yaml");
    Result r = run("lint", broken, missing.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("chime: cannot read " + missing + ": no such file\n");
    assertThat(r.out()).isEmpty();

    Result folder = run("lint", dir.toString());
    assertThat(folder.status()).isEqualTo(2);
    assertThat(folder.err()).contains("is a directory");
  }

  @Test
  void usageErrors_exitTwo() {
    assertThat(run("lint").status()).isEqualTo(2);
    assertThat(run("lint", "--format", "xml", "catalog-info.yaml").status()).isEqualTo(2);
  }
}
