package dev.chime.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chime serve --log-format json} as an operator runs it: every log line on standard error
 * is one JSON object, and each run's outcome is a line of its own (the demo's receiver answers).
 */
class ServeLogFormatTest {
  @TempDir Path folder;
  private ChildChime chime;

  @AfterEach
  void stop() {
    if (chime != null) {
      chime.close();
    }
  }

  @Test
  void jsonLogFormat_writesOneObjectPerLine_withALinePerRunOutcome() throws IOException {
    chime = ChildChime.start(folder.resolve("data"), Duration.ofSeconds(30), "json",
        List.of("--demo", "--log-format", "json"));
    String runId = chime.post("/v1/namespaces/demo/schedules/heartbeat/trigger", ChildChime.ADMIN,
        "").json().get("id").asText();
    chime.awaitJson("/v1/runs/" + runId, ChildChime.ADMIN, Duration.ofSeconds(20),
        run -> run.get("status").asText().equals("succeeded"));
    awaitLogLine(runId);

    List<JsonNode> lines = new ArrayList<>();
    for (String line : chime.log().split("\n")) {
      // Standard output carries the announcement (where Chime listens); the rest is the log.
      if (line.isBlank() || line.startsWith("Chime is listening") || line.startsWith("  ")) {
        continue;
      }
      lines.add(ChildChime.JSON.readTree(line));
    }
    JsonNode outcome = lines.stream()
        .filter(l -> l.path("runId").asText().equals(runId)).findFirst()
        .orElseThrow(() -> new AssertionError("no line for run " + runId + ":\n" + chime.log()));
    assertThat(outcome.get("logger").asText()).isEqualTo("chime.runs");
    assertThat(outcome.get("level").asText()).isEqualTo("INFO");
    assertThat(outcome.get("namespace").asText()).isEqualTo("demo");
    assertThat(outcome.get("schedule").asText()).isEqualTo("heartbeat");
    assertThat(outcome.get("status").asText()).isEqualTo("succeeded");
    assertThat(outcome.get("trigger").asText()).isEqualTo("manual");
    assertThat(outcome.get("attempts").asInt()).isEqualTo(1);
    assertThat(outcome.get("latenessMs").isIntegralNumber()).isTrue();
    assertThat(chime.log()).doesNotContain(ChildChime.ADMIN);
  }

  /**
   * The outcome line is written by an observer after the run is stored, so the API can report
   * the run finished a moment before its line reaches the child's output.
   */
  private void awaitLogLine(String runId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (chime.log().lines().noneMatch(l -> l.contains(runId) && l.contains("chime.runs"))
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
