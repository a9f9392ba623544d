-- Chime's schema, version 1. Kept in lock-step with db/migration/h2: the same tables,
-- columns, indexes and constraints (SchemaLockStepTest compares the two files).
--
-- Instants are TIMESTAMP WITH TIME ZONE, always written in UTC: an absolute instant whatever the
-- session's time zone, readable in any SQL console. Durations are whole milliseconds (BIGINT).
-- Enumerations are stored as their lower-case ids (pending, schedule, ...), as the API shows them.

CREATE TABLE namespaces (
    name           VARCHAR(63)   NOT NULL,
    base_url       VARCHAR(2048) NOT NULL,
    environment    VARCHAR(16)   NOT NULL,
    signing_secret VARCHAR(256)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT namespaces_pk PRIMARY KEY (name)
);

-- Static headers sent with every callback; their values are secrets.
CREATE TABLE namespace_headers (
    namespace    VARCHAR(63)   NOT NULL,
    header_name  VARCHAR(64)   NOT NULL,
    header_value VARCHAR(4096) NOT NULL,
    CONSTRAINT namespace_headers_pk PRIMARY KEY (namespace, header_name),
    CONSTRAINT namespace_headers_namespace_fk FOREIGN KEY (namespace) REFERENCES namespaces (name)
);

-- API tokens, only as hashes; a namespace may have several.
CREATE TABLE namespace_tokens (
    token_hash VARCHAR(256) NOT NULL,
    namespace  VARCHAR(63)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT namespace_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT namespace_tokens_namespace_fk FOREIGN KEY (namespace) REFERENCES namespaces (name)
);
CREATE INDEX namespace_tokens_by_namespace ON namespace_tokens (namespace);

-- Runs outlive their schedule (history), so they name it rather than reference it.
-- A run's columns follow its status:
--   pending            next_attempt_at set
--   running            lease_owner and lease_expires_at set (an attempt is in flight), or
--                      callback_deadline set (a completion: callback run awaiting its report)
--   final              finished_at set
CREATE TABLE runs (
    id                VARCHAR(64)   NOT NULL,
    namespace         VARCHAR(63)   NOT NULL,
    schedule          VARCHAR(63)   NOT NULL,
    trigger_kind      VARCHAR(16)   NOT NULL,
    fire_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- fire_at again for schedule and catch-up runs, null for manual and chain runs, so that the
    -- unique key below allows one run per fire and any number of manual runs.
    fire_key          TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    lease_owner       VARCHAR(200),
    lease_expires_at  TIMESTAMP WITH TIME ZONE,
    -- Grows with every claim; a write carrying an older epoch is refused.
    lease_epoch       BIGINT        NOT NULL,
    callback_deadline TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT runs_pk PRIMARY KEY (id),
    CONSTRAINT runs_namespace_fk FOREIGN KEY (namespace) REFERENCES namespaces (name),
    CONSTRAINT runs_one_per_fire UNIQUE (namespace, schedule, fire_key),
    CONSTRAINT runs_fire_key_is_fire CHECK (fire_key IS NULL OR fire_key = fire_at),
    CONSTRAINT runs_trigger_known
        CHECK (trigger_kind IN ('schedule', 'manual', 'catchup', 'chain')),
    CONSTRAINT runs_status_known CHECK (status IN
        ('pending', 'running', 'succeeded', 'failed', 'timed_out', 'skipped', 'missed')),
    CONSTRAINT runs_pending_has_due_time
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
    CONSTRAINT runs_lease_whole CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT runs_lease_only_running CHECK (lease_expires_at IS NULL OR status = 'running'),
    CONSTRAINT runs_callback_only_running_unleased
        CHECK (callback_deadline IS NULL OR (status = 'running' AND lease_expires_at IS NULL)),
    CONSTRAINT runs_final_has_finish
        CHECK ((finished_at IS NOT NULL) = (status NOT IN ('pending', 'running')))
);
CREATE INDEX runs_by_namespace ON runs (namespace, fire_at, id);
CREATE INDEX runs_by_schedule ON runs (namespace, schedule, fire_at);
CREATE INDEX runs_by_next_attempt ON runs (next_attempt_at);
CREATE INDEX runs_by_lease_expiry ON runs (lease_expires_at);
CREATE INDEX runs_by_callback_deadline ON runs (callback_deadline);
CREATE INDEX runs_by_finish ON runs (finished_at);

CREATE TABLE schedules (
    namespace              VARCHAR(63)   NOT NULL,
    name                   VARCHAR(63)   NOT NULL,
    cron                   VARCHAR(1000),
    every_interval         VARCHAR(1000),
    dialect                VARCHAR(16)   NOT NULL,
    endpoint               VARCHAR(2048) NOT NULL,
    time_zone              VARCHAR(64)   NOT NULL,
    description            VARCHAR(1000) NOT NULL,
    paused                 BOOLEAN       NOT NULL,
    timeout_ms             BIGINT        NOT NULL,
    retry_max_attempts     INTEGER       NOT NULL,
    retry_min_backoff_ms   BIGINT        NOT NULL,
    retry_max_backoff_ms   BIGINT        NOT NULL,
    concurrency            VARCHAR(16)   NOT NULL,
    catchup                VARCHAR(16)   NOT NULL,
    starting_deadline_ms   BIGINT,
    payload                VARCHAR(65536),
    -- Schedule names separated by commas (a name cannot contain one); empty for none.
    chain                  VARCHAR(1000) NOT NULL,
    completion             VARCHAR(16)   NOT NULL,
    completion_deadline_ms BIGINT        NOT NULL,
    dst_gap                VARCHAR(16)   NOT NULL,
    next_fire_at           TIMESTAMP WITH TIME ZONE,
    -- The run with the latest fire instant: the schedule's last fire and status.
    last_run_id            VARCHAR(64),
    version                BIGINT        NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedules_pk PRIMARY KEY (namespace, name),
    CONSTRAINT schedules_namespace_fk FOREIGN KEY (namespace) REFERENCES namespaces (name),
    CONSTRAINT schedules_last_run_fk FOREIGN KEY (last_run_id) REFERENCES runs (id)
        ON DELETE SET NULL,
    CONSTRAINT schedules_one_timing CHECK ((cron IS NULL) <> (every_interval IS NULL))
);
CREATE INDEX schedules_by_next_fire ON schedules (next_fire_at);
CREATE INDEX schedules_by_last_run ON schedules (last_run_id);

CREATE TABLE attempts (
    run_id           VARCHAR(64)    NOT NULL,
    attempt_number   INTEGER        NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      BIGINT         NOT NULL,
    status_code      INTEGER        NOT NULL,
    error            VARCHAR(2000)  NOT NULL,
    -- The first 64 KiB of the response body: at most 65536 characters.
    response_excerpt VARCHAR(65536) NOT NULL,
    CONSTRAINT attempts_pk PRIMARY KEY (run_id, attempt_number),
    CONSTRAINT attempts_run_fk FOREIGN KEY (run_id) REFERENCES runs (id)
);
