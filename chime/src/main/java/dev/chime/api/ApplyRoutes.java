package dev.chime.api;

import dev.chime.catalog.CatalogLinter;
import dev.chime.catalog.DesiredState;
import dev.chime.catalog.LintResult;
import dev.chime.catalog.Plan;
import dev.chime.schedule.Namespace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Locale;

/**
 * {@code POST /v1/namespaces/{ns}/apply}: a catalog-info.yaml in the body brings the namespace's
 * schedules in line with it (SPEC §5), in one transaction, or with {@code dryRun=true} only says
 * how. A file with any lint error changes nothing and is answered with every finding.
 */
final class ApplyRoutes {
  /** A catalog file may be as large as the linter reads, above the API's usual body limit. */
  static final int MAX_FILE_BYTES = 1024 * 1024;
  static final String DEFAULT_FILE = "catalog-info.yaml";
  private static final int MAX_FILE_NAME = 255;

  private final ApiContext api;

  ApplyRoutes(ApiContext api) {
    this.api = api;
  }

  void register(JavalinDefaultRouting router) {
    router.post("/v1/namespaces/{ns}/apply", this::apply);
  }

  private void apply(Context ctx) {
    Namespace namespace = api.namespace(ctx);
    requireYaml(ctx);
    boolean dryRun = flag(ctx, "dryRun");
    boolean prune = flag(ctx, "prune");
    String file = fileName(ctx);
    LintResult lint = new CatalogLinter(api.clock).lint(file, api.body(ctx, MAX_FILE_BYTES));
    if (lint.hasErrors()) {
      throw Problem.lintErrors(file + ": " + count(lint.errors(), "error")
          + (lint.warnings() > 0 ? ", " + count(lint.warnings(), "warning") : "")
          + "; nothing was changed",
          lint.findings().stream().map(FindingJson::of).toList());
    }
    DesiredState desired = DesiredState.of(lint, namespace.name());
    Plan plan = api.schedules.apply(desired, prune, dryRun);
    ctx.json(ApplyJson.Result.of(plan, dryRun, prune,
        lint.findings().stream().filter(f -> !f.isError()).toList()));
  }

  /** 415 unless the body says it is YAML: a JSON schedule sent here by mistake is not a file. */
  private static void requireYaml(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).contains("yaml")) {
      throw Problem.of(415, Problem.BLANK, "Unsupported Media Type",
          "send the catalog-info.yaml with Content-Type: application/yaml"
              + (type == null ? "" : " (was " + Text.clip(type) + ")")
              + "; with curl: -H 'Content-Type: application/yaml' --data-binary @catalog-info.yaml");
    }
  }

  /** A boolean query parameter, false when absent; 400 unless {@code true} or {@code false}. */
  private static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw Problem.unreadable(name, "must be true or false, was \""
          + Text.clip(value) + "\"");
    };
  }

  /** The name findings and the plan give the file: {@code file=}, else catalog-info.yaml. */
  private static String fileName(Context ctx) {
    String file = ctx.queryParam("file");
    if (file == null || file.isEmpty()) {
      return DEFAULT_FILE;
    }
    if (file.length() > MAX_FILE_NAME || file.codePoints().anyMatch(Character::isISOControl)) {
      throw Problem.unreadable("file", "must be a file name of at most " + MAX_FILE_NAME
          + " printable characters, was \"" + Text.clip(file) + "\"");
    }
    return file;
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
