package dev.chime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code time} (UTC, milliseconds), {@code level}, {@code logger},
 * {@code thread}, {@code message}, then the event's key-value pairs as fields of their own
 * (numbers and booleans as JSON numbers and booleans), and {@code error} with the stack trace
 * when there is one. A line never breaks: newlines inside values are escaped.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> RESERVED =
      Set.of("time", "level", "logger", "thread", "message", "error");
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp())));
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          String key = RESERVED.contains(pair.key) ? "kv_" + pair.key : pair.key;
          write(json, key, pair.value);
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        json.writeStringField("error", ThrowableProxyUtil.asString(error));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + CoreConstants.LINE_SEPARATOR;
  }

  private static void write(JsonGenerator json, String key, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNullField(key);
      case Integer i -> json.writeNumberField(key, i);
      case Long l -> json.writeNumberField(key, l);
      case Double d -> json.writeNumberField(key, d);
      case Boolean b -> json.writeBooleanField(key, b);
      default -> json.writeStringField(key, value.toString());
    }
  }
}
