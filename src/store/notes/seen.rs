//! Which changes to which projects the user has seen, per cache.

use super::{Notes, Result};
use rusqlite::{params, TransactionBehavior};
use std::collections::HashMap;

impl Notes {
    /// For each project key, the import whose change the user last saw.
    pub fn seen(&self, cache: &str) -> Result<HashMap<String, i64>> {
        let Some(conn) = &self.conn else {
            return Ok(HashMap::new());
        };
        let mut stmt = conn.prepare("SELECT key, import_id FROM seen WHERE cache = ?1")?;
        let rows = stmt.query_map([cache], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes that the user has seen these projects as the given imports
    /// left them, in one transaction.
    pub fn mark_seen(&mut self, cache: &str, seen: &[(&str, i64)]) -> Result<()> {
        if seen.is_empty() {
            return Ok(());
        }
        let conn = self.writable()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (key, import_id) in seen {
            tx.execute(
                "INSERT INTO seen (cache, key, import_id) VALUES (?1, ?2, ?3)
                 ON CONFLICT (cache, key) DO UPDATE SET import_id = excluded.import_id",
                params![cache, key, import_id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
