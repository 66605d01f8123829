-- Schema version 17: a record without a diarienummer (a Kohesio row with
-- no local identifier, a page) joins the numbered project of another
-- source whose organisationsnummer, name and start date are the same.
-- `identity` holds `NNNNNN-NNNN|name|start` where a record gives all
-- three. Records that give an organisationsnummer and a start date are
-- read again on the next import (their files and lists too) to get it.
ALTER TABLE records ADD COLUMN identity TEXT;
CREATE INDEX records_by_identity ON records(identity) WHERE identity IS NOT NULL;
UPDATE documents SET content_hash = '', imported_at = 0
WHERE id IN (
    SELECT document_id FROM records
    WHERE json_extract(record, '$.owner_org_number') IS NOT NULL
      AND json_extract(record, '$.start_date') IS NOT NULL
);
UPDATE documents SET content_hash = '', imported_at = 0
WHERE id IN (SELECT list_id FROM documents WHERE content_hash = '' AND list_id IS NOT NULL);
