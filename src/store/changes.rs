//! What imports changed: read from the cache for marking new, changed and
//! removed projects until the user has seen them.

use super::{Result, Store};
use crate::model::{Change, ChangeKind};

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

fn fields_of(joined: &str) -> Vec<String> {
    joined
        .split(',')
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect()
}
