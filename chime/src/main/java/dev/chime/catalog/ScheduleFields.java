package dev.chime.catalog;

import dev.chime.cron.Dialect;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Schedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A schedule's fields by the names files and the API use, in the order of {@code
 * ScheduleSpec.FIELDS}, with values as JSON shows them: text, whole numbers of milliseconds,
 * booleans, lists of names, or null for none.
 */
final class ScheduleFields {
  /** The fields that decide when it fires: a change to one shows the fires before and after. */
  static final Set<String> FIRES =
      Set.of("cron", "every", "dialect", "timezone", "dstGap", "paused");

  private static final Map<String, Function<Schedule, Object>> FIELDS = fields();

  private ScheduleFields() {}

  private static Map<String, Function<Schedule, Object>> fields() {
    Map<String, Function<Schedule, Object>> f = new LinkedHashMap<>();
    f.put("cron", s -> s.timing().cron());
    f.put("every", s -> s.timing().every());
    f.put("dialect", s -> s.timing().dialect().id());
    f.put("endpoint", Schedule::endpoint);
    f.put("timezone", s -> s.zone().getId());
    f.put("description", Schedule::description);
    f.put("paused", Schedule::paused);
    f.put("timeoutMs", s -> millis(s.delivery().timeout()));
    f.put("retry.maxAttempts", s -> s.delivery().retry().maxAttempts());
    f.put("retry.minBackoffMs", s -> millis(s.delivery().retry().minBackoff()));
    f.put("retry.maxBackoffMs", s -> millis(s.delivery().retry().maxBackoff()));
    f.put("concurrency", s -> s.delivery().concurrency().id());
    f.put("catchup", s -> s.delivery().catchup().id());
    f.put("startingDeadlineMs", s -> millis(s.delivery().startingDeadline()));
    f.put("payload", s -> s.delivery().payload());
    f.put("chain", s -> s.delivery().chain());
    f.put("completion", s -> s.delivery().completion().id());
    f.put("completionDeadlineMs", s -> millis(s.delivery().completionDeadline()));
    f.put("dstGap", s -> s.delivery().dstGap().name().toLowerCase(Locale.ROOT));
    return f;
  }

  /**
   * The fields whose values differ, in order.
   *
   * @throws IllegalStateException when the schedules differ in a field not listed here (one
   *     added to {@code Schedule} since), rather than planning "unchanged" and writing nothing
   */
  static List<Plan.FieldChange> differences(Schedule before, Schedule after) {
    List<Plan.FieldChange> changes = FIELDS.entrySet().stream()
        .filter(f -> !Objects.equals(f.getValue().apply(before), f.getValue().apply(after)))
        .map(f -> new Plan.FieldChange(f.getKey(), f.getValue().apply(before),
            f.getValue().apply(after)))
        .toList();
    if (changes.isEmpty() && !before.equals(after)) {
      throw new IllegalStateException("the schedules differ in a field ScheduleFields does not"
          + " compare: " + before + " and " + after);
    }
    return changes;
  }

  /**
   * What a new schedule sets: its timing and endpoint, then every option that is not the
   * default. The zone is left to the timing's words, which name it; the completion deadline
   * shows only when it applies, with {@code completion: callback}.
   */
  static List<Plan.Field> declared(Schedule schedule) {
    Schedule defaults = new Schedule(schedule.namespace(), schedule.name(), schedule.timing(),
        schedule.endpoint(), schedule.zone(), Delivery.DEFAULTS, "", false);
    boolean callback = schedule.delivery().completion() == Delivery.Completion.CALLBACK;
    return FIELDS.entrySet().stream()
        .filter(f -> switch (f.getKey()) {
          case "cron", "every" -> f.getValue().apply(schedule) != null;
          case "dialect" -> schedule.timing().dialect() != Dialect.POSIX;
          case "endpoint" -> true;
          case "timezone" -> false;
          case "completionDeadlineMs" -> callback;
          default -> !Objects.equals(f.getValue().apply(schedule),
              f.getValue().apply(defaults));
        })
        .map(f -> new Plan.Field(f.getKey(), f.getValue().apply(schedule)))
        .toList();
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }
}
