package dev.chime.api;

import dev.chime.schedule.Invalid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects the problems of a request body while turning it into domain values, so that one
 * answer names every field at fault instead of the first.
 */
final class Problems {
  private final List<Invalid.Problem> found = new ArrayList<>();

  void add(String field, String message) {
    found.add(new Invalid.Problem(field, message));
  }

  /** The value made by {@code make}, or {@code fallback} with its problems kept. */
  <T> T get(Supplier<T> make, T fallback) {
    try {
      return make.get();
    } catch (Invalid e) {
      found.addAll(e.problems());
      return fallback;
    }
  }

  /** Text within a length limit, or null (with a problem) when longer. */
  String text(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "is longer than " + max + " characters");
      return null;
    }
    return value;
  }

  /** One of an enum's lower-case ids, or {@code fallback} when absent or unknown. */
  <E extends Enum<E>> E choice(String field, String value, E[] choices, Function<E, String> id,
      E fallback) {
    if (value == null) {
      return fallback;
    }
    String key = value.strip().toLowerCase(Locale.ROOT);
    for (E choice : choices) {
      if (id.apply(choice).equals(key)) {
        return choice;
      }
    }
    add(field, "must be one of " + String.join(", ", Arrays.stream(choices).map(id).toList())
        + ", was \"" + Text.clip(value) + "\"");
    return fallback;
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new Invalid(found);
    }
  }
}
