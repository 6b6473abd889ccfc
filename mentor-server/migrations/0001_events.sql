-- The event logs of applications and contracts. One row per event, numbered from 0 within its
-- aggregate: two writers that read the same log and append the same `seq` collide on the
-- primary key, and the second one retries on the log as the first left it (optimistic
-- concurrency).
CREATE TABLE events (
    aggregate TEXT NOT NULL,
    id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (aggregate, id, seq)
);

-- Named sequences (application ids).
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- Each submitted application: its form (personal data: NULL once erased) and the fingerprint
-- of its duplicate key (normalised e-mail and offer, hashed by mentor-core; NULL once erased);
-- its current state, kept with each event for the review queue.
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL UNIQUE,
    offer_id TEXT NOT NULL,
    duplicate_key TEXT UNIQUE,
    form TEXT,
    state TEXT NOT NULL,
    submitted_at TEXT NOT NULL
);
