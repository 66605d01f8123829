-- Schema version 15: spreadsheets of projects (the fund's project list,
-- Kohesio's exports). The file is a document of its own; each row it keeps
-- is a document too, named FILE#KEY, that points to its file, so a row is
-- compared, replaced and removed like any document and a project lists
-- the row among its sources.
ALTER TABLE documents ADD COLUMN list_id INTEGER REFERENCES documents(id);
CREATE INDEX documents_by_list ON documents(list_id) WHERE list_id IS NOT NULL;
