package dev.chime.catalog;

import dev.chime.schedule.Names;
import dev.chime.schedule.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules that look across the schedules of a file: names are unique, chains name schedules. */
final class FileRules {
  private FileRules() {}

  /** A second schedule with a name already used, in any document of the file. */
  static void duplicateNames(List<DeclaredSchedule> schedules, Findings findings) {
    Map<String, Position> first = new HashMap<>();
    for (DeclaredSchedule schedule : schedules) {
      String name = schedule.spec().name();
      if (!Names.isValid(name)) {
        continue; // invalid-name says what is wrong with it
      }
      Position at = schedule.valueOf("name");
      Position earlier = first.putIfAbsent(name, at);
      if (earlier != null) {
        findings.add(at, Rule.DUPLICATE_NAME, "schedule name " + Echo.code(name) + " is already"
            + " used at line " + earlier.line() + "; names are unique within a namespace, so"
            + " rename one");
      }
    }
  }

  /**
   * A chain naming a schedule the file does not declare: a warning, because the schedule may
   * have been made through the API. Guessing what was meant compares the name with every
   * schedule of the file, so only the first {@value #GUESSES} unknown names get a guess.
   */
  static final class Chains {
    static final int GUESSES = 20;

    private final Set<String> declared;
    private final List<String> candidates;
    private int guesses;

    Chains(List<DeclaredSchedule> schedules) {
      declared = schedules.stream().map(s -> s.spec().name()).filter(Names::isValid)
          .collect(Collectors.toSet());
      candidates = declared.stream().sorted().toList();
    }

    void check(FieldFindings found) {
      List<String> chain = found.schedule().spec().chain();
      if (chain == null || found.has("chain")) {
        return;
      }
      for (int i = 0; i < chain.size(); i++) {
        String name = chain.get(i);
        String field = "chain[" + i + "]";
        if (found.has(field) || declared.contains(name) || !Names.isValid(name)) {
          continue;
        }
        String guess = guess(name, found.schedule().spec().name());
        found.add(field, found.where(field), Rule.CHAIN_UNKNOWN, "`chain` names "
            + Echo.code(name) + ", which this file does not declare"
            + (guess != null ? "; did you mean `" + guess + "`?"
                : "; it runs only if the namespace has it when this schedule succeeds"));
      }
    }

    /** The declared name closest to {@code name}, other than the chaining schedule's own. */
    private String guess(String name, String own) {
      if (guesses++ >= GUESSES) {
        return null;
      }
      return Suggestions.closest(name, candidates.stream().filter(c -> !c.equals(own)).toList());
    }
  }
}
