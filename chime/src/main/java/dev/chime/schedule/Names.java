package dev.chime.schedule;

import java.util.regex.Pattern;

/** Namespace and schedule names: lower-case letters, digits and dashes, like a DNS label. */
public final class Names {
  public static final int MAX_LENGTH = 63;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private Names() {}

  /** The name, or {@link Invalid} naming {@code field} and saying what a name may contain. */
  public static String check(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw Invalid.of(field, "is required");
    }
    if (name.length() > MAX_LENGTH) {
      throw Invalid.of(field, "is longer than " + MAX_LENGTH + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw Invalid.of(
          field,
          "\"" + printable(name) + "\" is not a valid name: use lower-case letters, digits and"
              + " dashes, starting and ending with a letter or digit");
    }
    return name;
  }

  /** Whether {@link #check} accepts the name. */
  public static boolean isValid(String name) {
    return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH
        && NAME.matcher(name).matches();
  }

  /** The text with control characters shown as escapes, so messages stay one readable line. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
