//! `esf changes`: new, changed and removed projects since this user last
//! looked, per cache; `--mark-seen` clears the marks.

use super::{print_json, print_text, styled, terminal_width, Context};
use crate::i18n::t;
use crate::model::{field_sources, ChangeKind, FieldChange, Unseen};
use crate::present::table::Table;
use crate::store::{Notes, Store};
use std::process::ExitCode;

/// The changes this user has not seen in this cache.
pub fn unseen(store: &Store, notes: &Notes) -> anyhow::Result<Unseen> {
    let cache_id = store.cache_id()?;
    let seen = notes.seen(&cache_id)?;
    let changes = store
        .changes()?
        .into_iter()
        .filter(|c| c.is_unseen(seen.get(&c.key).copied()))
        .collect();
    Ok(Unseen { cache_id, changes })
}

/// "2 new, 1 changed, 1 removed", or nothing when nothing changed.
pub fn summary(unseen: &Unseen) -> Option<String> {
    let count = |kind| unseen.changes.iter().filter(|c| c.kind == kind).count();
    let parts: Vec<String> = [ChangeKind::New, ChangeKind::Changed, ChangeKind::Removed]
        .into_iter()
        .map(|k| (count(k), k.as_str()))
        .filter(|(n, _)| *n > 0)
        .map(|(n, k)| crate::i18n::t_count(n, k))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub fn run(ctx: &Context, mark_seen: bool, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let mut notes = ctx.open_notes()?;
    let unseen = unseen(&store, &notes)?;
    if mark_seen {
        let seen: Vec<(&str, i64)> = unseen
            .changes
            .iter()
            .map(|c| (c.key.as_str(), c.import_id))
            .collect();
        notes.mark_seen(&unseen.cache_id, &seen)?;
        let said = crate::i18n::tf("{} changes marked as seen", &[&seen.len()]);
        print_text(&format!("{said}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if unseen.changes.is_empty() {
        return super::nothing_found(json, t("nothing new since you last looked"));
    }
    if json {
        let mut listed = Vec::with_capacity(unseen.changes.len());
        for change in &unseen.changes {
            let id = super::show::id_of(&store, &change.key)?;
            listed.push(Listed {
                key: &change.key,
                id,
                kind: change.kind,
                import_id: change.import_id,
                name: change.name.as_deref(),
                fields: &change.fields,
            });
        }
        print_json(&listed)?;
        return Ok(ExitCode::SUCCESS);
    }
    let headers = ["CHANGE", "ID", "NAME", "WHAT"].map(t);
    let mut table = Table::new(&headers).flexible(&[2, 3]);
    for c in &unseen.changes {
        let name = c.name.clone().unwrap_or_default();
        let what: Vec<String> = c.fields.iter().map(what_changed).collect();
        let kind = t(c.kind.as_str()).to_string();
        table.row(vec![kind, c.key.clone(), name, what.join("; ")]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(ExitCode::SUCCESS)
}

/// A change of `changes --json`: the project's key and id, what changed.
#[derive(serde::Serialize)]
struct Listed<'a> {
    key: &'a str,
    id: Option<String>,
    kind: ChangeKind,
    import_id: i64,
    name: Option<&'a str>,
    fields: &'a [FieldChange],
}

/// "Total budget: 8 866 642 kr → 9 100 000 kr"; the label alone where
/// the values are not known (kept by an older esf).
fn what_changed(f: &FieldChange) -> String {
    let label = t(field_sources::label(&f.field));
    if f.before.is_null() && f.after.is_null() {
        return label.to_string();
    }
    let (before, after) = (shown(&f.field, &f.before), shown(&f.field, &f.after));
    format!("{label}: {before} → {after}")
}

/// A value as the detail shows it, cut to 40 characters.
fn shown(field: &str, value: &serde_json::Value) -> String {
    use crate::present::format::{euro, money, MISSING};
    let text = match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        v if field.ends_with("_sek") => money(v.as_i64()),
        v if field.ends_with("_eur") => euro(v.as_f64()),
        v if field.ends_with("_percent") => Some(format!("{v} %")),
        v => Some(v.to_string()),
    };
    let text = text.unwrap_or_else(|| MISSING.to_string());
    match text.chars().count() > 40 {
        true => text.chars().take(39).collect::<String>() + "…",
        false => text,
    }
}
