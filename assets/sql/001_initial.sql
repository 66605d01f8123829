-- esf-browser cache, schema version 1.
-- The cache holds what the import read; it can always be rebuilt from the
-- recorded sources, so nothing here is the only copy of anything.

-- Every file an import has read.
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    path           TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL,
    format         TEXT NOT NULL,
    size           INTEGER NOT NULL,
    modified_at    INTEGER,           -- seconds since the epoch
    imported_at    INTEGER NOT NULL,  -- seconds since the epoch
    title          TEXT,
    skipped_reason TEXT,
    warnings       TEXT NOT NULL DEFAULT '[]'  -- JSON array
);

-- The project record each document gives (articles give the project their
-- side panel names). Several documents may give the same project key.
CREATE TABLE records (
    document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    project_key  TEXT NOT NULL,
    name_key     TEXT,
    owner_key    TEXT,
    from_article INTEGER NOT NULL DEFAULT 0,
    modified_at  INTEGER,
    record       TEXT NOT NULL        -- the project as JSON (the contract)
);
CREATE INDEX records_by_key ON records(project_key);
CREATE INDEX records_by_name ON records(name_key, owner_key);

-- One row per project: the winning record for each key.
CREATE TABLE projects (
    rowid_      INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    id          TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    name        TEXT,
    owner       TEXT,
    region      TEXT,
    fund        TEXT,
    programme_period TEXT,
    start_date  TEXT,
    end_date    TEXT,
    total_budget_sek INTEGER,
    esf_grant_sek    INTEGER,
    municipalities   TEXT NOT NULL DEFAULT '',  -- names joined by '; '
    name_key    TEXT,
    owner_key   TEXT,
    record      TEXT NOT NULL
);
CREATE INDEX projects_by_name ON projects(name_key, owner_key);

CREATE TABLE organisations (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    parent TEXT,
    kind   TEXT NOT NULL
);

CREATE TABLE project_orgs (
    project    INTEGER NOT NULL REFERENCES projects(rowid_) ON DELETE CASCADE,
    org        INTEGER NOT NULL REFERENCES organisations(id),
    role       TEXT NOT NULL,
    as_written TEXT NOT NULL,
    PRIMARY KEY (project, org)
) WITHOUT ROWID;
CREATE INDEX project_orgs_by_org ON project_orgs(org);

CREATE TABLE articles (
    document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    project_name TEXT,
    name_key     TEXT,
    owner_key    TEXT
);
CREATE INDEX articles_by_name ON articles(name_key, owner_key);

-- Documents of no known format, kept with their title and text.
CREATE TABLE unclassified (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title       TEXT,
    text        TEXT
);

-- Full text over every project: a word anywhere in it is found.
CREATE VIRTUAL TABLE project_fts USING fts5(
    name, owner, organisations, description,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
