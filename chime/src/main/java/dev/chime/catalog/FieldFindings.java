package dev.chime.catalog;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of one schedule, remembering the fields that have one: a field is reported once,
 * by the most specific rule, and a field of the wrong type is already reported.
 */
final class FieldFindings {
  private static final Pattern ITEM = Pattern.compile("(\\w+)\\[(\\d+)]");

  private final DeclaredSchedule schedule;
  private final Findings findings;
  private final Set<String> reported;

  FieldFindings(DeclaredSchedule schedule, Findings findings) {
    this.schedule = schedule;
    this.findings = findings;
    this.reported = new HashSet<>(schedule.mistyped());
  }

  DeclaredSchedule schedule() {
    return schedule;
  }

  void add(String field, Position at, Rule rule, String message) {
    reported.add(field);
    findings.add(at, rule, message);
  }

  /** Leaves a field to the rule that claims it, whether or not that rule finds anything. */
  void claim(String field) {
    reported.add(field);
  }

  /** Whether the field, or the field it is part of ({@code retry}, {@code chain}), has one. */
  boolean has(String field) {
    if (reported.contains(field)) {
      return true;
    }
    int part = field.indexOf('.') >= 0 ? field.indexOf('.') : field.indexOf('[');
    return part > 0 && reported.contains(field.substring(0, part));
  }

  /**
   * Where a field's value starts: {@code chain[2]} is the third name of the chain. A field that
   * is absent points at the value it would be part of, else at the schedule.
   */
  Position where(String field) {
    Matcher item = ITEM.matcher(field);
    if (item.matches()) {
      int index = Integer.parseInt(item.group(2));
      return schedule.value(item.group(1))
          .filter(YamlNode.Sequence.class::isInstance)
          .map(YamlNode.Sequence.class::cast)
          .filter(list -> index < list.items().size())
          .map(list -> list.items().get(index).position())
          .orElse(schedule.valueOf(item.group(1)));
    }
    if (schedule.value(field).isEmpty() && field.contains(".")) {
      return schedule.valueOf(field.substring(0, field.indexOf('.')));
    }
    return schedule.valueOf(field);
  }

  /** "schedule `nightly-sync`", or "this schedule" before it has a name. */
  String subject() {
    String name = schedule.spec().name();
    return name == null || name.isBlank() ? "this schedule" : "schedule " + Echo.code(name);
  }
}
