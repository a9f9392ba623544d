package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job that streams its progress can be watched while it runs (SPEC §3). */
class LiveLogsTest {
  private final FakeClock clock = FakeClock.at("2026-01-15T07:00:00Z");
  private final LiveLogs logs = new LiveLogs(clock, Duration.ofMinutes(1), 100);
  private final Receiver receiver = Receiver.start();
  private final Dispatcher dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, clock, logs);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    dispatcher.close();
    receiver.close();
  }

  @Test
  void streamingResponse_showsTheFirstChunkBeforeTheResponseEnds() throws Exception {
    receiver.answering((request, exchange) -> {
      exchange.sendResponseHeaders(200, 0); // chunked
      OutputStream out = exchange.getResponseBody();
      out.write("step 1 of 2\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      release.await();
      out.write("step 2 of 2\n".getBytes(StandardCharsets.UTF_8));
      out.close();
    });
    CompletableFuture<Delivered> result =
        dispatcher.send(Callbacks.to(receiver.url("/job"))).toCompletableFuture();
    receiver.next(); // the attempt has started, so its log exists

    LiveLogs.LiveLog during = logs.find("run-1").orElseThrow();
    while (!during.text().endsWith("\n")) { // the chunk may arrive in pieces
      during = logs.next("run-1", during.bytes()).toCompletableFuture()
          .get(5, TimeUnit.SECONDS).orElseThrow();
    }

    assertThat(during).isEqualTo(new LiveLogs.LiveLog("run-1", 1, "step 1 of 2\n", 12, false));
    assertThat(result).isNotDone();

    release.countDown();
    Delivered delivered = result.get(5, TimeUnit.SECONDS);

    assertThat(delivered.attempt().responseExcerpt()).isEqualTo("step 1 of 2\nstep 2 of 2\n");
    assertThat(logs.find("run-1")).contains(
        new LiveLogs.LiveLog("run-1", 1, "step 1 of 2\nstep 2 of 2\n", 24, true));
  }

  @Test
  void finishedLog_lingersALittle_thenIsDropped() {
    Excerpt excerpt = logs.open("run-9", 1);
    excerpt.append(ByteBuffer.wrap("done".getBytes(StandardCharsets.UTF_8)));
    logs.finished(excerpt);

    clock.advance(Duration.ofSeconds(59));
    assertThat(logs.find("run-9")).map(LiveLogs.LiveLog::text).contains("done");

    clock.advance(Duration.ofSeconds(1));
    assertThat(logs.find("run-9")).isEmpty();
  }

  @Test
  void runningLog_isNeverDroppedForAge() {
    logs.open("run-9", 1);
    clock.advance(Duration.ofDays(1));

    assertThat(logs.find("run-9")).isPresent();
  }

  @Test
  void nextAttempt_replacesTheRunsLog() {
    Excerpt first = logs.open("run-9", 1);
    first.append(ByteBuffer.wrap("first".getBytes(StandardCharsets.UTF_8)));
    logs.finished(first);
    logs.open("run-9", 2);

    assertThat(logs.find("run-9")).contains(new LiveLogs.LiveLog("run-9", 2, "", 0, false));
  }

  @Test
  void beyondMaxLogs_theOldestFinishedGoFirst() {
    LiveLogs two = new LiveLogs(clock, Duration.ofMinutes(1), 2);
    Excerpt running = two.open("running", 1);
    two.finished(two.open("finished", 1));
    two.open("new", 1);

    assertThat(two.find("finished")).isEmpty();
    assertThat(two.find("running")).isPresent();
    assertThat(two.find("new")).isPresent();
    assertThat(running.isFinished()).isFalse();
  }

  @Test
  void next_answersAtOnce_forAnUnknownRun_orWhenBytesAreAlreadyThere() throws Exception {
    assertThat(logs.next("nobody", 0).toCompletableFuture().get()).isEqualTo(Optional.empty());

    Excerpt excerpt = logs.open("run-9", 1);
    excerpt.append(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
    assertThat(logs.next("run-9", 2).toCompletableFuture().getNow(null))
        .map(LiveLogs.LiveLog::text).contains("abc");
    CompletableFuture<Optional<LiveLogs.LiveLog>> waiting =
        logs.next("run-9", 3).toCompletableFuture();
    assertThat(waiting).isNotDone();

    logs.finished(excerpt);
    assertThat(waiting.getNow(null)).map(LiveLogs.LiveLog::finished).contains(true);
  }
}
