-- Schema version 10: an organisation is one however documents write its
-- name, and kinds of actor link nothing. Every name an organisation has
-- been given is kept, found by its key (the name in lower case, spaces
-- folded: "Borås Stad" and "Borås stad" are one), and
-- organisationsnummer tie together names written differently. The keys of
-- names already here are made, and organisations that turn out to be one
-- merged, by the program right after this file (SQL folds only ASCII case).
CREATE TABLE organisation_names (
    key  TEXT PRIMARY KEY,
    org  INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX organisation_names_by_org ON organisation_names(org);
CREATE TABLE organisation_numbers (
    number TEXT PRIMARY KEY,   -- NNNNNN-NNNN
    org    INTEGER NOT NULL REFERENCES organisations(id)
) WITHOUT ROWID;
CREATE INDEX organisation_numbers_by_org ON organisation_numbers(org);
-- A kind of actor named in passing (socialtjänsten, vårdcentral) links no
-- projects: the records keep the mention.
DELETE FROM project_orgs WHERE role <> 'owner'
    AND org IN (SELECT id FROM organisations WHERE kind = 'generic');
-- Municipalities a project's text names (and nothing else gives) are kept
-- apart: a facet value, not a field the search box matches.
ALTER TABLE projects ADD COLUMN municipalities_in_text TEXT NOT NULL DEFAULT '';
