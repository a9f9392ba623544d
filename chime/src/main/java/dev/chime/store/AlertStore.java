package dev.chime.store;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What every replica must agree on about alerts: which namespaces have a webhook, when each
 * schedule last alerted for each condition, and which schedules are failing. Kept in the store,
 * not in memory, so that replicas (and a restarted process) never alert twice in a window.
 */
public interface AlertStore {

  /**
   * Whether an alert goes out.
   *
   * @param send true when no alert of its schedule and condition went out within the window
   * @param suppressed how many of that schedule and condition were held back since the last one
   *     sent (reported with the next one, then counted afresh)
   */
  record Admission(boolean send, int suppressed) {}

  /**
   * A failing schedule.
   *
   * @param since when its first failed run in a row ended
   * @param runId that run
   */
  record Failing(Instant since, String runId) {}

  /** The namespaces that have an alert webhook, and where it is. */
  Map<String, URI> webhooks();

  /**
   * Records that a schedule met {@code condition} at {@code now}, and decides in one transaction
   * whether to alert: yes when its last alert of that condition is older than {@code window} (or
   * there was none), which then becomes {@code now}; otherwise the alert is counted as suppressed.
   * A schedule that no longer exists never alerts.
   *
   * @param condition a short lower-case word (failed, missed, skipped, recovered)
   */
  Admission admit(String namespace, String schedule, String condition, Instant now,
      Duration window);

  /**
   * Marks a schedule failing from {@code at}, by {@code runId}, unless it already is.
   *
   * @return true when it was not failing before (false too when the schedule does not exist)
   */
  boolean markFailing(String namespace, String schedule, String runId, Instant at);

  /** Ends a schedule's failing mark: what it was, or empty when the schedule was not failing. */
  Optional<Failing> clearFailing(String namespace, String schedule);
}
