-- Cadence schema, version 4: campaign templates, recurring slots, and each plan's holiday region.

-- The user's campaign templates (the built-in ones live in the code, in French and English).
CREATE TABLE campaign_templates (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX campaign_templates_name ON campaign_templates(name COLLATE NOCASE);

-- Steps of a template: "J-7 · Instagram · Teasing · draft". local_time NULL: a date-only post;
-- platform NULL: every channel chosen for the campaign.
CREATE TABLE campaign_template_steps (
    template_id  TEXT NOT NULL REFERENCES campaign_templates(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    offset_days  INTEGER NOT NULL CHECK (offset_days BETWEEN -366 AND 366),
    local_time   TEXT,
    platform     TEXT CHECK (platform IS NULL OR platform IN ('linkedin','facebook','instagram','x','youtube','tiktok','pinterest','threads','bluesky','mastodon','internal','newsletter','blog','other')),
    title        TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('idea','draft','in_review','approved','scheduled','published','cancelled')),
    PRIMARY KEY (template_id, position)
) STRICT, WITHOUT ROWID;

-- Recurring publication slots of a channel, in the plan's zone. rule: an RRULE of the subset
-- src/slots.rs accepts; skipped: JSON array of ISO dates.
CREATE TABLE slots (
    id          TEXT PRIMARY KEY NOT NULL,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    channel_id  TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    local_time  TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    until_date  TEXT,
    skipped     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skipped)),
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (until_date IS NULL OR until_date >= start_date)
) STRICT;
CREATE INDEX slots_plan ON slots(plan_id);
CREATE INDEX slots_channel ON slots(channel_id);

-- Whose public holidays a plan shows and warns about (no row: chosen from the plan's zone).
CREATE TABLE plan_holiday_regions (
    plan_id  TEXT PRIMARY KEY NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    region   TEXT NOT NULL CHECK (region IN ('none','fr','ca_qc'))
) STRICT, WITHOUT ROWID;
