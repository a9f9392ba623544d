package dev.chime.api;

import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.store.RunPage;
import java.time.Duration;
import java.util.List;

/** Runs and attempts as JSON. Times are UTC instants. */
final class RunJson {
  private RunJson() {}

  /**
   * A run as lists show it.
   *
   * @param attemptCount how many attempts have started
   */
  record View(String id, String namespace, String schedule, String trigger, String fireAt,
      String status, int attemptCount, String reason, String createdAt, String nextAttemptAt,
      String finishedAt) {

    static View of(Run run) {
      return new View(run.id(), run.namespace(), run.schedule(), run.trigger().id(),
          ScheduleJson.instant(run.fireAt()), run.status().id(), run.attempts(), run.reason(),
          ScheduleJson.instant(run.createdAt()), ScheduleJson.instant(run.nextAttemptAt()),
          ScheduleJson.instant(run.finishedAt()));
    }
  }

  /**
   * One HTTP request of a run.
   *
   * @param statusCode the response's status, or null when none arrived
   * @param responseExcerpt the first 64 KiB of the response body
   */
  record AttemptView(int number, String startedAt, long durationMs, Integer statusCode,
      String error, String responseExcerpt) {

    static AttemptView of(Attempt attempt) {
      return new AttemptView(attempt.number(), ScheduleJson.instant(attempt.startedAt()),
          attempt.duration() == null ? 0 : attempt.duration().toMillis(),
          attempt.statusCode() == 0 ? null : attempt.statusCode(), attempt.error(),
          attempt.responseExcerpt());
    }
  }

  /**
   * A run read on its own: the same fields, its lateness and its attempts.
   *
   * @param latenessMs from the fire instant to the start of the first attempt (queueing and
   *     dispatch included); null before any attempt
   */
  record Detail(String id, String namespace, String schedule, String trigger, String fireAt,
      String status, int attemptCount, String reason, String createdAt, String nextAttemptAt,
      String finishedAt, Long latenessMs, List<AttemptView> attempts) {

    static Detail of(Run run, List<Attempt> attempts) {
      View v = View.of(run);
      Long lateness = attempts.isEmpty() ? null
          : Duration.between(run.fireAt(), attempts.getFirst().startedAt()).toMillis();
      return new Detail(v.id(), v.namespace(), v.schedule(), v.trigger(), v.fireAt(),
          v.status(), v.attemptCount(), v.reason(), v.createdAt(), v.nextAttemptAt(),
          v.finishedAt(), lateness, attempts.stream().map(AttemptView::of).toList());
    }
  }

  /** The latest runs of one schedule, newest first. */
  record ScheduleRuns(String schedule, List<View> runs) {}

  /** The latest runs of each of a namespace's schedules, by schedule name. */
  record Recent(List<ScheduleRuns> schedules) {}

  /** A page of runs, newest first; {@code next} is the cursor of the following page, or null. */
  record Page(List<View> runs, String next) {
    static Page of(RunPage page) {
      return new Page(page.runs().stream().map(View::of).toList(), page.next());
    }
  }
}
