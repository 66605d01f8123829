-- Schema 11: calls for applications and documents about a project that
-- are not its record (owners' pages, news items, final reports). Neither
-- ever makes a project.

CREATE TABLE calls (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    id          TEXT,
    title       TEXT,
    opens       TEXT,
    record      TEXT NOT NULL   -- the call as JSON (the contract)
);

-- A linked document finds its project when it is shown: by diarienummer
-- (project_key), else by name and owner.
CREATE TABLE linked_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    title       TEXT,
    project_key TEXT,
    name_key    TEXT,
    owner_key   TEXT,
    record      TEXT NOT NULL   -- the linked document as JSON
);
CREATE INDEX linked_by_key ON linked_documents(project_key);
CREATE INDEX linked_by_name ON linked_documents(name_key, owner_key);
