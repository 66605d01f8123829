-- Schema version 18: another fund's projects (ERDF, JTF, …) that a Kohesio
-- export lists, kept apart from the ESF projects (never in the list,
-- search, statistics or graph) so that overlaps can name an organisation,
-- by its organisationsnummer, funded by another fund in the same period.
-- Each row belongs to its list's file and is replaced with it. Kohesio
-- lists are read again on the next import to fill the table.
CREATE TABLE other_fund_projects (
    id                  INTEGER PRIMARY KEY,
    list_id             INTEGER NOT NULL REFERENCES documents(id),
    row_id              TEXT NOT NULL,
    fund                TEXT NOT NULL,
    name                TEXT,
    owner               TEXT,
    owner_org_number    TEXT,
    start_date          TEXT,
    end_date            TEXT,
    total_budget_eur    REAL,
    eu_contribution_eur REAL,
    municipalities      TEXT NOT NULL DEFAULT ''  -- names joined by '; '
);
CREATE INDEX other_fund_projects_by_list ON other_fund_projects(list_id);
CREATE INDEX other_fund_projects_by_org_number ON other_fund_projects(owner_org_number)
    WHERE owner_org_number IS NOT NULL;
UPDATE documents SET content_hash = '', imported_at = 0
WHERE format = 'kohesio_list' AND list_id IS NULL;
