-- Cadence schema, version 1.
-- Conventions: ids are UUID text; instants are RFC 3339 UTC text ("2026-12-03T09:00:00Z"),
-- which sorts in time order; dates are ISO text ("2026-12-03"); every row carries
-- created_at, updated_at, a revision counter (ICS SEQUENCE) and an optional deleted_at tombstone.

CREATE TABLE plans (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    timezone    TEXT NOT NULL,
    locale      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX plans_name_live ON plans(name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE objectives (
    id            TEXT PRIMARY KEY NOT NULL,
    plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('awareness','sales','reputation','loyalty','recruitment','engagement','customer_care','other')),
    title         TEXT NOT NULL,
    target        TEXT NOT NULL DEFAULT '',
    start_date    TEXT,
    end_date      TEXT,
    color         TEXT NOT NULL,
    target_share  INTEGER NOT NULL DEFAULT 0 CHECK (target_share BETWEEN 0 AND 100),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 0,
    deleted_at    TEXT,
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX objectives_plan ON objectives(plan_id);

CREATE TABLE channels (
    id             TEXT PRIMARY KEY NOT NULL,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    platform       TEXT NOT NULL CHECK (platform IN ('linkedin','facebook','instagram','x','youtube','tiktok','pinterest','threads','bluesky','mastodon','internal','newsletter','blog','other')),
    name           TEXT NOT NULL,
    char_limit     INTEGER CHECK (char_limit IS NULL OR char_limit > 0),
    weekly_target  INTEGER NOT NULL DEFAULT 0 CHECK (weekly_target >= 0),
    color          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    revision       INTEGER NOT NULL DEFAULT 0,
    deleted_at     TEXT
) STRICT;
CREATE INDEX channels_plan ON channels(plan_id);

CREATE TABLE events (
    id           TEXT PRIMARY KEY NOT NULL,
    plan_id      TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('product_launch','open_day','trade_show','webinar','corporate_event','other')),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    location     TEXT NOT NULL DEFAULT '',
    -- all-day: start_date/end_date (end inclusive); timed: start_at/end_at (UTC) + timezone
    start_date   TEXT,
    end_date     TEXT,
    start_at     TEXT,
    end_at       TEXT,
    timezone     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 0,
    deleted_at   TEXT,
    CHECK ((start_date IS NOT NULL AND end_date IS NOT NULL AND start_at IS NULL AND end_at IS NULL AND end_date >= start_date)
        OR (start_at IS NOT NULL AND end_at IS NOT NULL AND timezone IS NOT NULL AND start_date IS NULL AND end_date IS NULL AND end_at >= start_at))
) STRICT;
CREATE INDEX events_plan_dates ON events(plan_id, start_date);
CREATE INDEX events_plan_times ON events(plan_id, start_at);

CREATE TABLE posts (
    id                TEXT PRIMARY KEY NOT NULL,
    plan_id           TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    body              TEXT NOT NULL DEFAULT '',
    objective_id      TEXT REFERENCES objectives(id) ON DELETE SET NULL,
    customer_value    TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('idea','draft','in_review','approved','scheduled','published','cancelled')),
    -- either planned_at (UTC instant) + timezone, or planned_date (date only), or neither (unscheduled idea)
    planned_at        TEXT,
    planned_date      TEXT,
    timezone          TEXT,
    duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    event_id          TEXT REFERENCES events(id) ON DELETE SET NULL,
    assignee          TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    published_url     TEXT,
    likes             INTEGER CHECK (likes IS NULL OR likes >= 0),
    comments          INTEGER CHECK (comments IS NULL OR comments >= 0),
    shares            INTEGER CHECK (shares IS NULL OR shares >= 0),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    revision          INTEGER NOT NULL DEFAULT 0,
    deleted_at        TEXT,
    CHECK (planned_at IS NULL OR planned_date IS NULL),
    CHECK (planned_at IS NULL OR timezone IS NOT NULL)
) STRICT;
CREATE INDEX posts_plan_at ON posts(plan_id, planned_at) WHERE planned_at IS NOT NULL;
CREATE INDEX posts_plan_date ON posts(plan_id, planned_date) WHERE planned_date IS NOT NULL;
CREATE INDEX posts_objective ON posts(objective_id);
CREATE INDEX posts_event ON posts(event_id);

CREATE TABLE post_channels (
    post_id     TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    channel_id  TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    variant     TEXT,
    PRIMARY KEY (post_id, channel_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_channels_channel ON post_channels(channel_id);

CREATE TABLE post_tags (
    post_id   TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    tag       TEXT NOT NULL,
    PRIMARY KEY (post_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_tags_tag ON post_tags(tag);

CREATE TABLE post_links (
    post_id   TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    url       TEXT NOT NULL,
    PRIMARY KEY (post_id, position)
) STRICT, WITHOUT ROWID;

-- Small facts about this database (e.g. whether the sample plan was ever offered).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
