package dev.chime.schedule;

import dev.chime.cron.Dialect;
import dev.chime.cron.DstGap;
import dev.chime.cron.Zones;
import dev.chime.schedule.Delivery.Catchup;
import dev.chime.schedule.Delivery.Completion;
import dev.chime.schedule.Delivery.Concurrency;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A schedule as a person writes it, in the API's JSON or a catalog-info.yaml: every field
 * optional, options by their lower-case names, durations in milliseconds. Both readers turn
 * their input into this and then into a {@link Schedule}, so they accept and refuse alike.
 *
 * @param payload JSON text; null for none
 */
public record ScheduleSpec(
    String name,
    String cron,
    String every,
    String dialect,
    String endpoint,
    String timezone,
    String description,
    Boolean paused,
    Long timeoutMs,
    Integer maxAttempts,
    Long minBackoffMs,
    Long maxBackoffMs,
    String concurrency,
    String catchup,
    Long startingDeadlineMs,
    String payload,
    List<String> chain,
    String completion,
    Long completionDeadlineMs,
    String dstGap) {

  public static final int MAX_CRON = 1000;
  public static final int MAX_SHORT = 64;

  /** The options' names, as the API and catalog files spell them. */
  public static final List<String> FIELDS = List.of("name", "cron", "every", "dialect",
      "endpoint", "timezone", "description", "paused", "timeoutMs", "retry", "concurrency",
      "catchup", "startingDeadlineMs", "payload", "chain", "completion", "completionDeadlineMs",
      "dstGap");

  /** The fields of {@code retry}. */
  public static final List<String> RETRY_FIELDS =
      List.of("maxAttempts", "minBackoffMs", "maxBackoffMs");

  /** The same spec with another timezone, for a caller that has judged the zone itself. */
  public ScheduleSpec withTimezone(String zone) {
    return new ScheduleSpec(name, cron, every, dialect, endpoint, zone, description, paused,
        timeoutMs, maxAttempts, minBackoffMs, maxBackoffMs, concurrency, catchup,
        startingDeadlineMs, payload, chain, completion, completionDeadlineMs, dstGap);
  }

  /** The schedule, or {@link Invalid} naming every field at fault. */
  public Schedule toSchedule(String namespace) {
    Checks checks = new Checks();
    checks.run(() -> Names.check("name", name));
    TimingRule timing = timing(checks);
    ZoneId zone = zone(checks);
    checks.run(() -> Endpoints.checkPath("endpoint", endpoint));
    String words = text(checks, "description", description, Schedule.MAX_DESCRIPTION);
    Delivery delivery = delivery(checks);
    checks.throwIfAny();
    return new Schedule(namespace, name, timing, endpoint, zone, delivery, words,
        Boolean.TRUE.equals(paused));
  }

  private TimingRule timing(Checks checks) {
    Dialect parsed = choice(checks, "dialect", dialect, Dialect.values(), Dialect::id,
        Dialect.POSIX);
    String expression = text(checks, "cron", cron, MAX_CRON);
    String interval = text(checks, "every", every, MAX_SHORT);
    if (expression == null && cron != null || interval == null && every != null) {
      return null;
    }
    try {
      return new TimingRule(expression, interval, parsed);
    } catch (Invalid e) {
      checks.addAll(e);
      return null;
    }
  }

  private ZoneId zone(Checks checks) {
    if (timezone == null) {
      return ZoneId.of("UTC");
    }
    if (text(checks, "timezone", timezone, MAX_SHORT) == null) {
      return null;
    }
    try {
      return Zones.of(timezone);
    } catch (IllegalArgumentException e) {
      checks.add("timezone", e.getMessage());
      return null;
    }
  }

  private Delivery delivery(Checks checks) {
    Duration timeout = timeoutMs == null ? Delivery.DEFAULT_TIMEOUT : Duration.ofMillis(timeoutMs);
    RetryPolicy retry = retry(checks);
    Concurrency overlap = choice(checks, "concurrency", concurrency, Concurrency.values(),
        Concurrency::id, Concurrency.ALLOW);
    Catchup missed = choice(checks, "catchup", catchup, Catchup.values(), Catchup::id,
        Catchup.LATEST);
    Completion done = choice(checks, "completion", completion, Completion.values(),
        Completion::id, Completion.RESPONSE);
    DstGap gap = choice(checks, "dstGap", dstGap, DstGap.values(),
        g -> g.name().toLowerCase(Locale.ROOT), DstGap.SHIFT);
    List<String> chained = chain == null ? List.of() : chain;
    for (int i = 0; i < chained.size(); i++) {
      if (chained.get(i) == null) {
        checks.add("chain[" + i + "]", "must be a schedule name, not null");
        return Delivery.DEFAULTS;
      }
    }
    // The default follows the timeout, kept in range so a bad timeout is reported once.
    Duration completionDeadline = completionDeadlineMs != null
        ? Duration.ofMillis(completionDeadlineMs)
        : clamp(timeout.multipliedBy(10), Duration.ofSeconds(1), Duration.ofDays(1));
    try {
      return new Delivery(timeout, retry, overlap, missed,
          startingDeadlineMs == null ? null : Duration.ofMillis(startingDeadlineMs),
          payload, chained, done, completionDeadline, gap);
    } catch (Invalid e) {
      checks.addAll(e);
      return Delivery.DEFAULTS;
    }
  }

  private RetryPolicy retry(Checks checks) {
    if (maxAttempts == null && minBackoffMs == null && maxBackoffMs == null) {
      return RetryPolicy.DEFAULT;
    }
    RetryPolicy d = RetryPolicy.DEFAULT;
    try {
      return new RetryPolicy(
          maxAttempts == null ? d.maxAttempts() : maxAttempts,
          minBackoffMs == null ? d.minBackoff() : Duration.ofMillis(minBackoffMs),
          maxBackoffMs == null ? d.maxBackoff() : Duration.ofMillis(maxBackoffMs));
    } catch (Invalid e) {
      checks.addAll(e);
      return d;
    }
  }

  private static String text(Checks checks, String field, String value, int max) {
    if (value != null && value.length() > max) {
      checks.add(field, "is longer than " + max + " characters");
      return null;
    }
    return value;
  }

  /** One of an enum's lower-case ids, or {@code fallback} when absent or unknown. */
  private static <E extends Enum<E>> E choice(Checks checks, String field, String value,
      E[] choices, Function<E, String> id, E fallback) {
    if (value == null) {
      return fallback;
    }
    String key = value.strip().toLowerCase(Locale.ROOT);
    for (E choice : choices) {
      if (id.apply(choice).equals(key)) {
        return choice;
      }
    }
    List<String> ids = Arrays.stream(choices).map(id).toList();
    String guess = Suggestions.closest(key, ids);
    checks.add(field, "must be one of " + String.join(", ", ids) + ", was \""
        + Names.printable(value) + "\"" + (guess == null ? "" : "; did you mean " + guess + "?"));
    return fallback;
  }

  private static Duration clamp(Duration value, Duration min, Duration max) {
    return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
  }
}
