-- Schema version 8: what each import changed, so that new, changed and
-- removed projects can be marked until each user has seen them. A
-- project's fingerprint (a hash of its record) tells a real change from a
-- file rewritten with the same content; the cache's own random id tells
-- one cache from another in each user's record of what they have seen.
ALTER TABLE projects ADD COLUMN fingerprint INTEGER;
CREATE TABLE changes (
    key       TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('new', 'changed', 'removed')),
    import_id INTEGER NOT NULL,
    name      TEXT
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('cache_id', lower(hex(randomblob(8))));
