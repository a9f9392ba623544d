package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.cron.Dialect;
import dev.chime.cron.DstGap;
import dev.chime.cron.Zones;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Delivery.Catchup;
import dev.chime.schedule.Delivery.Completion;
import dev.chime.schedule.Delivery.Concurrency;
import dev.chime.schedule.Endpoints;
import dev.chime.schedule.Names;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.TimingRule;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.StoredSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A schedule as JSON. Requests name what differs from the defaults of {@link Delivery#DEFAULTS};
 * responses show every option, plus what Chime knows about it: the words, the next fires and
 * the last run.
 */
final class ScheduleJson {
  static final int NEXT_FIRES = 3;
  private static final int MAX_CRON = 1000;
  private static final int MAX_SHORT = 64;

  private ScheduleJson() {}

  record Retry(Integer maxAttempts, Long minBackoffMs, Long maxBackoffMs) {}

  /** The body of schedule create, replace and validate. */
  record Request(
      String name,
      String cron,
      String every,
      String dialect,
      String endpoint,
      String timezone,
      String description,
      Boolean paused,
      Long timeoutMs,
      Retry retry,
      String concurrency,
      String catchup,
      Long startingDeadlineMs,
      JsonNode payload,
      List<String> chain,
      String completion,
      Long completionDeadlineMs,
      String dstGap) {

    /**
     * The schedule, or {@code Invalid} naming every field at fault.
     *
     * @param pathName the name in the URL for a replace, which the body may repeat; else null
     */
    Schedule toSchedule(String namespace, String pathName) {
      Problems problems = new Problems();
      String scheduleName = name;
      if (pathName != null && name == null) {
        scheduleName = pathName;
      } else if (pathName != null && !name.equals(pathName)) {
        problems.add("name", "must be the name in the path (" + Text.clip(pathName)
            + ") or left out");
      }
      String checkedName = scheduleName;
      problems.get(() -> Names.check("name", checkedName), null);
      TimingRule timing = timing(problems);
      ZoneId zone = zone(problems);
      problems.get(() -> Endpoints.checkPath("endpoint", endpoint), null);
      String words = problems.text("description", description, Schedule.MAX_DESCRIPTION);
      Delivery delivery = delivery(problems);
      problems.throwIfAny();
      return new Schedule(namespace, scheduleName, timing, endpoint, zone, delivery, words,
          Boolean.TRUE.equals(paused));
    }

    private TimingRule timing(Problems problems) {
      Dialect parsed = problems.choice("dialect", dialect, Dialect.values(), Dialect::id,
          Dialect.POSIX);
      String expression = problems.text("cron", cron, MAX_CRON);
      String interval = problems.text("every", every, MAX_SHORT);
      if (expression == null && cron != null || interval == null && every != null) {
        return null;
      }
      return problems.get(() -> new TimingRule(expression, interval, parsed), null);
    }

    private ZoneId zone(Problems problems) {
      if (timezone == null) {
        return ZoneId.of("UTC");
      }
      if (problems.text("timezone", timezone, MAX_SHORT) == null) {
        return null;
      }
      try {
        return Zones.of(timezone);
      } catch (IllegalArgumentException e) {
        problems.add("timezone", e.getMessage());
        return null;
      }
    }

    private Delivery delivery(Problems problems) {
      Duration timeout = timeoutMs == null ? Delivery.DEFAULT_TIMEOUT
          : Duration.ofMillis(timeoutMs);
      RetryPolicy retryPolicy = retry == null ? RetryPolicy.DEFAULT : problems.get(
          () -> new RetryPolicy(
              retry.maxAttempts() == null ? RetryPolicy.DEFAULT.maxAttempts()
                  : retry.maxAttempts(),
              retry.minBackoffMs() == null ? RetryPolicy.DEFAULT.minBackoff()
                  : Duration.ofMillis(retry.minBackoffMs()),
              retry.maxBackoffMs() == null ? RetryPolicy.DEFAULT.maxBackoff()
                  : Duration.ofMillis(retry.maxBackoffMs())),
          RetryPolicy.DEFAULT);
      Concurrency overlap = problems.choice("concurrency", concurrency, Concurrency.values(),
          Concurrency::id, Concurrency.ALLOW);
      Catchup missed = problems.choice("catchup", catchup, Catchup.values(), Catchup::id,
          Catchup.LATEST);
      Completion done = problems.choice("completion", completion, Completion.values(),
          Completion::id, Completion.RESPONSE);
      DstGap gap = problems.choice("dstGap", dstGap, DstGap.values(),
          g -> g.name().toLowerCase(Locale.ROOT), DstGap.SHIFT);
      List<String> chained = chain == null ? List.of() : chain;
      boolean nulls = false;
      for (int i = 0; i < chained.size(); i++) {
        if (chained.get(i) == null) {
          problems.add("chain[" + i + "]", "must be a schedule name, not null");
          nulls = true;
        }
      }
      if (nulls) {
        return Delivery.DEFAULTS;
      }
      // The default follows the timeout, kept in range so a bad timeout is reported once.
      Duration completionDeadline = completionDeadlineMs != null
          ? Duration.ofMillis(completionDeadlineMs)
          : clamp(timeout.multipliedBy(10), Duration.ofSeconds(1), Duration.ofDays(1));
      String payloadText = payload == null || payload.isNull() ? null : Json.text(payload);
      return problems.get(() -> new Delivery(timeout, retryPolicy, overlap, missed,
          startingDeadlineMs == null ? null : Duration.ofMillis(startingDeadlineMs),
          payloadText, chained, done, completionDeadline, gap), Delivery.DEFAULTS);
    }
  }

  private static Duration clamp(Duration value, Duration min, Duration max) {
    return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
  }

  /** The last run's fire instant and status. */
  record LastRun(String fireAt, String status) {}

  /** A schedule as every response shows it. */
  record View(
      String namespace,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String cron,
      @JsonInclude(JsonInclude.Include.NON_NULL) String every,
      String dialect,
      String endpoint,
      String timezone,
      String description,
      boolean paused,
      long timeoutMs,
      Retry retry,
      String concurrency,
      String catchup,
      Long startingDeadlineMs,
      JsonNode payload,
      List<String> chain,
      String completion,
      long completionDeadlineMs,
      String dstGap,
      String explanation,
      String nextFireAt,
      List<Fires.Fire> nextFires,
      LastRun lastRun,
      String createdAt,
      String updatedAt) {

    /**
     * @param now the fires listed are those after it; a paused schedule lists none and has no
     *     next fire, since it will not fire until resumed
     */
    static View of(StoredSchedule stored, Instant now) {
      Schedule s = stored.schedule();
      Delivery d = s.delivery();
      RetryPolicy r = d.retry();
      boolean paused = s.paused();
      return new View(
          s.namespace(),
          s.name(),
          s.timing().cron(),
          s.timing().every(),
          s.timing().dialect().id(),
          s.endpoint(),
          s.zone().getId(),
          s.description(),
          paused,
          d.timeout().toMillis(),
          new Retry(r.maxAttempts(), r.minBackoff().toMillis(), r.maxBackoff().toMillis()),
          d.concurrency().id(),
          d.catchup().id(),
          d.startingDeadline() == null ? null : d.startingDeadline().toMillis(),
          d.payload() == null ? null : Json.tree(d.payload()),
          d.chain(),
          d.completion().id(),
          d.completionDeadline().toMillis(),
          d.dstGap().name().toLowerCase(Locale.ROOT),
          s.timing().timing(s.namespace(), s.name()).describe(s.zone()),
          paused ? null : instant(stored.nextFireAt()),
          paused ? List.of() : Fires.of(ScheduleService.nextFires(s, now, NEXT_FIRES)),
          stored.lastFireAt() == null ? null
              : new LastRun(instant(stored.lastFireAt()),
                  stored.lastStatus() == null ? null : stored.lastStatus().id()),
          instant(stored.createdAt()),
          instant(stored.updatedAt()));
    }
  }

  record Listing(List<View> schedules) {}

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
