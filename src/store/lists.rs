//! Project lists in the cache (the fund's project list, Kohesio's
//! exports): the file is a document, and each row it keeps is a document
//! named `FILE#KEY` that points to it (`list_id`). A row is compared,
//! replaced and removed like any document, and its project lists the row
//! among its sources; what other documents gave a project stays.

use super::write::{self, DocMeta, RecordParts, Touched};
use super::Result;
use crate::ingest::lists::{ListHead, ListPart, ListRow};
use crate::model::{ListRows, ParsedDocument};
use rusqlite::{OptionalExtension, Transaction};
use std::collections::HashMap;

/// Saves a list and its rows as they come (`parts`, ended by the rows
/// not kept); true when the file is new to the cache.
pub fn save_list(
    tx: &Transaction,
    meta: &DocMeta,
    head: &ListHead,
    parts: &mut dyn Iterator<Item = ListPart>,
    touched: &mut Touched,
    rows: &mut ListRows,
) -> Result<bool> {
    let existing = write::document_id(tx, &meta.path)?;
    let file = file_document(meta, head);
    let list_id = write::save_document_at(tx, meta, &file, existing, None, None, touched)?;
    let mut earlier = rows_of(tx, list_id)?;
    // Each row's path once, not a look-up a row.
    let mut paths = paths_under(tx, &meta.path)?;
    let end = loop {
        let chunk = match parts.next() {
            Some(ListPart::Rows(chunk)) => chunk,
            Some(ListPart::End(end)) => break end,
            // Its reading stopped: nothing of the run is kept.
            None => {
                return Err(super::StoreError::Refused {
                    path: meta.path.clone(),
                    why: crate::i18n::t("was not read to its end").to_string(),
                })
            }
        };
        let mut changed = Vec::new();
        for row in &chunk {
            let path = &row.doc.source;
            if earlier
                .remove(path)
                .is_some_and(|(_, hash)| hash == row.hash)
            {
                rows.unchanged += 1;
                continue;
            }
            let existing = paths.remove(path);
            match existing {
                None => rows.new += 1,
                Some(_) => rows.updated += 1,
            }
            changed.push((row, existing));
        }
        save_rows(tx, list_id, meta, &changed, touched)?;
    };
    for (id, _) in earlier.into_values() {
        let name = row_name(tx, id)?;
        forget_row(tx, id, touched)?;
        rows.no_longer_listed.push(name);
    }
    count_not_kept(&mut rows.not_kept, &end.skipped);
    super::other_funds::replace(tx, list_id, &end.other_funds)?;
    Ok(existing.is_none())
}

/// The file itself: its format, title and warnings, no record.
fn file_document(meta: &DocMeta, head: &ListHead) -> ParsedDocument {
    let mut doc = ParsedDocument::skipped(&meta.path, "");
    doc.format = head.format;
    doc.skipped_reason = None;
    doc.title = Some(head.title.clone());
    doc.warnings = head.warnings.clone();
    doc
}

