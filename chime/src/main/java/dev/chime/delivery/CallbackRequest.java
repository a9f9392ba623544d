package dev.chime.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HTTP request of a callback, exactly as SPEC §3 lists it. The body is serialised once and
 * the signature computed over those bytes, so what is signed is what is sent.
 */
final class CallbackRequest {
  static final String USER_AGENT = "Chime/0.1 (HTTP cron)";
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private CallbackRequest() {}

  /** A payload that is not one JSON value; its message says where. */
  static final class BadPayload extends Exception {
    BadPayload(String message) {
      super(message);
    }
  }

  /**
   * The request to send at {@code sentAt}.
   *
   * @throws BadPayload when the payload is not a single JSON value
   * @throws IllegalArgumentException when a static header cannot be sent; the message names the
   *     header, never its value
   */
  static HttpRequest build(Callback callback, Instant sentAt) throws BadPayload {
    byte[] body = body(callback);
    long t = sentAt.getEpochSecond();
    HttpRequest.Builder request = HttpRequest.newBuilder(callback.url())
        .version(callback.url().getScheme().equalsIgnoreCase("https")
            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    callback.headers().forEach((name, value) -> {
      try {
        request.header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("static header " + name + " cannot be sent (a name"
            + " the HTTP client sets itself, or a value with invalid characters)");
      }
    });
    // Set after the static headers, so that none of them can replace Chime's own.
    return request
        .setHeader("Content-Type", "application/json")
        .setHeader("User-Agent", USER_AGENT)
        .setHeader("X-Schedule-Name", callback.schedule())
        .setHeader("X-Cron-Expression", callback.expression())
        .setHeader("X-Fired-At", firedAt(callback.firedAt()))
        .setHeader("X-Chime-Run-Id", callback.runId())
        .setHeader("X-Chime-Attempt", Integer.toString(callback.attempt()))
        .setHeader("X-Chime-Trigger", callback.trigger().id())
        .setHeader("X-Chime-Signature",
            "t=" + t + ",v1=" + sign(callback.secret(), t, callback.runId(), body))
        .build();
  }

  /** The fire instant in UTC with milliseconds always written: {@code 2026-01-15T07:00:00.000Z}. */
  static String firedAt(Instant instant) {
    return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Lower-case hex HMAC-SHA256 of {@code "<t>.<run id>.<body>"} keyed with the secret. */
  static String sign(String secret, long t, String runId, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + "." + runId + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  static byte[] body(Callback callback) throws BadPayload {
    if (callback.payload() != null) {
      checkOneJsonValue(callback.payload());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("schedule", callback.schedule());
      json.writeStringField("firedAt", firedAt(callback.firedAt()));
      json.writeStringField("runId", callback.runId());
      json.writeNumberField("attempt", callback.attempt());
      json.writeStringField("trigger", callback.trigger().id());
      json.writeFieldName("payload");
      if (callback.payload() == null) {
        json.writeNull();
      } else {
        json.writeRawValue(callback.payload().strip());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }

  // The payload is sent as written (numbers keep their digits), so it is checked, not re-encoded.
  private static void checkOneJsonValue(String payload) throws BadPayload {
    try (JsonParser parser = JSON.createParser(payload)) {
      if (parser.nextToken() == null) {
        throw new BadPayload("payload is empty; leave it out or give a JSON value");
      }
      parser.skipChildren();
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new BadPayload("payload has more than one JSON value (extra " + extra
            + " at " + location(parser) + ")");
      }
    } catch (IOException e) {
      throw new BadPayload("payload is not valid JSON: " + e.getMessage().lines().findFirst()
          .orElse(""));
    }
  }

  private static String location(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column "
        + parser.currentLocation().getColumnNr();
  }
}
