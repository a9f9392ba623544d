package dev.chime.scheduler;

import static dev.chime.scheduler.SchedulerFixture.options;
import static dev.chime.scheduler.SchedulerFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Run;
import dev.chime.schedule.RunStatus;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.store.RunQuery;
import dev.chime.testing.Receiver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed attempts (SPEC §3): retried with the same run id and a growing attempt number, each
 * wait drawn under the full-jitter ceiling, until {@code maxAttempts}; other 4xx fail at once;
 * {@code Retry-After} is honoured.
 */
class SchedulerRetryTest {
  private static final String FIRE = "2026-03-07T09:00:00Z";

  @TempDir Path folder;
  private SchedulerFixture f;

  @BeforeEach
  void start() {
    f = new SchedulerFixture(folder, "2026-03-07T08:00:00Z");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void http500_isRetriedWithTheSameRunId_untilMaxAttempts_thenFails() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 500, "database down"));
    f.put(schedule("sync", "0 9 * * *"));

    Run run = retriedUntilFailed("sync", RetryPolicy.DEFAULT);

    assertThat(run.reason()).isEqualTo("HTTP 500 (attempt 3 of 3)");
    assertThat(f.attempts(run.id())).extracting(Attempt::number, Attempt::statusCode,
        Attempt::error, Attempt::responseExcerpt).containsExactly(
            tuple(1, 500, "HTTP 500", "database down"),
            tuple(2, 500, "HTTP 500", "database down"),
            tuple(3, 500, "HTTP 500", "database down"));
  }

  @Test
  void refusedConnection_isRetried_thenFailsWithTheReason() throws Exception {
    URI closed = SchedulerFixture.closedPort();
    f.namespace("gone", closed);
    f.put(new Schedule("gone", "sync", TimingRule.cron("0 9 * * *"),
        "/internal/cron/sync", ZoneId.of("UTC"),
        options().retry(4, Duration.ofSeconds(5), Duration.ofSeconds(12)).build(), "", false));

    f.stepAt(FIRE);
    List<Run> runs = f.store.runs().list("gone", new RunQuery(null, null, 10, null)).runs();
    assertThat(runs).hasSize(1);
    Run run = followRetries(runs.getFirst().id(),
        new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofSeconds(12)), false);

    String error = "could not connect to 127.0.0.1:" + closed.getPort();
    assertThat(run.reason()).startsWith(error).endsWith("(attempt 4 of 4)");
    assertThat(f.attempts(run.id())).hasSize(4).allSatisfy(a -> {
      assertThat(a.statusCode()).isZero();
      assertThat(a.error()).startsWith(error);
    });
    f.assertNothingSent();
  }

  @Test
  void timeout_isRetried_andTheRunFailsAfterMaxAttempts() throws Exception {
    // The one real wait of the scheduler tests: two attempts of one second each.
    CountDownLatch never = new CountDownLatch(1);
    f.receiver.answering((request, exchange) -> {
      never.await(5, TimeUnit.SECONDS);
      Receiver.reply(exchange, 200, "too late");
    });
    try {
      RetryPolicy retry = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(60));
      f.put(schedule("slow", "0 9 * * *", options().timeoutMs(1000)
          .retry(retry.maxAttempts(), retry.minBackoff(), retry.maxBackoff()).build()));

      Run run = retriedUntilFailed("slow", retry);

      assertThat(run.reason()).isEqualTo("timed out after 1 s (attempt 2 of 2)");
      assertThat(f.attempts(run.id())).extracting(Attempt::error)
          .containsExactly("timed out after 1 s", "timed out after 1 s");
    } finally {
      never.countDown();
    }
  }

  @Test
  void http404_failsAtOnce_withoutRetry() throws Exception {
    f.receiver.answering((request, exchange) -> Receiver.reply(exchange, 404, "no such job"));
    f.put(schedule("typo", "0 9 * * *"));

    f.stepAt(FIRE);
    f.next();
    Run run = f.onlyRun("typo");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.reason()).isEqualTo("HTTP 404");
    assertThat(run.attempts()).isEqualTo(1);
    assertThat(run.nextAttemptAt()).isNull();
    assertThat(run.finishedAt()).isEqualTo(Instant.parse(FIRE));

    f.stepAt("2026-03-07T09:01:00Z");
    f.stepAt("2026-03-07T10:00:00Z");
    f.assertNothingSent();
    assertThat(f.attempts(run.id())).singleElement()
        .satisfies(a -> assertThat(a.statusCode()).isEqualTo(404));
  }

  @Test
  void http429_withRetryAfter_isNotRetriedBeforeIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    f.receiver.answering((request, exchange) -> {
      if (calls.incrementAndGet() == 1) {
        exchange.getResponseHeaders().add("Retry-After", "120");
        Receiver.reply(exchange, 429, "slow down");
      } else {
        Receiver.reply(exchange, 200, "ok");
      }
    });
    f.put(schedule("busy", "0 9 * * *"));

    f.stepAt(FIRE);
    Receiver.Request first = f.next();
    Run waiting = f.onlyRun("busy");
    assertThat(waiting.status()).isEqualTo(RunStatus.PENDING);
    assertThat(waiting.reason()).isEqualTo("HTTP 429");
    // The jitter ceiling before attempt 2 is 1 s; Retry-After asks for 120 s, which wins.
    assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-07T09:02:00Z"));

    f.stepAt("2026-03-07T09:01:59.999Z");
    f.assertNothingSent();
    f.stepAt("2026-03-07T09:02:00Z");
    Receiver.Request second = f.next();
    assertThat(second.header("X-Chime-Run-Id")).isEqualTo(first.header("X-Chime-Run-Id"));
    assertThat(second.header("X-Chime-Attempt")).isEqualTo("2");
    assertThat(second.header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");
    Run done = f.run(waiting.id());
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.reason()).isEmpty();
    assertThat(done.attempts()).isEqualTo(2);
  }

  /** Fires the schedule at {@link #FIRE} and follows its retries to the end. */
  private Run retriedUntilFailed(String schedule, RetryPolicy retry) throws Exception {
    f.stepAt(FIRE);
    return followRetries(f.onlyRun(schedule).id(), retry, true);
  }

  /**
   * Steps the loop from one attempt to the next, checking each wait against the full-jitter
   * ceiling and that nothing goes out before it, and returns the run once it is final.
   */
  private Run followRetries(String runId, RetryPolicy retry, boolean reachesReceiver)
      throws Exception {
    List<Instant> sentAt = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Instant now = f.clock.instant();
      sentAt.add(now);
      if (reachesReceiver) {
        Receiver.Request request = f.next();
        assertThat(request.header("X-Chime-Run-Id")).isEqualTo(runId);
        assertThat(request.header("X-Chime-Attempt")).isEqualTo(Integer.toString(attempt));
        assertThat(request.header("X-Fired-At")).isEqualTo("2026-03-07T09:00:00.000Z");
      }
      Run run = f.run(runId);
      assertThat(run.attempts()).isEqualTo(attempt);
      if (attempt == retry.maxAttempts()) {
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.nextAttemptAt()).isNull();
        assertThat(run.finishedAt()).isEqualTo(now);
        assertThat(f.attempts(runId)).extracting(Attempt::startedAt)
            .containsExactlyElementsOf(sentAt);
        // Nothing more is sent, however long we wait.
        f.stepAt(now.plus(Duration.ofHours(2)));
        f.assertNothingSent();
        assertThat(f.run(runId).attempts()).isEqualTo(attempt);
        return run;
      }
      assertThat(run.status()).isEqualTo(RunStatus.PENDING);
      assertThat(run.reason()).isNotEmpty();
      Instant next = run.nextAttemptAt();
      assertThat(next).as("attempt %d waits at most the ceiling %s", attempt + 1,
              retry.ceiling(attempt + 1))
          .isBetween(now, now.plus(retry.ceiling(attempt + 1)));
      if (next.isAfter(now)) {
        f.stepAt(next.minusMillis(1));
        f.assertNothingSent();
        assertThat(f.run(runId).attempts()).isEqualTo(attempt);
      }
      f.stepAt(next);
    }
  }
}
