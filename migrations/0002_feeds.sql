-- Cadence schema, version 2: published calendar feeds.
-- A feed serves one plan's ICS export, with the export's filters stored as JSON, at a secret
-- URL `/feeds/<token>.ics`. The token is kept (not hashed) because the app shows the URL again;
-- revoking keeps the row (revoked_at set) and the URL answers 404 from then on.

CREATE TABLE feeds (
    id          TEXT PRIMARY KEY NOT NULL,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    token       TEXT NOT NULL,
    filters     TEXT NOT NULL CHECK (json_valid(filters)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0,
    revoked_at  TEXT
) STRICT;
CREATE UNIQUE INDEX feeds_token ON feeds(token);
CREATE INDEX feeds_plan ON feeds(plan_id);
