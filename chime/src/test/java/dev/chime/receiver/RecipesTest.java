package dev.chime.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chime.delivery.Callback;
import dev.chime.delivery.DeliveryConfig;
import dev.chime.delivery.Dispatcher;
import dev.chime.delivery.LiveLogs;
import dev.chime.delivery.Outcome;
import dev.chime.schedule.Trigger;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node and Python recipes in docs/receivers verify a real request Chime sent, and reject it
 * when the body, the secret or the time is wrong. Under CI=true a missing runtime fails the
 * test instead of skipping it.
 */
class RecipesTest {
  private static final Path RECIPES = Path.of("../docs/receivers");
  private static final String SECRET = "recipe-secret-\u00e9";
  private static final Instant SENT_AT = Instant.parse("2026-01-15T07:00:03Z");

  private static Receiver.Request request;

  @TempDir
  Path dir;

  @BeforeAll
  static void sendOneRealCallback() throws Exception {
    FakeClock clock = new FakeClock(SENT_AT);
    try (Receiver receiver = Receiver.start();
        Dispatcher dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, clock,
            new LiveLogs(clock))) {
      Callback callback = new Callback("billing", receiver.url("/internal/cron/sync"), "sync",
          "@every 2h", Instant.parse("2026-01-15T06:00:00Z"), "run-0193-7f3a", 1,
          Trigger.MANUAL, "{\"note\": \"caf\u00e9 \u2615\"}", Map.of(), SECRET,
          Duration.ofSeconds(5), false);
      assertThat(dispatcher.send(callback).toCompletableFuture().get(5, TimeUnit.SECONDS)
          .outcome()).isEqualTo(new Outcome.Succeeded());
      request = receiver.next();
    }
  }

  @Test
  void node_verifiesARealRequest_andRejectsTamperedOnes() throws Exception {
    runtime("node");
    check("node", "verify.js");
  }

  @Test
  void python_verifiesARealRequest_andRejectsTamperedOnes() throws Exception {
    runtime("python3");
    check("python3", "verify.py");
  }

  private void check(String runtime, String recipe) throws Exception {
    String script = RECIPES.resolve(recipe).toString();
    String header = request.header("X-Chime-Signature");
    String runId = request.header("X-Chime-Run-Id");
    long now = SENT_AT.getEpochSecond();
    Path body = Files.write(dir.resolve("body"), request.body());
    Path changed = Files.write(dir.resolve("changed"),
        request.bodyText().replace("caf\u00e9", "cafe").getBytes(StandardCharsets.UTF_8));

    assertThat(run(SECRET, runtime, script, header, runId, body, now)).isEqualTo("valid");
    assertThat(run(SECRET, runtime, script, header, runId, changed, now))
        .startsWith("mismatch:");
    assertThat(run("wrong-secret", runtime, script, header, runId, body, now))
        .startsWith("mismatch:");
    assertThat(run(SECRET, runtime, script, header, runId, body, now + 301))
        .startsWith("too_old:");
    assertThat(run(SECRET, runtime, script, header, runId, body, now - 301))
        .startsWith("too_new:");
    assertThat(run(SECRET, runtime, script, "t=" + now, runId, body, now))
        .startsWith("malformed_header:");
  }

  private static String run(String secret, String runtime, String script, String header,
      String runId, Path body, long now) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(runtime, script, header, runId,
        body.toString(), Long.toString(now)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CHIME_SECRET", secret);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .strip();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(runtime + " did not finish");
    }
    boolean valid = out.equals("valid");
    assertThat(process.exitValue()).as(out).isEqualTo(valid ? 0 : 1);
    return out;
  }

  private static void runtime(String name) {
    boolean found = onPath(name);
    if ("true".equals(System.getenv("CI"))) {
      assertThat(found).as(name + " must be on the PATH under CI=true").isTrue();
    }
    assumeTrue(found, name + " is not on the PATH");
  }

  private static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, name))) {
        return true;
      }
    }
    return false;
  }
}
