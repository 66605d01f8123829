//! `esf changes`: new, changed and removed projects since this user last
//! looked, per cache; `--mark-seen` clears the marks.

use super::{print_json, print_text, styled, terminal_width, Context};
use crate::i18n::t;
use crate::model::{field_sources, ChangeKind, Unseen};
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
        print_json(&unseen.changes)?;
        return Ok(ExitCode::SUCCESS);
    }
    let headers = ["CHANGE", "ID", "NAME", "WHAT"].map(t);
    let mut table = Table::new(&headers).flexible(&[2, 3]);
    for c in &unseen.changes {
        let name = c.name.clone().unwrap_or_default();
        let what: Vec<&str> = c
            .fields
            .iter()
            .map(|f| t(field_sources::label(f)))
            .collect();
        let kind = t(c.kind.as_str()).to_string();
        table.row(vec![kind, c.key.clone(), name, what.join(", ")]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(ExitCode::SUCCESS)
}
