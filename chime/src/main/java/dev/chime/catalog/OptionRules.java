package dev.chime.catalog;

import dev.chime.schedule.Invalid;
import dev.chime.schedule.ScheduleSpec;
import java.util.List;
import java.util.Set;

/**
 * Everything else the server checks when it makes a schedule: delivery options, retry,
 * description, payload, chain. The linter asks {@link ScheduleSpec#toSchedule} itself, so lint,
 * the API and apply accept and refuse alike; it only points each problem at its field, once.
 */
final class OptionRules {
  private static final Set<String> TIMEOUTS =
      Set.of("timeoutMs", "startingDeadlineMs", "completionDeadlineMs");
  /** Any valid namespace: no check depends on which. */
  private static final String NAMESPACE = "lint";

  private OptionRules() {}

  static void check(FieldFindings found) {
    selfChain(found);
    try {
      // The zone is judged by TimingRules, once per name; guessing a misspelt one is costly.
      found.schedule().spec().withTimezone(null).toSchedule(NAMESPACE);
    } catch (Invalid e) {
      for (Invalid.Problem problem : e.problems()) {
        if (!found.has(problem.field())) {
          Rule rule = TIMEOUTS.contains(problem.field()) ? Rule.TIMEOUT_RANGE : Rule.INVALID_VALUE;
          found.add(problem.field(), found.where(problem.field()), rule, message(problem));
        }
      }
    }
  }

  /**
   * Said here rather than left to the server, which checks it only once everything else is
   * right: a chain that names its own schedule would run it again after every success.
   */
  private static void selfChain(FieldFindings found) {
    ScheduleSpec spec = found.schedule().spec();
    List<String> chain = spec.chain();
    if (chain == null || spec.name() == null || found.has("chain")) {
      return;
    }
    int self = chain.indexOf(spec.name());
    if (self >= 0) {
      found.add("chain", found.where("chain[" + self + "]"), Rule.INVALID_VALUE,
          "a schedule cannot chain to itself: it would run again after every success; remove "
              + Echo.code(spec.name()) + " from `chain`");
    }
  }

  /** "`timeoutMs` must be between …", "`chain[2]`: …". */
  private static String message(Invalid.Problem problem) {
    String text = problem.message();
    boolean predicate = text.startsWith("is ") || text.startsWith("must ")
        || text.startsWith("names ");
    return "`" + problem.field() + "`" + (predicate ? " " : ": ") + text;
  }
}
