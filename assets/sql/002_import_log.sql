-- Schema version 2: a log of import runs, so the cache knows whether it has
-- ever had an import and what each run did.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    seen        INTEGER NOT NULL,
    new         INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    unclassified INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    removed     INTEGER NOT NULL
);
