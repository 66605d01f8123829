-- Schema version 16: which fields a changed project's record changed in
-- (name, owner, dates, amounts, …), so `esf changes` can say what changed
-- when a newer export or page replaces an older one. Names of the
-- record's fields, comma-separated; empty where it is not known.
ALTER TABLE changes ADD COLUMN fields TEXT NOT NULL DEFAULT '';
