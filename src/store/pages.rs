//! Documents that are no project's record: calls for applications, pages
//! about a project (owners' pages, news, final reports) and Kohesio pages
//! that meet a record. Written at import, found for a project when shown.

use super::keys::{key_of_id, name_key, owner_key};
use super::query::SourceRecord;
use super::{Result, Store};
use crate::model::{
    Call, LinkedDoc, LinkedRef, ParsedDocument, Project, StoredCall, StoredLinked, StoredProject,
    UnclassifiedDoc,
};
use rusqlite::{params, Transaction};

pub fn save_call(tx: &Transaction, id: i64, doc: &ParsedDocument) -> Result<()> {
    let Some(call) = &doc.call else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO calls (document_id, id, title, opens, record) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id,
            call.id,
            call.title,
            call.opens,
            serde_json::to_string(call).unwrap_or_default()
        ],
    )?;
    Ok(())
}

pub fn save_linked(tx: &Transaction, id: i64, doc: &ParsedDocument) -> Result<()> {
    let Some(linked) = &doc.linked else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO linked_documents (document_id, kind, title, project_key, name_key,
                                       owner_key, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            linked.kind,
            doc.title,
            linked.project_id.as_deref().map(key_of_id),
            name_key(linked.project_name.as_deref()),
            owner_key(linked.owner.as_deref()),
            serde_json::to_string(linked).unwrap_or_default()
        ],
    )?;
    Ok(())
}

/// Whether two projects' periods share a day; a project without both
/// dates makes nothing certain.
pub fn periods_overlap(a: &Project, b: &Project) -> bool {
    match (&a.start_date, &a.end_date, &b.start_date, &b.end_date) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

impl Store {
    /// The Kohesio page and the linked documents about a project; what
    /// each states of it.
    pub(super) fn add_pages(
        &self,
        s: &mut StoredProject,
        name: Option<&str>,
        owner: Option<&str>,
    ) -> Result<Vec<SourceRecord>> {
        let mut facts = Vec::new();
        if let Some((page, path)) = self.kohesio_page(s, name, owner)? {
            facts.push(SourceRecord {
                path: path.clone(),
                kind: "kohesio".into(),
                project: page.clone(),
            });
            let p = &mut s.project;
            p.total_budget_eur = p.total_budget_eur.or(page.total_budget_eur);
            p.eu_contribution_eur = p.eu_contribution_eur.or(page.eu_contribution_eur);
            p.eu_cofinancing_rate_percent = p
                .eu_cofinancing_rate_percent
                .or(page.eu_cofinancing_rate_percent);
            s.sources.push(path.clone());
            s.kohesio = Some(path);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.kind, l.title, d.path, l.record FROM linked_documents l
             JOIN documents d ON d.id = l.document_id
             WHERE l.project_key = ?1
                OR (?3 IS NOT NULL AND l.name_key IS ?2 AND l.owner_key IS ?3)
             ORDER BY l.kind, d.path",
        )?;
        let rows = stmt.query_map(params![s.key, name, owner], |r| {
            let json: String = r.get(3)?;
            let linked = serde_json::from_str::<LinkedDoc>(&json).unwrap_or_default();
            Ok(LinkedRef {
                kind: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
            })
            .map(|l| (l, linked))
        })?;
        for row in rows {
            let (l, linked) = row?;
            facts.push(SourceRecord {
                path: l.source.clone(),
                kind: l.kind.clone(),
                project: crate::model::field_sources::linked_record(&linked),
            });
            s.linked.push(l);
        }
        Ok(facts)
    }

    /// A Kohesio page of the same name and owner whose period overlaps the
    /// project's (not the project's own page when it stands alone).
    fn kohesio_page(
        &self,
        s: &StoredProject,
        name: Option<&str>,
        owner: Option<&str>,
    ) -> Result<Option<(Project, String)>> {
        if name.is_none() || owner.is_none() {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.record, r.description, d.path FROM records r
             JOIN documents d ON d.id = r.document_id
             WHERE r.from_article = 1 AND d.format = 'kohesio'
               AND r.name_key IS ?1 AND r.owner_key IS ?2 ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![name, owner], |r| {
            Ok((
                super::stored_record::from_row(r, 0)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (page, path) = row?;
            if path != s.source && periods_overlap(&page, &s.project) {
                return Ok(Some((page, path)));
            }
        }
        Ok(None)
    }

    /// Every call for applications, by opening date.
    pub fn calls(&self) -> Result<Vec<StoredCall>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path, c.record FROM calls c CROSS JOIN documents d ON d.id = c.document_id
             ORDER BY c.opens IS NULL, c.opens, d.path",
        )?;
        let rows = stmt.query_map([], |r| {
            let json: String = r.get(1)?;
            Ok(StoredCall {
                source: r.get(0)?,
                call: serde_json::from_str::<Call>(&json).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every linked document, each with the project it found in the cache.
    pub fn linked_documents(&self) -> Result<Vec<StoredLinked>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path, l.title, l.record,
                    coalesce((SELECT p.key FROM projects p WHERE p.key = l.project_key),
                             (SELECT p.key FROM projects p WHERE l.owner_key IS NOT NULL
                                 AND p.name_key = l.name_key AND p.owner_key = l.owner_key
                              LIMIT 1))
             FROM linked_documents l CROSS JOIN documents d ON d.id = l.document_id
             ORDER BY d.path",
        )?;
        let rows = stmt.query_map([], |r| {
            let json: String = r.get(2)?;
            Ok(StoredLinked {
                source: r.get(0)?,
                title: r.get(1)?,
                linked: serde_json::from_str::<LinkedDoc>(&json).unwrap_or_default(),
                project_key: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the browser lists beside the projects: documents of no known
    /// format, calls, and pages about a project not in the cache. Their
    /// queries read these few rows first (`CROSS JOIN`): ordered by path,
    /// SQLite would walk a million documents' paths before the first frame.
    pub fn unclassified(&self) -> Result<Vec<UnclassifiedDoc>> {
        let mut docs = self.calls()?.into_iter().map(call_doc).collect::<Vec<_>>();
        let unmatched = self.linked_documents()?.into_iter();
        docs.extend(
            unmatched
                .filter(|l| l.project_key.is_none())
                .map(linked_doc),
        );
        let mut stmt = self.conn.prepare(
            "SELECT d.path, u.title, u.text FROM unclassified u
             CROSS JOIN documents d ON d.id = u.document_id ORDER BY d.path",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UnclassifiedDoc {
                kind: "unknown".into(),
                source: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
            })
        })?;
        for row in rows {
            docs.push(row?);
        }
        Ok(docs)
    }
}

fn call_doc(c: StoredCall) -> UnclassifiedDoc {
    UnclassifiedDoc {
        kind: "call".into(),
        text: Some(crate::present::report::call_text(&c.call)),
        title: c.call.title.clone(),
        source: c.source,
    }
}

fn linked_doc(l: StoredLinked) -> UnclassifiedDoc {
    UnclassifiedDoc {
        kind: "linked_page".into(),
        text: Some(crate::present::report::linked_text(&l.linked)),
        title: l.title.clone(),
        source: l.source,
    }
}
