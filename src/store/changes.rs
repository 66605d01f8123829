//! What imports changed: read from the cache for marking new, changed and
//! removed projects until the user has seen them.

use super::{Result, Store};
use crate::model::{Change, ChangeKind, FieldChange};

impl Store {
    /// This cache's own random id (each user's record of what they have
    /// seen is kept per cache).
    pub fn cache_id(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'cache_id'", [], |r| {
                r.get(0)
            })?)
    }

    /// The latest change of every project an import changed, newest first
    /// (with the record's fields that changed, where known).
    pub fn changes(&self) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, kind, import_id, name, fields FROM changes ORDER BY import_id DESC, key",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(Change {
                key: r.get(0)?,
                kind: ChangeKind::parse(&kind).unwrap_or(ChangeKind::Changed),
                import_id: r.get(2)?,
                name: r.get(3)?,
                fields: fields_of(&r.get::<_, String>(4)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The fields a change changed, each with its values before and after;
/// an older esf kept only their names, joined by commas.
fn fields_of(kept: &str) -> Vec<FieldChange> {
    if kept.starts_with('[') {
        return serde_json::from_str(kept).unwrap_or_default();
    }
    let null = serde_json::Value::Null;
    kept.split(',')
        .filter(|f| !f.is_empty())
        .map(|f| FieldChange::new(f, &null, &null))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_with_their_values_or_as_the_names_an_older_esf_kept() {
        let kept = r#"[{"field":"end_date","before":"2024-04-30","after":"2024-06-30"}]"#;
        let read = fields_of(kept);
        assert_eq!(read[0].field, "end_date");
        assert_eq!(
            (read[0].before.as_str(), read[0].after.as_str()),
            (Some("2024-04-30"), Some("2024-06-30"))
        );
        let older = fields_of("total_budget_sek,owner");
        assert_eq!(older.len(), 2);
        assert!(older[1].before.is_null() && older[1].after.is_null());
        assert!(fields_of("").is_empty());
    }
}
