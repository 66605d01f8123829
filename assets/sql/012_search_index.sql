-- The search index a command reads in one piece (see src/search/index.rs),
-- written by the import that made the projects it indexes: `import` is
-- that import's id, so an index older than the newest import is not used.
CREATE TABLE search_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    import INTEGER NOT NULL,
    data BLOB NOT NULL
);
