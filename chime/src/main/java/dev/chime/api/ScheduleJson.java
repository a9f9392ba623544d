package dev.chime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chime.schedule.Delivery;
import dev.chime.schedule.Invalid;
import dev.chime.schedule.RetryPolicy;
import dev.chime.schedule.Schedule;
import dev.chime.schedule.ScheduleSpec;
import dev.chime.scheduler.ScheduleService;
import dev.chime.store.StoredSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A schedule as JSON. Requests name what differs from the defaults of {@link Delivery#DEFAULTS};
 * responses show every option, plus what Chime knows about it: the words, the next fires and
 * the last run.
 */
final class ScheduleJson {
  static final int NEXT_FIRES = 3;

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
      if (pathName != null && name != null && !name.equals(pathName)) {
        throw Invalid.of("name", "must be the name in the path (" + Text.clip(pathName)
            + ") or left out");
      }
      return spec(pathName != null ? pathName : name).toSchedule(namespace);
    }

    private ScheduleSpec spec(String scheduleName) {
      Retry r = retry == null ? new Retry(null, null, null) : retry;
      return new ScheduleSpec(scheduleName, cron, every, dialect, endpoint, timezone,
          description, paused, timeoutMs, r.maxAttempts(), r.minBackoffMs(), r.maxBackoffMs(),
          concurrency, catchup, startingDeadlineMs,
          payload == null || payload.isNull() ? null : Json.text(payload), chain, completion,
          completionDeadlineMs, dstGap);
    }
  }

  /** The last run's fire instant and status. */
  record LastRun(String fireAt, String status) {}

  /**
   * A schedule as every response shows it; {@code source} tells whether the API or a catalog
   * file wrote it last, and so whether apply with prune may delete it.
   */
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
      String source,
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
          stored.source().id(),
          instant(stored.createdAt()),
          instant(stored.updatedAt()));
    }
  }

  record Listing(List<View> schedules) {}

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
