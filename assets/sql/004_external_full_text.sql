-- Schema version 4: the full-text index keeps no copy of the text and no
-- word positions (detail=none): it reads name, owner, organisations and
-- description from project_text, so a first import can fill that table and
-- build the index in one pass at the end, which is about twice as fast.
DROP TABLE project_fts;
CREATE TABLE project_text (
    id            INTEGER PRIMARY KEY,   -- projects.rowid_
    name          TEXT,
    owner         TEXT,
    organisations TEXT,
    description   TEXT
);
INSERT INTO project_text (id, name, owner, organisations, description)
SELECT p.rowid_, p.name, p.owner,
       (SELECT group_concat(o.name, '; ') FROM project_orgs po
          JOIN organisations o ON o.id = po.org WHERE po.project = p.rowid_),
       coalesce(json_extract(p.record, '$.description'),
                (SELECT body FROM articles a WHERE a.document_id = p.document_id))
FROM projects p;
CREATE VIRTUAL TABLE project_fts USING fts5(
    name, owner, organisations, description,
    content = 'project_text', content_rowid = 'id', detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO project_fts (project_fts) VALUES ('rebuild');
