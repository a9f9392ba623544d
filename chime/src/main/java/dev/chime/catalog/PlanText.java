package dev.chime.catalog;

import dev.chime.cron.FireTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link Plan} in words, laid out like {@code terraform plan}: one block per schedule marked
 * {@code +} create, {@code ~} change or {@code -} delete, the fields that change from before to
 * after, and a count at the end. Unchanged schedules are counted, not listed.
 */
final class PlanText {
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  /** Fields whose values are free text or expressions with spaces, so they are quoted. */
  private static final Set<String> QUOTED = Set.of("cron", "description");
  private static final int LONGEST_VALUE = 80;
  private static final String ARROW = " → ";

  private final Plan plan;
  private final List<String> lines = new ArrayList<>();
  private final int labelWidth;

  private PlanText(Plan plan) {
    this.plan = plan;
    this.labelWidth = labelWidth(plan);
  }

  static String render(Plan plan) {
    return new PlanText(plan).render();
  }

  private String render() {
    if (plan.hasChanges()) {
      lines.add("Chime will change namespace " + plan.namespace() + " to match " + plan.file()
          + ":");
      lines.add("");
      plan.creates().forEach(this::create);
      plan.changes().forEach(this::change);
      plan.deletes().forEach(name -> lines.add("  - " + name + "  (no longer in the file)"));
    } else {
      lines.add("No changes. Namespace " + plan.namespace() + " matches " + plan.file() + " ("
          + plan.declared() + (plan.declared() == 1 ? " schedule)." : " schedules)."));
    }
    leftAlone();
    if (!plan.keptPaused().isEmpty()) {
      lines.add("");
      lines.add("Stays paused, as " + plan.file() + " does not set paused: "
          + String.join(", ", plan.keptPaused()));
    }
    if (plan.hasChanges()) {
      lines.add("");
      lines.add("Plan: " + plan.creates().size() + " to create, " + plan.changes().size()
          + " to change, " + plan.deletes().size() + " to delete; " + plan.unchanged()
          + " unchanged.");
    }
    return String.join("\n", lines);
  }

  private void create(Plan.Create create) {
    lines.add("  + " + create.schedule().name());
    for (Plan.Field field : create.fields()) {
      String value = show(field.name(), field.value());
      boolean timing = field.name().equals("cron") || field.name().equals("every");
      field(field.name(), timing ? value + "  (" + create.explanation() + ")" : value);
    }
  }

  private void change(Plan.Change change) {
    lines.add("  ~ " + change.name());
    for (Plan.FieldChange field : change.fields()) {
      String value = show(field.field(), field.before()) + ARROW
          + show(field.field(), field.after());
      if (field.field().equals("source")) {
        value += "  (made through the API; " + plan.file() + " manages it from now on)";
      }
      field(field.field(), value);
    }
    if (change.firesChange()) {
      lines.add("      next fires before: " + fires(change.firesBefore(),
          change.before().schedule().paused()));
      lines.add("      next fires after:  " + fires(change.firesAfter(),
          change.after().paused()));
    }
  }

  /** The schedules not in the file, which apply does not touch, and why. */
  private void leftAlone() {
    if (plan.unmanaged().isEmpty() && plan.prunable().isEmpty()) {
      return;
    }
    int width = Stream.concat(plan.unmanaged().stream(), plan.prunable().stream())
        .mapToInt(String::length).max().orElse(0) + 2;
    lines.add("");
    lines.add("Left alone, not in " + plan.file() + ":");
    plan.unmanaged().forEach(name -> lines.add("  " + pad(name, width)
        + "made through the API, not managed by the file"));
    plan.prunable().forEach(name -> lines.add("  " + pad(name, width)
        + "written by an earlier apply; apply with prune to delete it"));
  }

  private void field(String name, String value) {
    lines.add("      " + pad(name + ":", labelWidth) + value);
  }

  /** Field labels line up across the plan; the widest is followed by two spaces. */
  private static int labelWidth(Plan plan) {
    Stream<String> names = Stream.concat(
        plan.creates().stream().flatMap(c -> c.fields().stream()).map(Plan.Field::name),
        plan.changes().stream().flatMap(c -> c.fields().stream()).map(Plan.FieldChange::field));
    return names.mapToInt(n -> n.length() + 1).max().orElse(0) + 2;
  }

  private static String fires(List<FireTime> fires, boolean paused) {
    if (paused) {
      return "none (paused)";
    }
    if (fires.isEmpty()) {
      return "none (it never fires again)";
    }
    return String.join(", ", fires.stream().map(f -> OFFSET.format(f.time())).toList());
  }

  /** A value as the plan shows it: free text quoted, lists in brackets, null as none. */
  static String show(String field, Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof List<?> list) {
      return clip("[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]");
    }
    String text = clip(String.valueOf(value));
    return QUOTED.contains(field) ? quote(text) : text;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** At most {@value #LONGEST_VALUE} characters, so that a long payload keeps the plan legible. */
  private static String clip(String text) {
    if (text.codePointCount(0, text.length()) <= LONGEST_VALUE) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, LONGEST_VALUE - 1)) + "…";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
