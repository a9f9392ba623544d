package dev.chime.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.store.Store;
import dev.chime.store.jdbc.JdbcStores;
import dev.chime.store.jdbc.StoreConfig;
import dev.chime.testing.Receiver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4 with real processes: {@code chime serve} runs in a child JVM on a data folder, calls a
 * receiver in this JVM, and is killed with SIGKILL or stopped with SIGTERM while the receiver
 * holds a callback; a new child on the same folder must resume the run with its next attempt
 * and the same run id. Every wait is bounded; the receiver holds requests on latches and the
 * children are polled through their API.
 */
class ProcessCrashTest {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String NS = "crash";

  @TempDir Path folder;

  private final Receiver receiver = Receiver.start();
  private final List<ChildChime> children = new ArrayList<>();
  private final List<CountDownLatch> holds = new ArrayList<>();
  private String token;

  @AfterEach
  void stopEverything() {
    children.forEach(ChildChime::close);
    holds.forEach(CountDownLatch::countDown);
    receiver.close();
  }

  @Test
  void killedDuringAnAttempt_theNextStartResumesTheRun_withAttempt2AndTheSameRunId()
      throws Exception {
    CountDownLatch hold = hold();
    receiver.answering((request, exchange) -> {
      if ("1".equals(request.header("X-Chime-Attempt"))) {
        hold.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      Receiver.reply(exchange, 200, "done");
    });
    Path data = folder.resolve("data");
    ChildChime first = start(data, "first");
    createNamespace(first);
    createSchedule(first, "nightly");
    String runId = trigger(first, "nightly");

    Receiver.Request attempt1 = receiver.next(WAIT);
    assertThat(attempt1.header("X-Chime-Run-Id")).isEqualTo(runId);
    assertThat(attempt1.header("X-Chime-Attempt")).isEqualTo("1");
    first.awaitJson("/v1/runs/" + runId, token, WAIT, status("running"));

    long pid = first.pid();
    assertThat(first.kill()).as("exit status after SIGKILL").isEqualTo(137);
    assertThat(first.isAlive()).isFalse();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    // Nothing ran on SIGKILL: the run is still held by the dead process's lease.
    Run held = readStore(data, runId);
    assertThat(held.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(held.attempts()).isEqualTo(1);

    ChildChime second = start(data, "second");
    Receiver.Request attempt2 = receiver.next(WAIT);
    assertThat(attempt2.header("X-Chime-Run-Id")).isEqualTo(runId);
    assertThat(attempt2.header("X-Chime-Attempt")).isEqualTo("2");
    assertThat(attempt2.header("X-Chime-Trigger")).isEqualTo("manual");
    assertThat(attempt2.path()).isEqualTo("/jobs/nightly");
    assertThat(attempt2.bodyText()).contains("\"runId\":\"" + runId + "\"")
        .contains("\"attempt\":2");

    JsonNode run = second.awaitJson("/v1/runs/" + runId, token, WAIT, status("succeeded"));
    assertThat(run.get("attemptCount").asInt()).isEqualTo(2);
    // Attempt 1 died with its process before anything recorded it; attempt 2 is the one kept.
    assertThat(run.get("attempts")).singleElement().satisfies(attempt -> {
      assertThat(attempt.get("number").asInt()).isEqualTo(2);
      assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
      assertThat(attempt.get("responseExcerpt").asText()).isEqualTo("done");
    });
    assertThat(second.get("/v1/namespaces/" + NS + "/runs", token).json().get("runs"))
        .as("one run, not a second one for the same trigger").hasSize(1);
    assertThat(receiver.pending()).as("no further delivery").isEmpty();
  }

  @Test
  void sigterm_recordsTheRunThatFinishesInTheDrain_andHandsBackTheOneStillHeld()
      throws Exception {
    CountDownLatch finishLate = hold();
    CountDownLatch holdForever = hold();
    receiver.answering((request, exchange) -> {
      boolean firstAttempt = "1".equals(request.header("X-Chime-Attempt"));
      if (firstAttempt && request.path().equals("/jobs/finishes")) {
        finishLate.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } else if (firstAttempt && request.path().equals("/jobs/held")) {
        holdForever.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      Receiver.reply(exchange, 200, "done " + request.path());
    });
    Path data = folder.resolve("data");
    ChildChime first = start(data, "first");
    createNamespace(first);
    createSchedule(first, "finishes");
    createSchedule(first, "held");
    String finishes = trigger(first, "finishes");
    String held = trigger(first, "held");
    Map<String, Receiver.Request> arrived = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      Receiver.Request request = receiver.next(WAIT);
      arrived.put(request.header("X-Chime-Run-Id"), request);
    }
    assertThat(arrived).containsOnlyKeys(finishes, held);

    first.terminate();
    // The API stops first: from then on the process is shutting down, draining its attempts.
    awaitTrue("the API stops after SIGTERM", () -> !first.answers(), first);
    finishLate.countDown();
    OptionalInt exit = first.awaitExit(Duration.ofSeconds(15));
    assertThat(exit).as("exits on its own within the drain window\n%s", first.log())
        .isPresent();
    assertThat(exit.getAsInt()).as("exit status after SIGTERM").isEqualTo(143);
    assertThat(first.log()).contains("handed back run " + held)
        .doesNotContain("taken over by another claim").doesNotContain("ERROR");

    Run finished = readStore(data, finishes);
    assertThat(finished.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(finished.attempts()).isEqualTo(1);
    Run handedBack = readStore(data, held);
    assertThat(handedBack.status()).isEqualTo(RunStatus.PENDING);
    assertThat(handedBack.attempts()).isEqualTo(1);
    assertThat(handedBack.nextAttemptAt()).as("due at once").isNotNull();

    ChildChime second = start(data, "second");
    Receiver.Request attempt2 = receiver.next(WAIT);
    assertThat(attempt2.header("X-Chime-Run-Id")).isEqualTo(held);
    assertThat(attempt2.header("X-Chime-Attempt")).isEqualTo("2");
    assertThat(attempt2.path()).isEqualTo("/jobs/held");

    JsonNode resumed = second.awaitJson("/v1/runs/" + held, token, WAIT, status("succeeded"));
    assertThat(resumed.get("attemptCount").asInt()).isEqualTo(2);
    // Attempt 1 was handed back unfinished; nothing is recorded for it.
    assertThat(resumed.get("attempts")).singleElement()
        .satisfies(attempt -> assertThat(attempt.get("number").asInt()).isEqualTo(2));
    JsonNode done = second.get("/v1/runs/" + finishes, token).json();
    assertThat(done.get("status").asText()).isEqualTo("succeeded");
    assertThat(done.get("attemptCount").asInt()).isEqualTo(1);
    assertThat(done.get("attempts")).singleElement().satisfies(attempt -> {
      assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
      assertThat(attempt.get("responseExcerpt").asText()).isEqualTo("done /jobs/finishes");
    });
    assertThat(receiver.pending()).as("the finished run is not delivered again").isEmpty();
  }

  private CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    holds.add(latch);
    return latch;
  }

  private ChildChime start(Path data, String name) throws IOException {
    ChildChime child = ChildChime.start(data, LEASE, name);
    children.add(child);
    return child;
  }

  private void createNamespace(ChildChime chime) {
    ChildChime.Response created = chime.post("/v1/namespaces", ChildChime.ADMIN, """
        {"name": "%s", "baseUrl": "%s", "environment": "sandbox"}
        """.formatted(NS, receiver.url("")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    token = created.json().get("token").asText();
  }

  /** A paused schedule with a long timeout: it runs only when triggered, and never times out. */
  private void createSchedule(ChildChime chime, String name) {
    ChildChime.Response created = chime.post("/v1/namespaces/" + NS + "/schedules", token, """
        {"name": "%s", "cron": "0 0 1 1 *", "endpoint": "/jobs/%s", "timeoutMs": 60000,
         "paused": true}
        """.formatted(name, name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private String trigger(ChildChime chime, String schedule) {
    ChildChime.Response run = chime.post(
        "/v1/namespaces/" + NS + "/schedules/" + schedule + "/trigger", token, "");
    assertThat(run.status()).as(run.body()).isEqualTo(201);
    return run.json().get("id").asText();
  }

  /** The run as the data folder holds it, read while no child has the database open. */
  private static Run readStore(Path data, String runId) {
    try (Store store = JdbcStores.embedded(data, StoreConfig.defaults(InstantSource.system()))) {
      return store.runs().find(runId).orElseThrow(() -> new AssertionError(
          "run " + runId + " is not in the data folder: a commit was lost with the process"));
    }
  }

  private static Predicate<JsonNode> status(String status) {
    return run -> status.equals(run.path("status").asText());
  }

  private static void awaitTrue(String what, BooleanSupplier condition, ChildChime child) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(what + ": not within " + WAIT + "\n" + child.log());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
