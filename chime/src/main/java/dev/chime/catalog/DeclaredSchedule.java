package dev.chime.catalog;

import dev.chime.schedule.ScheduleSpec;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code spec.schedules}: the values read from it, and where each one stands.
 *
 * @param spec the fields as read; a field of the wrong type is left null (and reported)
 * @param mistyped the fields left out of {@code spec} for their type, so that no other rule
 *     reports them again as missing
 */
record DeclaredSchedule(YamlNode.Mapping node, ScheduleSpec spec, Set<String> mistyped) {

  /** Where the entry starts: its first key. */
  Position position() {
    return node.position();
  }

  /** Where a field's value starts; the entry's start when the field is absent. */
  Position valueOf(String field) {
    return value(field).map(YamlNode::position).orElse(position());
  }

  /** Where a field's key starts; the entry's start when the field is absent. */
  Position keyOf(String field) {
    return node.entry(field).map(e -> e.key().position()).orElse(position());
  }

  /** The field's value, for rules that point inside it. */
  Optional<YamlNode> value(String field) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      return node.get(field);
    }
    return node.get(field.substring(0, dot))
        .filter(YamlNode.Mapping.class::isInstance)
        .flatMap(m -> ((YamlNode.Mapping) m).get(field.substring(dot + 1)));
  }

  /** The field's value when it is a scalar, for rules that point at a character in it. */
  Optional<YamlNode.Scalar> scalar(String field) {
    return value(field).filter(YamlNode.Scalar.class::isInstance).map(YamlNode.Scalar.class::cast);
  }
}
