package dev.chime.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.chime.schedule.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON in and out. Reading is strict, because a typo that is silently ignored becomes a schedule
 * that runs with defaults nobody chose: unknown fields, duplicate keys, trailing content and
 * values of the wrong type are errors that name the field, never coerced ("30000" is not a
 * number, 1 is not text).
 */
final class Json {
  static final ObjectMapper MAPPER = strictMapper();

  /** Fields that responses carry and requests may not set: named kindly when sent back. */
  private static final Set<String> READ_ONLY = Set.of("namespace", "explanation", "nextFires",
      "nextFireAt", "lastRun", "source", "createdAt", "updatedAt", "token", "signingSecret");

  private Json() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a {@code type}, or a 400 {@link Problem} naming the field at fault. */
  static <T> T read(byte[] body, Class<T> type) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      throw Problem.unreadable("body", "is empty; send a JSON object");
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw Problem.unreadable(path(e), unknownField(e.getPropertyName(),
          e.getKnownPropertyIds()));
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
        throw Problem.unreadable("body", "has more after the JSON object" + where(e));
      }
      throw Problem.unreadable(path(e), "must be " + expected(e) + found(e));
    } catch (JsonMappingException e) {
      throw Problem.unreadable(path(e), Text.clip(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw Problem.unreadable("body", "is not valid JSON" + where(e) + ": "
          + Text.clip(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level field names of a body that {@link #read} accepted as an object. */
  static Set<String> fieldNames(byte[] body) {
    try {
      Set<String> names = new LinkedHashSet<>();
      MAPPER.readTree(body).fieldNames().forEachRemaining(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String where(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String unknownField(String name, Collection<Object> known) {
    if (READ_ONLY.contains(name)) {
      return "is read-only (it is part of what the API returns); leave it out";
    }
    String suggestion = Suggestions.closest(name, known.stream().map(String::valueOf).toList());
    return "unknown field `" + Text.clip(name) + "`"
        + (suggestion == null ? "; known fields: " + String.join(", ",
            known.stream().map(String::valueOf).sorted().toList())
            : "; did you mean `" + suggestion + "`?");
  }

  /** The JSON path of the error: {@code retry.maxAttempts}, {@code chain[0]}; "body" at the top. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(Text.clip(ref.getFieldName()));
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String expected(MismatchedInputException e) {
    Class<?> type = e.getTargetType();
    if (type == null) {
      return "a different kind of value";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text (a JSON string)";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    return "a " + type.getSimpleName();
  }

  private static String found(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
      return "";
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_STRING -> ", not text";
      case VALUE_NUMBER_INT -> ", not a whole number";
      case VALUE_NUMBER_FLOAT -> ", not a fraction";
      case VALUE_TRUE, VALUE_FALSE -> ", not " + token.asString();
      case START_ARRAY -> ", not a list";
      case START_OBJECT -> ", not an object";
      case VALUE_NULL -> ", not null";
      default -> "";
    };
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }
}
