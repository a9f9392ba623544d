package dev.chime.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What a receiver relies on: valid requests pass, every other one is rejected with a reason. */
class ChimeSignatureTest {
  private static final String SECRET = "whsec-test";
  private static final String RUN_ID = "run-42";
  private static final byte[] BODY = "{\"schedule\":\"nightly\"}".getBytes(StandardCharsets.UTF_8);
  private static final long T = Instant.parse("2026-01-15T07:00:00Z").getEpochSecond();

  private final FakeClock clock = new FakeClock(Instant.ofEpochSecond(T));

  private static String header(long t, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + "." + RUN_ID + ".").getBytes(StandardCharsets.UTF_8));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(BODY));
  }

  private ChimeSignature.Reason rejection(String header, String runId, byte[] body) {
    ChimeSignature.Result result = ChimeSignature.verify(header, runId, body, SECRET, clock);
    assertThat(result.valid()).isFalse();
    return ((ChimeSignature.Rejected) result).reason();
  }

  @Test
  void validSignature_isAccepted_withWhenItWasSigned() throws Exception {
    assertThat(ChimeSignature.verify(header(T, SECRET), RUN_ID, BODY, SECRET, clock))
        .isEqualTo(new ChimeSignature.Valid(Instant.ofEpochSecond(T)));
  }

  @Test
  void timestamp_within5MinutesEitherWay_isAccepted_beyondIsRejected() throws Exception {
    clock.set(Instant.ofEpochSecond(T).plus(Duration.ofMinutes(5)));
    assertThat(ChimeSignature.verify(header(T, SECRET), RUN_ID, BODY, SECRET, clock).valid())
        .isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(rejection(header(T, SECRET), RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.TOO_OLD);

    clock.set(Instant.ofEpochSecond(T).minus(Duration.ofMinutes(5)));
    assertThat(ChimeSignature.verify(header(T, SECRET), RUN_ID, BODY, SECRET, clock).valid())
        .isTrue();
    clock.advance(Duration.ofSeconds(-1));
    assertThat(rejection(header(T, SECRET), RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.TOO_NEW);
  }

  @Test
  void replayedSignature_withANewTimestamp_doesNotMatch() throws Exception {
    String replayed = header(T, SECRET).replace("t=" + T, "t=" + (T + 60));

    assertThat(rejection(replayed, RUN_ID, BODY)).isEqualTo(ChimeSignature.Reason.MISMATCH);
  }

  @Test
  void missingOrMalformedHeaders_areRejectedSayingSo() throws Exception {
    assertThat(rejection(null, RUN_ID, BODY)).isEqualTo(ChimeSignature.Reason.MISSING_HEADER);
    assertThat(rejection(header(T, SECRET), null, BODY))
        .isEqualTo(ChimeSignature.Reason.MISSING_HEADER);
    assertThat(rejection("v1=abc", RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.MALFORMED_HEADER);
    assertThat(rejection("t=" + T, RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.MALFORMED_HEADER);
    assertThat(rejection("t=" + T + ",v1=zz" + "0".repeat(62), RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.MALFORMED_HEADER);
  }

  @Test
  void anyMatchingV1_isAccepted_soSecretsCanBeRotated() throws Exception {
    String both = header(T, "old-secret") + "," + header(T, SECRET).split(",")[1];

    assertThat(ChimeSignature.verify(both, RUN_ID, BODY, SECRET, clock).valid()).isTrue();
    assertThat(rejection(header(T, "old-secret"), RUN_ID, BODY))
        .isEqualTo(ChimeSignature.Reason.MISMATCH);
  }

  @Test
  void rejection_messageSaysWhatIsWrong() {
    ChimeSignature.Result result = ChimeSignature.verify("t=1,v1=" + "0".repeat(64), RUN_ID,
        BODY, SECRET, clock);

    assertThat(((ChimeSignature.Rejected) result).message())
        .contains("signed at 1970-01-01T00:00:01Z", "more than 5 minutes before now");
  }

  @Test
  void emptySecret_isAConfigurationError_notARejection() {
    assertThatThrownBy(() -> ChimeSignature.verify("t=1,v1=00", RUN_ID, BODY, "", clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signing secret");
  }
}
