-- The search index a command reads in one piece (see src/search/index.rs),
-- written by the import that made the projects it indexes: `import` is
-- that import's id, so an index older than the newest import is not used.
CREATE TABLE search_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    import INTEGER NOT NULL,
    data BLOB NOT NULL
);

-- Each facet's values with their numbers of projects, unfiltered, written
-- with the search index for the same import.
CREATE TABLE facet_counts (
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    projects INTEGER NOT NULL
);

-- A key written in another case is found through an index, not by reading
-- every project (SQLite's NOCASE folds ASCII letters, as lower() does).
CREATE INDEX projects_by_key_nocase ON projects(key COLLATE NOCASE);
