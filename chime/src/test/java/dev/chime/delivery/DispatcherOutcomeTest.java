package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Attempt;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each kind of answer, or its absence, ends an attempt (SPEC §3). */
class DispatcherOutcomeTest {
  private final FakeClock clock = FakeClock.at("2026-01-15T07:00:01Z");
  private final Receiver receiver = Receiver.start();
  private final Dispatcher dispatcher =
      new Dispatcher(DeliveryConfig.DEFAULTS, clock, new LiveLogs(clock));
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    dispatcher.close();
    receiver.close();
  }

  private Delivered send(Callback callback) throws Exception {
    return dispatcher.send(callback).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Delivered answeredWith(int status, String... headerPairs) throws Exception {
    receiver.answering((request, exchange) -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      Receiver.reply(exchange, status, "answer " + status);
    });
    return send(Callbacks.to(receiver.url("/job")));
  }

  @Test
  void ok_succeeds_recordingStatusExcerptStartAndDurationFromTheClock() throws Exception {
    receiver.answering((request, exchange) -> {
      clock.advance(Duration.ofMillis(1500)); // the job takes 1.5 s of simulated time
      Receiver.reply(exchange, 200, "synced 42 invoices");
    });
    Delivered delivered = send(Callbacks.to(receiver.url("/job")));

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Succeeded());
    assertThat(delivered.attempt()).isEqualTo(new Attempt("run-1", 1,
        Instant.parse("2026-01-15T07:00:01Z"), Duration.ofMillis(1500), 200, "",
        "synced 42 invoices"));
  }

  @Test
  void serverError_isRetryable() throws Exception {
    Delivered delivered = answeredWith(500);

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Retryable("HTTP 500", null));
    assertThat(delivered.attempt().statusCode()).isEqualTo(500);
    assertThat(delivered.attempt().responseExcerpt()).isEqualTo("answer 500");
  }

  @Test
  void requestTimeout408_isRetryable() throws Exception {
    assertThat(answeredWith(408).outcome()).isEqualTo(new Outcome.Retryable("HTTP 408", null));
  }

  @Test
  void notFound_failsAtOnce() throws Exception {
    Delivered delivered = answeredWith(404);

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Failed("HTTP 404"));
    assertThat(delivered.attempt().error()).isEqualTo("HTTP 404");
  }

  @Test
  void tooManyRequests_withRetryAfterSeconds_asksForThatWait() throws Exception {
    assertThat(answeredWith(429, "Retry-After", "7").outcome())
        .isEqualTo(new Outcome.Retryable("HTTP 429", Duration.ofSeconds(7)));
  }

  @Test
  void unavailable_withRetryAfterHttpDate_waitsUntilThenByTheInjectedClock() throws Exception {
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().plusSeconds(120).atOffset(ZoneOffset.UTC));

    assertThat(answeredWith(503, "Retry-After", inTwoMinutes).outcome())
        .isEqualTo(new Outcome.Retryable("HTTP 503", Duration.ofSeconds(120)));
    assertThat(answeredWith(429, "Retry-After", inTwoMinutes).outcome())
        .isEqualTo(new Outcome.Retryable("HTTP 429", Duration.ofSeconds(120)));
  }

  @Test
  void retryAfter_garbledOrOnOtherStatuses_isIgnored() throws Exception {
    assertThat(answeredWith(429, "Retry-After", "soon").outcome())
        .isEqualTo(new Outcome.Retryable("HTTP 429", null));
    assertThat(answeredWith(500, "Retry-After", "7").outcome())
        .isEqualTo(new Outcome.Retryable("HTTP 500", null));
  }

  @Test
  void redirect_fails_andIsNotFollowed() throws Exception {
    Delivered delivered = answeredWith(302, "Location", receiver.url("/elsewhere").toString());

    assertThat(delivered.outcome()).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) delivered.outcome()).reason())
        .contains("redirect to " + receiver.url("/elsewhere") + " not followed");
    assertThat(receiver.next().path()).isEqualTo("/job");
    assertThat(receiver.pending()).isEmpty();
  }

  @Test
  void accepted202_leavesTheRunRunning_onlyWhenItAwaitsCompletion() throws Exception {
    receiver.answering((request, exchange) -> Receiver.reply(exchange, 202, "queued"));
    Callback callback = Callbacks.to(receiver.url("/job"));

    assertThat(send(Callbacks.awaitingCompletion(callback)).outcome())
        .isEqualTo(new Outcome.Accepted());
    assertThat(send(callback).outcome()).isEqualTo(new Outcome.Succeeded());
  }

  @Test
  void noAnswerWithinTheTimeout_isRetryable() throws Exception {
    receiver.answering((request, exchange) -> release.await());
    Callback slow = Callbacks.withTimeout(Callbacks.to(receiver.url("/job")),
        Duration.ofMillis(300));
    Delivered delivered = send(slow);

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Retryable("timed out after 300 ms",
        null));
    assertThat(delivered.attempt().statusCode()).isZero();
  }

  @Test
  void bodyStillStreamingAtTheTimeout_isRetryable_keepingWhatArrived() throws Exception {
    receiver.answering((request, exchange) -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write("step 1\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      release.await();
    });
    Callback slow = Callbacks.withTimeout(Callbacks.to(receiver.url("/job")),
        Duration.ofMillis(400));
    Delivered delivered = send(slow);

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Retryable(
        "timed out after 400 ms while reading the response", null));
    assertThat(delivered.attempt().statusCode()).isEqualTo(200);
    assertThat(delivered.attempt().responseExcerpt()).isEqualTo("step 1\n");
  }

  @Test
  void refusedConnection_isRetryable_namingTheAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Delivered delivered = send(Callbacks.to(URI.create("http://127.0.0.1:" + closedPort + "/job")));

    assertThat(delivered.outcome()).isInstanceOf(Outcome.Retryable.class);
    assertThat(delivered.attempt().error())
        .startsWith("could not connect to 127.0.0.1:" + closedPort);
    assertThat(delivered.attempt().statusCode()).isZero();
  }

  @Test
  void unknownHost_isRetryable() throws Exception {
    Delivered delivered = send(Callbacks.to(URI.create("http://no-such-host.chime.test/job")));

    assertThat(delivered.outcome())
        .isEqualTo(new Outcome.Retryable("could not resolve host no-such-host.chime.test", null));
  }

  @Test
  void largeResponse_keepsExactlyTheFirst64KiB() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() < 200 * 1024; i++) {
      body.append(i).append('\n');
    }
    String whole = body.substring(0, 200 * 1024);
    receiver.answering((request, exchange) -> Receiver.reply(exchange, 200, whole));
    Delivered delivered = send(Callbacks.to(receiver.url("/job")));

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Succeeded());
    assertThat(delivered.attempt().responseExcerpt())
        .isEqualTo(whole.substring(0, Attempt.EXCERPT_BYTES));
  }

  @Test
  void excerpt_replacesInvalidUtf8_andDropsACharacterCutAtTheLimit() throws Exception {
    byte[] body = new byte[Attempt.EXCERPT_BYTES + 10];
    java.util.Arrays.fill(body, (byte) 'a');
    body[0] = (byte) 0xff;                              // never valid in UTF-8
    body[Attempt.EXCERPT_BYTES - 1] = (byte) 0xc3;      // first byte of "é", cut by the limit
    body[Attempt.EXCERPT_BYTES] = (byte) 0xa9;
    receiver.answering((request, exchange) -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    String excerpt = send(Callbacks.to(receiver.url("/job"))).attempt().responseExcerpt();

    assertThat(excerpt).startsWith("\uFFFDaaa").hasSize(Attempt.EXCERPT_BYTES - 1)
        .endsWith("aaa");
  }
}
