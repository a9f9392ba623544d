package dev.chime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chime.schedule.ScheduleSpec;
import dev.chime.schedule.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schedules and routes that a file's documents declare. Documents without
 * {@code spec.schedules} are other Backstage entities and are left alone; inside a schedule
 * every key must be one Chime knows and every value of the type it needs, else a finding.
 */
record Declarations(List<DeclaredSchedule> schedules, List<Route> routes) {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<String> TEXT_FIELDS = Set.of("name", "cron", "every", "dialect",
      "endpoint", "timezone", "description", "concurrency", "catchup", "completion", "dstGap");

  static Declarations read(List<YamlNode> documents, Findings findings) {
    List<DeclaredSchedule> schedules = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    for (YamlNode document : documents) {
      if (!(document instanceof YamlNode.Mapping entity)) {
        findings.add(document.position(), Rule.WRONG_TYPE, "a catalog document is a mapping"
            + " (apiVersion, kind, metadata, spec), not " + document.kind());
        continue;
      }
      YamlNode spec = entity.get("spec").orElse(null);
      if (spec == null) {
        continue;
      }
      if (!(spec instanceof YamlNode.Mapping specMap)) {
        findings.add(spec.position(), Rule.WRONG_TYPE, "spec must be a mapping, not "
            + spec.kind());
        continue;
      }
      specMap.get("schedules").ifPresent(s -> readSchedules(s, schedules, findings));
      specMap.get("routes").ifPresent(r -> readRoutes(r, routes, findings));
    }
    return new Declarations(List.copyOf(schedules), List.copyOf(routes));
  }

