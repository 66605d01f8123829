-- Schema version 14: an import trusts a file's size and time only when
-- the time is older than the moment the file was read (`imported_at` now
-- holds that moment; before, it held when the record was written, which
-- can come after an edit made in the same second). Every document is
-- compared by content once on the next import. Documents whose
-- diarienummer begins X- are read again, so their key gets the X- that
-- keeps it apart from the keys esf makes.
UPDATE documents SET imported_at = 0;
UPDATE documents SET content_hash = ''
WHERE id IN (SELECT document_id FROM records WHERE project_key GLOB 'X-*');
