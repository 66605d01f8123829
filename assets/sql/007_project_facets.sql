-- Schema version 7: what facets filter on beside the list's columns
-- (programme area and its name, specific objective, phase), filled from
-- each project's record; the list index covers them too.
ALTER TABLE projects ADD COLUMN programme_area TEXT;
ALTER TABLE projects ADD COLUMN programme_area_name TEXT;
ALTER TABLE projects ADD COLUMN specific_objective TEXT;
ALTER TABLE projects ADD COLUMN phase TEXT;
UPDATE projects SET
    programme_area = (SELECT json_extract(r.record, '$.programme_area')
                      FROM records r WHERE r.document_id = projects.document_id),
    programme_area_name = (SELECT json_extract(r.record, '$.programme_area_name')
                           FROM records r WHERE r.document_id = projects.document_id),
    specific_objective = (SELECT json_extract(r.record, '$.specific_objective')
                          FROM records r WHERE r.document_id = projects.document_id),
    phase = (SELECT json_extract(r.record, '$.phase')
             FROM records r WHERE r.document_id = projects.document_id);
DROP INDEX project_list;
CREATE INDEX project_list ON projects(
    name COLLATE NOCASE, key, id, owner, region, fund, programme_period,
    start_date, end_date, total_budget_sek, esf_grant_sek, municipalities,
    programme_area, programme_area_name, specific_objective, phase
);