  private static void readSchedules(YamlNode node, List<DeclaredSchedule> into,
      Findings findings) {
    if (!(node instanceof YamlNode.Sequence list)) {
      findings.add(node.position(), Rule.WRONG_TYPE, "spec.schedules must be a list of"
          + " schedules (each item starting with \"- name:\"), not " + node.kind());
      return;
    }
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Mapping entry) {
        into.add(new Entry(entry, findings).read());
      } else {
        findings.add(item.position(), Rule.WRONG_TYPE, "each item of spec.schedules must be a"
            + " mapping with name, cron or every, and endpoint; not " + item.kind());
      }
    }
  }

  private static void readRoutes(YamlNode node, List<Route> into, Findings findings) {
    if (!(node instanceof YamlNode.Sequence list)) {
      findings.add(node.position(), Rule.WRONG_TYPE, "spec.routes must be a list, not "
          + node.kind());
      return;
    }
    for (YamlNode item : list.items()) {
      YamlNode path = item instanceof YamlNode.Mapping m ? m.get("path").orElse(null) : item;
      if (path instanceof YamlNode.Scalar s && !s.isNull()) {
        into.add(new Route(s.text(), s.position()));
      }
    }
  }

  /** Reads one schedule's fields, reporting unknown keys, repeated keys and wrong types. */
  private static final class Entry {
    private final YamlNode.Mapping node;
    private final Findings findings;
    private final Set<String> mistyped = new HashSet<>();
    private final Map<String, YamlNode> values = new HashMap<>();

    Entry(YamlNode.Mapping node, Findings findings) {
      this.node = node;
      this.findings = findings;
    }

    DeclaredSchedule read() {
      checkKeys(node, ScheduleSpec.FIELDS, "");
      YamlNode retry = values.get("retry");
      if (retry instanceof YamlNode.Mapping retryMap) {
        checkKeys(retryMap, ScheduleSpec.RETRY_FIELDS, "retry.");
      } else if (retry != null && !isNull(retry)) {
        wrongType("retry", retry, "a mapping (maxAttempts, minBackoffMs, maxBackoffMs)");
      }
      ScheduleSpec spec = new ScheduleSpec(text("name"), text("cron"), text("every"),
          text("dialect"), text("endpoint"), text("timezone"), text("description"),
          bool("paused"), integer("timeoutMs"), intOrNull(integer("retry.maxAttempts")),
          integer("retry.minBackoffMs"), integer("retry.maxBackoffMs"), text("concurrency"),
          text("catchup"), integer("startingDeadlineMs"), payload(), chain(),
          text("completion"), integer("completionDeadlineMs"), text("dstGap"));
      return new DeclaredSchedule(node, spec, Set.copyOf(mistyped));
    }

    private void checkKeys(YamlNode.Mapping mapping, List<String> known, String prefix) {
      Map<String, Position> seen = new HashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        String key = entry.key().text();
        Position at = entry.key().position();
        Position first = seen.putIfAbsent(key, at);
        if (first != null) {
          findings.add(at, Rule.DUPLICATE_KEY, Echo.code(prefix + key) + " is set twice (first at"
              + " line " + first.line() + "); keep one");
          continue;
        }
        if (!known.contains(key)) {
          String guess = Suggestions.closest(key, known);
          findings.add(at, Rule.UNKNOWN_FIELD, "unknown field " + Echo.code(prefix + key)
              + (guess == null ? "; a schedule knows " + String.join(", ", known)
                  : "; did you mean `" + prefix + guess + "`?"));
          continue;
        }
        values.put(prefix + key, entry.value());
      }
    }

    private String text(String field) {
      YamlNode value = values.get(field);
      if (value == null || isNull(value)) {
        return null;
      }
      if (value instanceof YamlNode.Scalar s) {
        return s.text();
      }
      wrongType(field, value, "text");
      return null;
    }

    private Boolean bool(String field) {
      YamlNode value = values.get(field);
      if (value == null || isNull(value)) {
        return null;
      }
      if (value instanceof YamlNode.Scalar s && s.plain()
          && (s.text().equals("true") || s.text().equals("false"))) {
        return Boolean.valueOf(s.text());
      }
      wrongType(field, value, "true or false");
      return null;
    }

    private Long integer(String field) {
      YamlNode value = values.get(field);
      if (value == null || isNull(value)) {
        return null;
      }
      if (value instanceof YamlNode.Scalar s && s.plain() && INTEGER.matcher(s.text()).matches()
          && s.text().length() <= 18) {
        return Long.valueOf(s.text());
      }
      if (value instanceof YamlNode.Scalar s && INTEGER.matcher(s.text().strip()).matches()
          && !s.plain()) {
        wrongType(field, value, "a number (write " + s.text().strip() + " without quotes)");
      } else {
        wrongType(field, value, field.endsWith("Ms") ? "a whole number of milliseconds"
            : "a whole number");
      }
      return null;
    }

    private static Integer intOrNull(Long value) {
      return value == null ? null : (int) Math.max(Integer.MIN_VALUE,
          Math.min(Integer.MAX_VALUE, value));
    }

    private List<String> chain() {
      YamlNode value = values.get("chain");
      if (value == null || isNull(value)) {
        return null;
      }
      if (!(value instanceof YamlNode.Sequence list)) {
        wrongType("chain", value, "a list of schedule names");
        return null;
      }
      List<String> names = new ArrayList<>();
      for (YamlNode item : list.items()) {
        if (!(item instanceof YamlNode.Scalar s) || s.isNull()) {
          wrongType("chain", item, "a schedule name");
          return null;
        }
        names.add(s.text());
      }
      return names;
    }

    private String payload() {
      YamlNode value = values.get("payload");
      return value == null || isNull(value) ? null : json(value).toString();
    }

    private void wrongType(String field, YamlNode value, String expected) {
      mistyped.add(field);
      String shown = value instanceof YamlNode.Scalar s ? " \"" + Echo.clip(s.text()) + "\"" : "";
      findings.add(value.position(), Rule.WRONG_TYPE, "`" + field + "` must be " + expected
          + ", not " + value.kind() + shown);
    }

    private static boolean isNull(YamlNode value) {
      return value instanceof YamlNode.Scalar s && s.isNull();
    }
  }

  /** A YAML value as JSON, reading plain scalars as YAML 1.2's core schema does. */
  static JsonNode json(YamlNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (node) {
      case YamlNode.Mapping m -> {
        ObjectNode object = f.objectNode();
        m.entries().forEach(e -> object.set(e.key().text(), json(e.value())));
        yield object;
      }
      case YamlNode.Sequence s -> {
        ArrayNode array = f.arrayNode();
        s.items().forEach(i -> array.add(json(i)));
        yield array;
      }
      case YamlNode.Scalar s when s.isNull() -> f.nullNode();
      case YamlNode.Scalar s when s.plain() && (s.text().equals("true")
          || s.text().equals("false")) -> f.booleanNode(Boolean.parseBoolean(s.text()));
      case YamlNode.Scalar s when s.plain() && NUMBER.matcher(s.text()).matches() ->
          f.numberNode(new BigDecimal(s.text()));
      case YamlNode.Scalar s -> f.textNode(s.text());
    };
  }
}
