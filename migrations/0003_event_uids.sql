-- Cadence schema, version 3: events imported from other calendars remember their iCalendar UID,
-- so importing the same file again updates them instead of adding duplicates.
ALTER TABLE events ADD COLUMN external_uid TEXT;
CREATE UNIQUE INDEX events_plan_external_uid ON events(plan_id, external_uid) WHERE external_uid IS NOT NULL;
