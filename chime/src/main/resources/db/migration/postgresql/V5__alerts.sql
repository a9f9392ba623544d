-- Alerts (issue 6): a namespace's alert webhook, and what the replicas share so that a schedule
-- alerts at most once per window for each condition and says when it recovers.
-- Kept in lock-step with the other database's V5.

-- Where alerts are POSTed; null when the namespace has none. A secret, like a Slack webhook's
-- path: answers show its origin only.
ALTER TABLE namespaces ADD COLUMN alert_webhook VARCHAR(2048);

-- The last alert sent for a schedule and condition, and how many of that condition were held
-- back since, inside the window.
CREATE TABLE alert_windows (
    namespace       VARCHAR(63) NOT NULL,
    schedule        VARCHAR(63) NOT NULL,
    alert_condition VARCHAR(16) NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    suppressed      INTEGER     NOT NULL,
    CONSTRAINT alert_windows_pk PRIMARY KEY (namespace, schedule, alert_condition),
    CONSTRAINT alert_windows_schedule_fk FOREIGN KEY (namespace, schedule)
        REFERENCES schedules (namespace, name) ON DELETE CASCADE
);

-- Schedules whose latest final run failed (or timed out), since when and by which run: the next
-- success is a recovery.
CREATE TABLE alert_failing (
    namespace VARCHAR(63) NOT NULL,
    schedule  VARCHAR(63) NOT NULL,
    since     TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id    VARCHAR(64) NOT NULL,
    CONSTRAINT alert_failing_pk PRIMARY KEY (namespace, schedule),
    CONSTRAINT alert_failing_schedule_fk FOREIGN KEY (namespace, schedule)
        REFERENCES schedules (namespace, name) ON DELETE CASCADE
);
