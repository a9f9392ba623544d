package dev.chime.schedule;

import java.util.List;

/**
 * Input that cannot be accepted, with every problem named by the field it concerns. The API
 * turns it into one problem+json response; nothing is changed when it is thrown.
 */
public final class Invalid extends IllegalArgumentException {

  /** One problem: the field (a JSON-pointer-like path such as {@code retry.maxAttempts}) and why. */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<Problem> problems;

  public Invalid(List<Problem> problems) {
    super(String.join("; ", problems.stream().map(Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public static Invalid of(String field, String message) {
    return new Invalid(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
