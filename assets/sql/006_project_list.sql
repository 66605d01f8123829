-- Schema version 6: the project list in its order with every column a list
-- row shows, so the first screen of a million projects is read at once and
-- the whole list without touching the projects' full records.
CREATE INDEX project_list ON projects(
    name COLLATE NOCASE, key, id, owner, region, fund, programme_period,
    start_date, end_date, total_budget_sek, esf_grant_sek, municipalities
);
