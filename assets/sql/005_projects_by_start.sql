-- Schema version 5: projects newest first without sorting them all (the
-- partner graph of an organisation in most projects walks this index).
CREATE INDEX projects_by_start ON projects(start_date IS NULL, start_date DESC, name);
