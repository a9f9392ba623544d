package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.receiver.ChimeSignature;
import dev.chime.schedule.Trigger;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request a receiver gets, byte for byte as SPEC §3 describes it. */
class DispatcherRequestTest {
  private static final Instant SENT_AT = Instant.parse("2026-01-15T07:00:02.250Z");

  private final FakeClock clock = new FakeClock(SENT_AT);
  private final Receiver receiver = Receiver.start();
  private final Dispatcher dispatcher =
      new Dispatcher(DeliveryConfig.DEFAULTS, clock, new LiveLogs(clock));

  @AfterEach
  void stop() {
    dispatcher.close();
    receiver.close();
  }

  private Callback catchupRun() {
    return new Callback("billing", receiver.url("/internal/cron/nightly-sync"), "nightly-sync",
        "30 2 * * *", Instant.parse("2026-01-15T07:00:00Z"), "run-7f3a", 2, Trigger.CATCHUP,
        "{\"region\": \"eu\", \"limit\": 1.50}", Map.of("X-Cron-Token", "static-token-value"),
        Callbacks.SECRET, Duration.ofSeconds(5), false);
  }

  @Test
  void request_carriesEveryHeaderAndTheBodyOfSpec3() throws Exception {
    Delivered delivered = dispatcher.send(catchupRun()).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    Receiver.Request request = receiver.next();

    assertThat(delivered.outcome()).isEqualTo(new Outcome.Succeeded());
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/internal/cron/nightly-sync");
    assertThat(request.header("X-Schedule-Name")).isEqualTo("nightly-sync");
    assertThat(request.header("X-Cron-Expression")).isEqualTo("30 2 * * *");
    assertThat(request.header("X-Fired-At")).isEqualTo("2026-01-15T07:00:00.000Z");
    assertThat(request.header("X-Chime-Run-Id")).isEqualTo("run-7f3a");
    assertThat(request.header("X-Chime-Attempt")).isEqualTo("2");
    assertThat(request.header("X-Chime-Trigger")).isEqualTo("catchup");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("User-Agent")).startsWith("Chime/");
    assertThat(request.header("X-Cron-Token")).isEqualTo("static-token-value");
    assertThat(request.bodyText()).isEqualTo("{\"schedule\":\"nightly-sync\","
        + "\"firedAt\":\"2026-01-15T07:00:00.000Z\",\"runId\":\"run-7f3a\",\"attempt\":2,"
        + "\"trigger\":\"catchup\",\"payload\":{\"region\": \"eu\", \"limit\": 1.50}}");
  }

  @Test
  void signature_isHmacOfTimeRunIdAndTheExactBodyBytes_timedBySendingNotFiring()
      throws Exception {
    dispatcher.send(catchupRun()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    Receiver.Request request = receiver.next();

    long t = SENT_AT.getEpochSecond();
    String expected = hmacHex(Callbacks.SECRET, t + ".run-7f3a." + request.bodyText());
    assertThat(request.header("X-Chime-Signature")).isEqualTo("t=" + t + ",v1=" + expected);
  }

  @Test
  void signature_verifiesWithChimeSignature_andNotWhenAnythingChanged() throws Exception {
    dispatcher.send(catchupRun()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    Receiver.Request request = receiver.next();
    String header = request.header("X-Chime-Signature");
    String runId = request.header("X-Chime-Run-Id");
    byte[] body = request.body();

    assertThat(ChimeSignature.verify(header, runId, body, Callbacks.SECRET, clock))
        .isEqualTo(new ChimeSignature.Valid(Instant.ofEpochSecond(SENT_AT.getEpochSecond())));

    byte[] changed = request.bodyText().replace("\"eu\"", "\"us\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(reason(ChimeSignature.verify(header, runId, changed, Callbacks.SECRET, clock)))
        .isEqualTo(ChimeSignature.Reason.MISMATCH);
    assertThat(reason(ChimeSignature.verify(header, "run-other", body, Callbacks.SECRET, clock)))
        .isEqualTo(ChimeSignature.Reason.MISMATCH);
    assertThat(reason(ChimeSignature.verify(header, runId, body, "another-secret", clock)))
        .isEqualTo(ChimeSignature.Reason.MISMATCH);
    FakeClock sixMinutesLater = new FakeClock(SENT_AT.plus(Duration.ofMinutes(6)));
    assertThat(reason(ChimeSignature.verify(header, runId, body, Callbacks.SECRET,
        sixMinutesLater))).isEqualTo(ChimeSignature.Reason.TOO_OLD);
  }

  @Test
  void payload_isNullWhenNone_andTheBodyIsValidJson() throws Exception {
    dispatcher.send(Callbacks.to(receiver.url("/job"))).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    JsonNode body = new ObjectMapper().readTree(receiver.next().body());

    assertThat(body.get("payload").isNull()).isTrue();
    assertThat(body.get("trigger").asText()).isEqualTo("schedule");
    assertThat(body.get("attempt").asInt()).isEqualTo(1);
  }

  @Test
  void firedAt_alwaysHasMilliseconds_andDropsFinerDigits() throws Exception {
    Callback c = Callbacks.to(receiver.url("/job"));
    Callback precise = new Callback(c.namespace(), c.url(), c.schedule(), c.expression(),
        Instant.parse("2026-03-08T09:00:00.123456789Z"), c.runId(), 1, c.trigger(), null,
        Map.of(), c.secret(), c.timeout(), false);
    dispatcher.send(precise).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(receiver.next().header("X-Fired-At")).isEqualTo("2026-03-08T09:00:00.123Z");
  }

  @Test
  void staticHeaders_cannotReplaceChimeHeaders() throws Exception {
    Callback c = Callbacks.to(receiver.url("/job"));
    Callback sneaky = new Callback(c.namespace(), c.url(), c.schedule(), c.expression(),
        c.firedAt(), c.runId(), 1, c.trigger(), null,
        Map.of("X-Schedule-Name", "other", "User-Agent", "curl"), c.secret(), c.timeout(),
        false);
    dispatcher.send(sneaky).toCompletableFuture().get(5, TimeUnit.SECONDS);
    Receiver.Request request = receiver.next();

    assertThat(request.headers().get("X-Schedule-Name")).containsExactly("nightly-sync");
    assertThat(request.header("User-Agent")).startsWith("Chime/");
  }

  @Test
  void invalidPayload_failsWithoutSending_sayingWhy() throws Exception {
    Callback c = Callbacks.withPayload(Callbacks.to(receiver.url("/job")), "{\"a\": 1} extra");
    Delivered delivered = dispatcher.send(c).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(delivered.outcome()).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) delivered.outcome()).reason())
        .startsWith("payload").contains("JSON");
    assertThat(receiver.pending()).isEmpty();
  }

  @Test
  void toString_neverShowsTheSecretOrHeaderValues() {
    String text = catchupRun().toString();

    assertThat(text).contains("X-Cron-Token", "run-7f3a")
        .doesNotContain(Callbacks.SECRET).doesNotContain("static-token-value");
  }

  @Test
  void callbackUrl_isTheBaseUrlFollowedByTheEndpoint() {
    assertThat(Callback.url(URI.create("https://billing.internal:8443/svc"), "/internal/cron/x"))
        .isEqualTo(URI.create("https://billing.internal:8443/svc/internal/cron/x"));
  }

  private static ChimeSignature.Reason reason(ChimeSignature.Result result) {
    assertThat(result).isInstanceOf(ChimeSignature.Rejected.class);
    return ((ChimeSignature.Rejected) result).reason();
  }

  private static String hmacHex(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
