-- Cadence schema, version 5: ambassadors who relay posts, and the crisis switch.
--
-- posts.status also gains 'held' (put on hold by the crisis switch). SQLite cannot alter a
-- CHECK constraint, and a rebuild of `posts` inside the migration's transaction would cascade
-- deletes into post_channels/post_tags/post_links (foreign_keys cannot be switched off inside a
-- transaction). Widening an IN list leaves every stored row valid, so the migration's Rust
-- hook (src/db/migrate.rs, `allow_held_status`) edits the stored CREATE TABLE text the way
-- https://sqlite.org/lang_altertable.html#otheralter describes and bumps schema_version.

-- People of a plan who relay its posts on their own accounts (employees, partners).
CREATE TABLE ambassadors (
    id          TEXT PRIMARY KEY NOT NULL,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ambassadors_plan ON ambassadors(plan_id);
CREATE UNIQUE INDEX ambassadors_plan_name ON ambassadors(plan_id, name COLLATE NOCASE);

-- Who was asked to relay a post, and whether they did.
CREATE TABLE post_relays (
    post_id        TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    ambassador_id  TEXT NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
    done_at        TEXT,
    PRIMARY KEY (post_id, ambassador_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX post_relays_ambassador ON post_relays(ambassador_id);

-- A plan's crisis plan: whom to call, what to do, what may be said without further approval.
CREATE TABLE crisis_contacts (
    plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE crisis_steps (
    plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE crisis_statements (
    plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
) STRICT, WITHOUT ROWID;

-- Every "hold everything" and "resume", with when, why and how many posts it moved.
CREATE TABLE crisis_log (
    id          TEXT PRIMARY KEY NOT NULL,
    plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    action      TEXT NOT NULL CHECK (action IN ('hold','resume')),
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    posts       INTEGER NOT NULL DEFAULT 0,
    -- resume only: held posts whose status someone changed by hand meanwhile (left as set)
    kept        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX crisis_log_plan_at ON crisis_log(plan_id, at);

-- The status each held post had before the hold, so "resume" restores exactly that.
CREATE TABLE post_holds (
    post_id          TEXT PRIMARY KEY NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    crisis_id        TEXT NOT NULL REFERENCES crisis_log(id) ON DELETE CASCADE,
    previous_status  TEXT NOT NULL CHECK (previous_status IN ('approved','scheduled'))
) STRICT, WITHOUT ROWID;
CREATE INDEX post_holds_crisis ON post_holds(crisis_id);
