package dev.chime.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chime.schedule.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

/**
 * The JSON an alert webhook receives: {@code text}, one line that Slack (and tools like it) show
 * as is, and the same facts as fields for a program.
 *
 * @param run the run the alert is about: the one that failed, was missed or skipped (the latest,
 *     when it stands for several), or that succeeded
 * @param count how many runs of this schedule and condition it stands for (missed fires of one
 *     outage arrive together)
 * @param suppressed alerts of this schedule and condition held back since the last one sent
 * @param failingSince for a recovery, when the failure began; else null
 * @param link the run on the dashboard, when its public address is known; else null
 * @param at when Chime decided to alert
 */
record AlertEvent(Condition condition, Run run, int count, int suppressed, Instant failingSince,
    URI link, Instant at) {
  private static final JsonFactory JSON = new JsonFactory();

  byte[] json() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("text", text());
      json.writeStringField("namespace", run.namespace());
      json.writeStringField("schedule", run.schedule());
      json.writeStringField("condition", condition.id());
      json.writeStringField("runId", run.id());
      json.writeStringField("status", run.status().id());
      json.writeStringField("trigger", run.trigger().id());
      json.writeStringField("fireAt", run.fireAt().toString());
      json.writeNumberField("attempts", run.attempts());
      json.writeStringField("reason", run.reason());
      json.writeNumberField("count", count);
      json.writeNumberField("suppressed", suppressed);
      json.writeStringField("failingSince", failingSince == null ? null : failingSince.toString());
      json.writeStringField("link", link == null ? null : link.toString());
      json.writeStringField("at", at.toString());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One line in words: what happened to which schedule, why, and where to look. */
  String text() {
    String who = run.namespace() + "/" + run.schedule();
    StringBuilder text = new StringBuilder("Chime: ").append(who).append(' ');
    switch (condition) {
      case FAILED -> {
        text.append(run.status().id().replace('_', ' '));
        if (run.attempts() > 0) {
          text.append(" after ").append(run.attempts())
              .append(run.attempts() == 1 ? " attempt" : " attempts");
        }
        text.append(reason()).append(". Fire ").append(run.fireAt()).append(", run ")
            .append(run.id()).append('.');
      }
      case MISSED, SKIPPED -> {
        String verb = condition == Condition.MISSED ? "missed" : "skipped";
        text.append(verb).append(' ').append(count == 1 ? "a fire at " + run.fireAt()
            : count + " fires, the latest at " + run.fireAt()).append(reason()).append('.');
      }
      case RECOVERED -> {
        text.append("recovered: run ").append(run.id()).append(" succeeded");
        if (failingSince != null) {
          text.append(" (failing since ").append(failingSince).append(')');
        }
        text.append('.');
      }
    }
    if (suppressed > 0) {
      text.append(' ').append(suppressed).append(suppressed == 1 ? " more alert" : " more alerts")
          .append(" like this held back since the last one.");
    }
    if (link != null) {
      text.append(' ').append(link);
    }
    return text.toString();
  }

  private String reason() {
    return run.reason().isEmpty() ? "" : ": " + run.reason();
  }
}