/// The rows an earlier import kept of this list: path → (id, hash).
fn rows_of(tx: &Transaction, list_id: i64) -> Result<HashMap<String, (i64, String)>> {
    let mut stmt =
        tx.prepare_cached("SELECT path, id, content_hash FROM documents WHERE list_id = ?1")?;
    let rows = stmt.query_map([list_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The documents whose paths are a row's of the list at `file`
/// (`FILE#…`): path → id.
fn paths_under(tx: &Transaction, file: &str) -> Result<HashMap<String, i64>> {
    // `#` is followed by `$`: every path that begins `FILE#` sorts between.
    let (from, to) = (format!("{file}#"), format!("{file}$"));
    let mut stmt =
        tx.prepare_cached("SELECT path, id FROM documents WHERE path >= ?1 AND path < ?2")?;
    let rows = stmt.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes the rows, each record's stored form worked out on a thread of
/// its own meanwhile (most of a row's work that is not the database's).
fn save_rows(
    tx: &Transaction,
    list_id: i64,
    file: &DocMeta,
    rows: &[(&ListRow, Option<i64>)],
    touched: &mut Touched,
) -> Result<()> {
    std::thread::scope(|scope| {
        let (sender, parts) = std::sync::mpsc::sync_channel(256);
        scope.spawn(move || {
            for (row, _) in rows {
                let made = row.doc.project.as_ref().map(|p| RecordParts::of(p, true));
                if sender.send(made).is_err() {
                    break;
                }
            }
        });
        for (row, existing) in rows {
            // Worked out here when the other thread could not.
            let made = parts.recv().ok().flatten();
            save_row(tx, list_id, *existing, file, row, made, touched)?;
        }
        Ok(())
    })
}

fn save_row(
    tx: &Transaction,
    list_id: i64,
    existing: Option<i64>,
    file: &DocMeta,
    row: &ListRow,
    parts: Option<RecordParts>,
    touched: &mut Touched,
) -> Result<()> {
    let meta = DocMeta {
        path: row.doc.source.clone(),
        hash: row.hash.clone(),
        size: 0,
        modified_at: file.modified_at,
        read_at: file.read_at,
    };
    let list = Some(list_id);
    write::save_document_at(tx, &meta, &row.doc, existing, list, parts, touched)?;
    Ok(())
}

/// The name a removed row's project had, else the row's own name.
fn row_name(tx: &Transaction, id: i64) -> Result<String> {
    let name: Option<String> = tx
        .query_row(
            "SELECT coalesce(json_extract(r.record, '$.name'), d.path)
             FROM documents d LEFT JOIN records r ON r.document_id = d.id WHERE d.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(name.unwrap_or_default())
}

/// Removes a row and what it gave.
pub fn forget_row(tx: &Transaction, id: i64, touched: &mut Touched) -> Result<()> {
    write::forget_content(tx, id, touched)?;
    tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    Ok(())
}

/// Removes every row of a list (its file is gone).
pub fn forget_rows_of(tx: &Transaction, list_id: i64, touched: &mut Touched) -> Result<()> {
    super::other_funds::replace(tx, list_id, &[])?;
    for (id, _) in rows_of(tx, list_id)?.into_values() {
        forget_row(tx, id, touched)?;
    }
    Ok(())
}

/// Adds this list's rows not kept to the run's, by reason (sorted).
fn count_not_kept(all: &mut Vec<(String, usize)>, these: &[(String, usize)]) {
    for (reason, n) in these {
        match all.iter_mut().find(|(r, _)| r == reason) {
            Some((_, count)) => *count += n,
            None => all.push((reason.clone(), *n)),
        }
    }
    all.sort();
}

/// Removes documents whose files are gone (bundled samples never are), a
/// list's rows with their list.
pub fn prune(tx: &Transaction, touched: &mut Touched) -> Result<usize> {
    let gone: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, path FROM documents WHERE list_id IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.filter_map(|r| r.ok())
            .filter(|(_, path): &(i64, String)| {
                !path.starts_with(super::sources::SAMPLE) && !std::path::Path::new(path).exists()
            })
            .collect()
    };
    for (id, _) in &gone {
        forget_rows_of(tx, *id, touched)?;
        write::forget_content(tx, *id, touched)?;
        tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    }
    Ok(gone.len())
}

#[cfg(test)]
mod tests {
    use super::super::{DocMeta, Finish, Start, Store};
    use crate::ingest::lists::{ListRow, ParsedList};
    use crate::model::{Format, ImportReport, ParsedDocument, Project};

    fn row(file: &str, id: &str, name: &str, budget: i64) -> ListRow {
        let mut doc = ParsedDocument::skipped(&format!("{file}#{id}"), "");
        doc.skipped_reason = None;
        doc.format = Format::ProjectList;
        doc.title = Some(name.into());
        doc.project = Some(Project {
            id: Some(id.into()),
            name: Some(name.into()),
            total_budget_sek: Some(budget),
            ..Project::default()
        });
        ListRow {
            key: id.into(),
            line: 2,
            hash: format!("{id}{name}{budget}"),
            doc,
        }
    }

    fn list(rows: Vec<ListRow>) -> ParsedList {
        ParsedList {
            format: Format::ProjectList,
            title: "project list".into(),
            rows,
            skipped: vec![("another fund (ERDF)".into(), 2)],
            other_funds: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn import(store: &mut Store, hash: &str, list: &ParsedList) -> ImportReport {
        let meta = DocMeta {
            path: "/lists/projects.csv".into(),
            hash: hash.into(),
            size: 1,
            modified_at: Some(1),
            read_at: 2,
        };
        let mut tx = store.begin_import(Start::Add, 1).unwrap();
        tx.save_list(&meta, list).unwrap();
        tx.finish(&Finish::default()).unwrap()
    }

    fn budget(store: &Store, id: &str) -> Option<i64> {
        store.project(id).ok()?.project.total_budget_sek
    }

    #[test]
    fn a_newer_list_replaces_its_rows_and_names_the_ones_it_no_longer_holds() {
        let mut store = Store::in_memory().unwrap();
        let file = "/lists/projects.csv";
        let first = list(vec![
            row(file, "2015/00730", "effektbutiken", 8_866_642),
            row(file, "24-001-S01", "Bara i listan", 100),
        ]);
        let report = import(&mut store, "one", &first);
        assert_eq!((report.rows.new, report.rows.updated), (2, 0));
        assert_eq!(
            report.rows.not_kept,
            vec![("another fund (ERDF)".to_string(), 2)]
        );
        assert_eq!(budget(&store, "2015/00730"), Some(8_866_642));
        let sources = store.project("2015/00730").unwrap().sources;
        assert_eq!(sources, vec!["/lists/projects.csv#2015/00730"]);
        let second = list(vec![
            row(file, "2015/00730", "effektbutiken", 9_000_000),
            row(file, "24-002-S02", "Ny i listan", 200),
        ]);
        let report = import(&mut store, "two", &second);
        assert_eq!(
            (report.rows.new, report.rows.updated, report.rows.unchanged),
            (1, 1, 0)
        );
        assert_eq!(report.rows.no_longer_listed, vec!["Bara i listan"]);
        assert_eq!(budget(&store, "2015/00730"), Some(9_000_000));
        assert!(
            store.project("24-001-S01").is_err(),
            "its only source is gone"
        );
        assert!(store.project("24-002-S02").is_ok());
        let again = import(&mut store, "three", &second);
        assert_eq!(
            (again.rows.new, again.rows.updated, again.rows.unchanged),
            (0, 0, 2)
        );
    }

    #[test]
    fn a_row_beside_a_page_is_one_more_source_and_what_the_page_gave_stays() {
        let mut store = Store::in_memory().unwrap();
        let page = "/pages/effektbutiken.txt";
        let mut doc = row(page, "2015/00730", "effektbutiken", 8_866_642).doc;
        doc.source = page.into();
        doc.format = Format::Esf2014;
        let meta = DocMeta {
            path: page.into(),
            hash: "page".into(),
            size: 1,
            modified_at: Some(1),
            read_at: 2,
        };
        let mut tx = store.begin_import(Start::Add, 1).unwrap();
        tx.save(&meta, &doc).unwrap();
        tx.finish(&Finish::default()).unwrap();
        let file = "/lists/projects.csv";
        let one = list(vec![row(file, "2015/00730", "effektbutiken", 1)]);
        let report = import(&mut store, "one", &one);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let shown = store.project("2015/00730").unwrap();
        let row_source = format!("{file}#2015/00730");
        assert_eq!(shown.sources, vec![page.to_string(), row_source]);
        assert_eq!(
            shown.project.total_budget_sek,
            Some(8_866_642),
            "the page first"
        );
        // The list drops it: the page's project stays.
        let report = import(&mut store, "two", &list(Vec::new()));
        assert_eq!(report.rows.no_longer_listed, vec!["effektbutiken"]);
        let sources = store.project("2015/00730").unwrap().sources;
        assert_eq!(sources, vec![page.to_string()]);
    }
}
