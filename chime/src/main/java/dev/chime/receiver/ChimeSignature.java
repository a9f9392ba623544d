package dev.chime.receiver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the {@code X-Chime-Signature} header of a Chime callback. Depends on nothing but the
 * JDK (17 or newer), so it can be copied into a receiving service as it is.
 *
 * <p>The header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC taken over {@code
 * "<t>.<run id>.<raw body>"} with the namespace's signing secret. Verify the raw body bytes as
 * they arrived, before parsing them: re-serialised JSON will not match. A request is accepted
 * when a {@code v1} matches (compared in constant time) and {@code t} is within five minutes of
 * now, so a captured request cannot be replayed later. Chime sends the same run id on every retry:
 * keep it to ignore duplicates.
 *
 * <pre>{@code
 * ChimeSignature.Result result = ChimeSignature.verify(
 *     request.header("X-Chime-Signature"), request.header("X-Chime-Run-Id"),
 *     rawBody, System.getenv("CHIME_SECRET"), InstantSource.system());
 * if (result instanceof ChimeSignature.Rejected rejected) {
 *   return respond(401, rejected.message());
 * }
 * }</pre>
 */
public final class ChimeSignature {
  /** How far {@code t} may be from now, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private ChimeSignature() {}

  /** Why a request is rejected. */
  public enum Reason {
    /** No {@code X-Chime-Signature} or {@code X-Chime-Run-Id} header. */
    MISSING_HEADER,
    /** The header is not {@code t=<seconds>,v1=<64 hex digits>}. */
    MALFORMED_HEADER,
    /** {@code t} is more than {@link #TOLERANCE} in the past: possibly a replay. */
    TOO_OLD,
    /** {@code t} is more than {@link #TOLERANCE} in the future: a clock is wrong. */
    TOO_NEW,
    /** No {@code v1} matches: another secret, or the body or run id was changed. */
    MISMATCH
  }

  /** The outcome of {@link #verify}. */
  public sealed interface Result {
    default boolean valid() {
      return this instanceof Valid;
    }
  }

  /** The request came from Chime, signed {@code signedAt}. */
  public record Valid(Instant signedAt) implements Result {}

  /** The request must be refused (answer 401), for this reason. */
  public record Rejected(Reason reason, String message) implements Result {}

  /**
   * Checks a callback's signature.
   *
   * @param header the {@code X-Chime-Signature} header, or null when absent
   * @param runId the {@code X-Chime-Run-Id} header, or null when absent
   * @param body the raw request body, byte for byte
   * @param secret the namespace's signing secret
   * @param clock where "now" comes from; {@code InstantSource.system()} in production
   * @throws IllegalArgumentException when the secret is empty: a configuration error, not a
   *     bad request
   */
  public static Result verify(String header, String runId, byte[] body, String secret,
      InstantSource clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("no signing secret configured: set the namespace's"
          + " secret, shown once when the namespace was created");
    }
    if (header == null || header.isBlank() || runId == null || runId.isEmpty()) {
      return new Rejected(Reason.MISSING_HEADER, header == null || header.isBlank()
          ? "no X-Chime-Signature header" : "no X-Chime-Run-Id header");
    }
    Long t = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String item = part.strip();
      if (item.startsWith("t=") && item.substring(2).matches("\\d{1,12}")) {
        t = Long.parseLong(item.substring(2));
      } else if (item.startsWith("v1=") && item.substring(3).matches("[0-9a-fA-F]{64}")) {
        signatures.add(HexFormat.of().parseHex(item.substring(3)));
      }
    }
    if (t == null || signatures.isEmpty()) {
      return new Rejected(Reason.MALFORMED_HEADER,
          "X-Chime-Signature must be t=<unix seconds>,v1=<64 hex digits>");
    }
    Instant signedAt = Instant.ofEpochSecond(t);
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(TOLERANCE))) {
      return new Rejected(Reason.TOO_OLD, "signed at " + signedAt + ", more than "
          + TOLERANCE.toMinutes() + " minutes before now (" + now + ")");
    }
    if (signedAt.isAfter(now.plus(TOLERANCE))) {
      return new Rejected(Reason.TOO_NEW, "signed at " + signedAt + ", more than "
          + TOLERANCE.toMinutes() + " minutes after now (" + now + "); check the clocks");
    }
    byte[] expected = hmac(secret, t, runId, body);
    boolean matches = false;
    for (byte[] signature : signatures) {
      // Constant time, and no early exit: timing says nothing about which bytes matched.
      matches |= MessageDigest.isEqual(expected, signature);
    }
    return matches ? new Valid(signedAt)
        : new Rejected(Reason.MISMATCH, "the signature does not match the body and run id");
  }

  private static byte[] hmac(String secret, long t, String runId, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + "." + runId + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }
}
