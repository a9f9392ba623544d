-- Where each schedule was last written from: 'api' (the REST API) or 'catalog' (apply of a
-- catalog-info.yaml), as kubectl keeps its last-applied configuration. Apply with prune deletes
-- only schedules the catalog wrote, so that a schedule made by hand is never removed by a file
-- that does not know it. Rows from before this version were all made through the API.
-- Kept in lock-step with the other database's V3 (db/migration/h2).

ALTER TABLE schedules ADD COLUMN source VARCHAR(16) DEFAULT 'api' NOT NULL;
ALTER TABLE schedules ADD CONSTRAINT schedules_source_known CHECK (source IN ('api', 'catalog'));
