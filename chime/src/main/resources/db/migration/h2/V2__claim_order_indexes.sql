-- Indexes in the order claims take rows, so that a claim reads the first rows of an index range
-- and stops at its limit. With the single-column indexes of V1, a claim read and sorted every
-- row due at the same instant (all 10,000 of a burst) to return the first 200.
-- Kept in lock-step with the other database's V2.

DROP INDEX runs_by_next_attempt;
CREATE INDEX runs_by_next_attempt ON runs (next_attempt_at, fire_at, id);

DROP INDEX runs_by_lease_expiry;
CREATE INDEX runs_by_lease_expiry ON runs (lease_expires_at, fire_at, id);

DROP INDEX schedules_by_next_fire;
CREATE INDEX schedules_by_next_fire ON schedules (next_fire_at, namespace, name);
