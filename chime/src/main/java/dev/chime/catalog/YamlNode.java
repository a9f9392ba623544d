package dev.chime.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the place it starts, so that every message can point at the character.
 * Scalars keep their text as written: the catalog reader decides what a value must be, and
 * says so when it is something else, instead of trusting YAML's guess ({@code no} is not false).
 */
sealed interface YamlNode {
  Position position();

  /** What it is, for messages: "a mapping", "a list", "text", "a number"… */
  String kind();

  record Mapping(List<Entry> entries, Position position) implements YamlNode {
    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().text().equals(key)).findFirst();
    }

    Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  record Entry(Scalar key, YamlNode value) {}

  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * @param plain written without quotes or block style, so YAML would read {@code null},
   *     {@code true} or {@code 12} in it
   * @param verbatim the text stands in the file as is, on one line (no escapes, no folding), so
   *     a column inside it is a column of the file
   */
  record Scalar(String text, boolean plain, boolean verbatim, Position position)
      implements YamlNode {

    /** An empty value, {@code ~} or {@code null}, unquoted. */
    boolean isNull() {
      return plain && (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null"));
    }

    /**
     * Where the character at {@code offset} of the text is in the file; the value's start when
     * the text is not written as is.
     */
    Position at(int offset) {
      if (!verbatim) {
        return position;
      }
      return plain ? position.right(offset) : position.right(offset + 1);
    }

    @Override
    public String kind() {
      if (isNull()) {
        return "empty";
      }
      if (plain && (text.equals("true") || text.equals("false"))) {
        return "a boolean";
      }
      if (plain && text.matches("[-+]?[0-9][0-9_.eE+-]*")) {
        return "a number";
      }
      return "text";
    }
  }
}
