-- Schema version 3: the partner graph. Organisations keep their number of
-- projects, their own and with their branches and units (kept up to date by
-- every import), and can be found by parent, so branches and units roll up
-- into it quickly.
ALTER TABLE organisations ADD COLUMN projects INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN family_projects INTEGER NOT NULL DEFAULT 0;
CREATE INDEX organisations_by_parent ON organisations(parent);
UPDATE organisations SET projects = (SELECT count(*) FROM project_orgs WHERE org = organisations.id);
UPDATE organisations SET family_projects = (
    SELECT count(DISTINCT po.project) FROM project_orgs po
    WHERE po.org = organisations.id
       OR po.org IN (SELECT c.id FROM organisations c WHERE c.parent = organisations.name));
