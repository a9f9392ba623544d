package dev.chime.api;

import dev.chime.delivery.LiveLogs;
import dev.chime.delivery.LiveLogs.LiveLog;
import dev.chime.schedule.Attempt;
import dev.chime.schedule.Run;
import dev.chime.store.RunStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /v1/runs/{id}/log}: the response body of a run's current attempt so far, as text.
 * While an attempt streams, the body comes from {@link LiveLogs}; with {@code ?follow=true} the
 * answer stays open and passes on what arrives until the attempt ends, so a job that writes its
 * progress can be watched. Once the attempt is over, its stored excerpt answers.
 *
 * <p>Headers: {@code X-Chime-Attempt} (the attempt shown) and {@code X-Chime-Log} ({@code live}
 * while the attempt runs, {@code complete} after).
 */
final class RunLog {
  /** Longer than the longest attempt (one hour): a follower never outlives its attempt by much. */
  private static final long FOLLOW_WAIT_MINUTES = 65;

  private final LiveLogs liveLogs;
  private final RunStore runs;

  RunLog(LiveLogs liveLogs, RunStore runs) {
    this.liveLogs = liveLogs;
    this.runs = runs;
  }

  void answer(Context ctx, Run run) {
    ctx.contentType("text/plain; charset=utf-8");
    Optional<LiveLog> live = liveLogs.find(run.id());
    if (live.isEmpty()) {
      List<Attempt> attempts = runs.attempts(run.id());
      Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
      ctx.header("X-Chime-Attempt", last == null ? "0" : String.valueOf(last.number()))
          .header("X-Chime-Log", "complete")
          .result(last == null ? "" : last.responseExcerpt());
      return;
    }
    LiveLog log = live.get();
    ctx.header("X-Chime-Attempt", String.valueOf(log.attempt()))
        .header("X-Chime-Log", log.finished() ? "complete" : "live");
    if (!"true".equals(ctx.queryParam("follow")) || log.finished()) {
      ctx.result(log.text());
      return;
    }
    follow(ctx, log);
  }

  /** Writes the log as it grows, until its attempt ends or another attempt replaces it. */
  private void follow(Context ctx, LiveLog first) {
    try {
      OutputStream out = ctx.res().getOutputStream();
      LiveLog log = first;
      int sent = 0;
      while (true) {
        if (log.text().length() > sent) {
          out.write(log.text().substring(sent).getBytes(StandardCharsets.UTF_8));
          out.flush();
          sent = log.text().length();
        }
        if (log.finished()) {
          return;
        }
        Optional<LiveLog> next = liveLogs.next(log.runId(), log.bytes()).toCompletableFuture()
            .get(FOLLOW_WAIT_MINUTES, TimeUnit.MINUTES);
        if (next.isEmpty() || next.get().attempt() != log.attempt()) {
          return;
        }
        log = next.get();
      }
    } catch (IOException e) {
      // The reader went away; nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The log stopped growing without finishing: end the answer; the reader may ask again.
    }
  }
}
