-- Which change to a project (by the cache's import that made it) the user
-- has seen; a cache is told apart by its own random id.
CREATE TABLE seen (
    cache     TEXT NOT NULL,
    key       TEXT NOT NULL,
    import_id INTEGER NOT NULL,
    PRIMARY KEY (cache, key)
);
