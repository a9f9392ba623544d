package dev.chime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Trigger;
import dev.chime.scheduler.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The run outcome line, as text and as the JSON of {@code chime serve --log-format json}: read
 * from standard error through the real Logback configuration.
 */
class RunOutcomeLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FIRE = Instant.parse("2026-03-08T09:00:00Z");

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream realErr = System.err;
  private final Map<String, List<Attempt>> stored = Map.of("run-retried", List.of(
      attempt("run-retried", 1, FIRE.plusMillis(40)),
      attempt("run-retried", 2, FIRE.plusSeconds(3)),
      attempt("run-retried", 3, FIRE.plusSeconds(9))));
  private final RunOutcomeLog log = new RunOutcomeLog(id -> stored.getOrDefault(id, List.of()));

  @BeforeEach
  void captureStandardError() {
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    Logging.use(LogFormat.TEXT);
    System.setErr(realErr);
  }

  @Test
  void json_isOneObjectPerLine_withTheRunsFields() throws Exception {
    Logging.use(LogFormat.JSON);

    log.observe(new RunEvent.Finished(run("run-ok", RunStatus.SUCCEEDED, 1, ""),
        attempt("run-ok", 1, FIRE.plusMillis(12))));
    log.observe(new RunEvent.Finished(run("run-retried", RunStatus.FAILED, 3,
        "HTTP 503 (attempt 3 of 3)"), attempt("run-retried", 3, FIRE.plusSeconds(9))));
    log.observe(new RunEvent.Finished(run("run-missed", RunStatus.MISSED, 0,
        "missed while Chime was not running (catchup: skip)"), null));

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(3);
    JsonNode ok = lines.get(0);
    assertThat(ok.get("level").asText()).isEqualTo("INFO");
    assertThat(ok.get("logger").asText()).isEqualTo("chime.runs");
    assertThat(ok.get("time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(ok.get("namespace").asText()).isEqualTo("billing");
    assertThat(ok.get("schedule").asText()).isEqualTo("nightly-sync");
    assertThat(ok.get("runId").asText()).isEqualTo("run-ok");
    assertThat(ok.get("status").asText()).isEqualTo("succeeded");
    assertThat(ok.get("trigger").asText()).isEqualTo("schedule");
    assertThat(ok.get("attempts").isInt()).isTrue();
    assertThat(ok.get("attempts").asInt()).isEqualTo(1);
    assertThat(ok.get("latenessMs").asLong()).isEqualTo(12);
    assertThat(ok.get("fireAt").asText()).isEqualTo("2026-03-08T09:00:00Z");
    assertThat(ok.has("reason")).isFalse();
    assertThat(ok.get("message").asText())
        .isEqualTo("run run-ok of billing/nightly-sync succeeded after 1 attempt, 12 ms late"
            + " (schedule)");

    JsonNode retried = lines.get(1);
    assertThat(retried.get("level").asText()).isEqualTo("WARN");
    assertThat(retried.get("attempts").asInt()).isEqualTo(3);
    // The lateness of a retried run is its first attempt's, read back from the store.
    assertThat(retried.get("latenessMs").asLong()).isEqualTo(40);
    assertThat(retried.get("reason").asText()).isEqualTo("HTTP 503 (attempt 3 of 3)");

    JsonNode missed = lines.get(2);
    assertThat(missed.get("level").asText()).isEqualTo("WARN");
    assertThat(missed.get("status").asText()).isEqualTo("missed");
    assertThat(missed.has("latenessMs")).isFalse();
  }

  @Test
  void json_keepsAnErrorsStackAndAMultiLineMessage_onOneLine() throws Exception {
    Logging.use(LogFormat.JSON);

    LoggerFactory.getLogger("dev.chime.Test").error("first line\nsecond \"quoted\" line",
        new IllegalStateException("boom"));

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.getFirst().get("message").asText())
        .isEqualTo("first line\nsecond \"quoted\" line");
    assertThat(lines.getFirst().get("error").asText())
        .startsWith("java.lang.IllegalStateException: boom").contains("RunOutcomeLogTest");
  }

  @Test
  void text_isOneReadableLine() {
    Logging.use(LogFormat.TEXT);

    log.observe(new RunEvent.Finished(run("run-retried", RunStatus.FAILED, 3,
        "HTTP 503 (attempt 3 of 3)"), attempt("run-retried", 3, FIRE.plusSeconds(9))));

    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).singleElement().asString()
        .matches("\\S+Z WARN  runs - run run-retried of billing/nightly-sync failed after 3"
            + " attempts, 40 ms late \\(schedule\\): HTTP 503 \\(attempt 3 of 3\\)");
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
      parsed.add(JSON.readTree(line));
    }
    return parsed;
  }

  private static Run run(String id, RunStatus status, int attempts, String reason) {
    return new Run(id, "billing", "nightly-sync", attempts == 0 ? Trigger.CATCHUP
        : Trigger.SCHEDULE, FIRE, status, attempts, reason, FIRE, null, FIRE.plusSeconds(10));
  }

  private static Attempt attempt(String runId, int number, Instant startedAt) {
    return new Attempt(runId, number, startedAt, Duration.ofMillis(80), 200, "", "ok");
  }
}
