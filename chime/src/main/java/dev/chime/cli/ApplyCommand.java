package dev.chime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code chime apply}: sends a catalog-info.yaml to a server, which plans and applies it in one
 * transaction (SPEC §5, §10), and prints the plan. Exit status 1 when nothing could be applied
 * (lint errors, a refused token, an unknown namespace, no server), 2 for a usage error.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Bring a namespace's schedules in line with a catalog-info.yaml: print the plan"
        + " (+ create, ~ change, - delete), then apply it in one transaction.")
final class ApplyCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "CHIME_TOKEN";
  /** The largest catalog file the server reads. */
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
      description = "The catalog-info.yaml to apply.")
  Path file;

  @Option(names = "--server", required = true, paramLabel = "URL",
      description = "The Chime server, such as http://127.0.0.1:8080.")
  String server;

  @Option(names = "--namespace", required = true, paramLabel = "NS",
      description = "The namespace whose schedules the file declares.")
  String namespace;

  @Option(names = "--token", paramLabel = "T",
      description = "The namespace's token, or the admin token (default: $" + TOKEN_VARIABLE
          + ").")
  String token;

  @Option(names = "--prune",
      description = "Also delete schedules an earlier apply wrote that the file no longer"
          + " declares. Schedules made through the API are never deleted.")
  boolean prune;

  @Option(names = "--dry-run", description = "Print the plan only; change nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  private final Map<String, String> environment;

  ApplyCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ChimeClient client = client();
    PrintWriter err = spec.commandLine().getErr();
    byte[] content;
    try {
      content = read(file);
    } catch (IOException e) {
      err.println("chime: " + e.getMessage());
      return ChimeCommand.INVALID_INPUT;
    }
    ChimeClient.Answer answer;
    try {
      answer = client.apply(namespace, file.toString(), content, prune, dryRun);
    } catch (ChimeClient.Unreachable e) {
      err.println("chime: " + e.getMessage());
      return ChimeCommand.INVALID_INPUT;
    }
    if (answer.status() == 200 && answer.body().has("text")) {
      printPlan(answer.body());
      return 0;
    }
    new Refusal(client.server(), namespace, file.toString(), err).explain(answer);
    return ChimeCommand.INVALID_INPUT;
  }

  /** The client, or a usage error when the token or the server's URL is missing or wrong. */
  private ChimeClient client() {
    String bearer = token != null ? token : environment.get(TOKEN_VARIABLE);
    if (bearer == null || bearer.isBlank()) {
      throw new ParameterException(spec.commandLine(), "no token: pass --token T or set "
          + TOKEN_VARIABLE + " to the namespace's token (or the admin token)");
    }
    try {
      return new ChimeClient(server, bearer.strip());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static byte[] read(Path file) throws IOException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IOException(String.format(Locale.ROOT, "%s is %.1f MiB; a catalog file may be"
            + " at most 1 MiB", file, Files.size(file) / 1048576.0));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().contains(file.toString()) ? e
          : new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Warnings first, as a compiler prints them; then the plan and what became of it. */
  private void printPlan(JsonNode result) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    result.path("warnings").forEach(w -> err.println(Refusal.finding(w)));
    out.println(result.get("text").asText());
    JsonNode counts = result.path("counts");
    if (dryRun) {
      out.println();
      out.println("Dry run: nothing changed.");
    } else if (counts.path("create").asInt() + counts.path("change").asInt()
        + counts.path("delete").asInt() > 0) {
      out.println();
      out.println("Applied: " + counts.path("create").asInt() + " created, "
          + counts.path("change").asInt() + " changed, " + counts.path("delete").asInt()
          + " deleted.");
    }
  }
}
