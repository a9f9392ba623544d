package dev.chime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;

/**
 * Explains, in a line or a few, why a server did not apply a file: its findings as {@code
 * file:line:column: severity: message [rule]}, or the one thing to fix (the token, the
 * namespace), or the server's own words.
 */
final class Refusal {
  private final URI server;
  private final String namespace;
  private final String file;
  private final PrintWriter err;

  Refusal(URI server, String namespace, String file, PrintWriter err) {
    this.server = server;
    this.namespace = namespace;
    this.file = file;
    this.err = err;
  }

  void explain(ChimeClient.Answer answer) {
    JsonNode problem = answer.body();
    String detail = problem.path("detail").asText("");
    switch (answer.status()) {
      case 401 -> err.println("chime: " + server + " refused the token (401): " + detail
          + "; pass the namespace's token with --token or " + ApplyCommand.TOKEN_VARIABLE);
      case 404 -> err.println("chime: namespace " + namespace + " not found at " + server
          + " (or the token cannot reach it)");
      case 422 -> invalid(problem, detail);
      default -> err.println("chime: " + server + " answered " + answer.status()
          + (detail.isEmpty() ? " (not a Chime answer; is --server right?)" : ": " + detail));
    }
  }

  /** Lint findings, one per line, or the fields the server refused. */
  private void invalid(JsonNode problem, String detail) {
    if (problem.has("findings")) {
      problem.get("findings").forEach(f -> err.println(finding(f)));
      err.println("chime: " + detail);
      return;
    }
    problem.path("errors").forEach(e -> err.println(file + ": " + e.path("field").asText()
        + ": " + e.path("message").asText()));
    err.println("chime: " + file + " was not applied; nothing was changed");
  }

  /** A finding of the server's JSON, printed as {@code chime lint} prints it. */
  static String finding(JsonNode f) {
    return f.path("file").asText() + ":" + f.path("line").asInt() + ":"
        + f.path("column").asInt() + ": " + f.path("severity").asText() + ": "
        + f.path("message").asText() + " [" + f.path("rule").asText() + "]";
  }
}
