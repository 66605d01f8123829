-- Schema version 13: a project's description is kept once, beside its
-- record (the record's JSON without it). The text table keeps name, owner
-- and organisation names; the full-text index reads the description of
-- the winning record (or, for a project known only from an article, the
-- article's text) through a view. Before, the description was kept in the
-- record and again in the text table: a third of the cache. Records of an
-- older esf keep their description inside their JSON until their files
-- are read again (moving them all would rewrite most of the file).
DROP TABLE project_fts_words;
DROP TABLE project_fts;
ALTER TABLE project_text DROP COLUMN description;
ALTER TABLE records ADD COLUMN description TEXT;
CREATE VIEW project_fts_content AS
SELECT t.id, t.name, t.owner, t.organisations,
       coalesce(r.description, json_extract(r.record, '$.description'), a.body)
           AS description
FROM project_text t
JOIN projects p ON p.rowid_ = t.id
LEFT JOIN records r ON r.document_id = p.document_id
LEFT JOIN articles a ON a.document_id = p.document_id;
CREATE VIRTUAL TABLE project_fts USING fts5(
    name, owner, organisations, description,
    content = 'project_fts_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO project_fts (project_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE project_fts_words USING fts5vocab(project_fts, 'row');
