//! Reading the cache: project summaries for lists and filtering, one
//! project in full, full-text search, organisations.

use super::keys::key_typed;
use super::text_query::fts_query;
use super::{Result, Store, StoreError};
use crate::model::{ArticleRef, KeyedProject, Project, SearchHit, StoredProject};
use rusqlite::{params, OptionalExtension};

/// key, record, source path, name key, owner key.
type ProjectRow = (String, Project, String, Option<String>, Option<String>);

/// Ranking by BM25 reads every match, about a microsecond each: beyond
/// this many a first page would take longer than 200 ms, and the matches
/// are listed in the cache's order instead.
pub const RANK_UP_TO: usize = 200_000;

impl Store {
    /// Full records for the given keys, in that order (a key not in the
    /// cache is left out).
    pub fn records(&self, keys: &[&str]) -> Result<Vec<KeyedProject>> {
        let mut all = Vec::with_capacity(keys.len());
        for key in keys {
            all.extend(self.record_of(key)?);
        }
        Ok(all)
    }

    /// One project's full record by its key.
    pub fn record_of(&self, key: &str) -> Result<Option<KeyedProject>> {
        self.record_where("p.key = ?1", key)
    }

    /// One project's full record by its row in the cache.
    pub fn record_at(&self, rowid: i64) -> Result<Option<KeyedProject>> {
        self.record_where("p.rowid_ = ?1", rowid)
    }

    fn record_where(
        &self,
        which: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<Option<KeyedProject>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.key, r.record, r.description FROM projects p
             JOIN records r ON r.document_id = p.document_id
             WHERE {which}"
        ))?;
        let row = stmt.query_row([value], |r| {
            Ok(KeyedProject {
                key: r.get(0)?,
                project: super::stored_record::from_row(r, 1)?,
            })
        });
        Ok(row.optional()?)
    }

    /// The key of every project in the cache.
    pub fn project_keys(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT key FROM projects")?;
        let keys = stmt.query_map([], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// The keys of projects this cache held and an import removed (its
    /// record of changes): a note for one of them has lost its project,
    /// a note for a project never here belongs to another cache.
    pub fn removed_keys(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM changes WHERE kind = 'removed'")?;
        let keys = stmt.query_map([], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// How many projects the cache holds: as the newest import counted them
    /// when it kept the count (counting reads every project's row).
    pub fn project_count(&self) -> Result<usize> {
        if let Some(count) = self.counted_projects()? {
            return Ok(count);
        }
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
        Ok(count as usize)
    }

    /// One project by diarienummer or key, written in any case.
    pub fn project(&self, id: &str) -> Result<StoredProject> {
        let Some((key, project, source, name_key, owner_key)) = self.project_row(id)? else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        let records = self.records_of(&key)?;
        let mut stored = StoredProject {
            project,
            source,
            articles: self.articles_about(name_key.as_deref(), owner_key.as_deref())?,
            sources: records.iter().map(|r| r.path.clone()).collect(),
            field_sources: Default::default(),
            source_fields: Vec::new(),
            kohesio: None,
            linked: Vec::new(),
            filled_from: Default::default(),
            key,
        };
        let (names, owners) = (name_key.as_deref(), owner_key.as_deref());
        let mut all = records;
        all.extend(self.add_pages(&mut stored, names, owners)?);
        all.extend(self.article_records(names, owners)?);
        let mut seen = std::collections::HashSet::new();
        all.retain(|r| seen.insert(r.path.clone()));
        let field_sources = crate::model::field_sources::field_sources(
            all.iter().map(|r| (r.path.as_str(), &r.project)),
        );
        stored.field_sources = field_sources;
        // Its empty fields from the other sources, the fund's own first:
        // the record's pages and list rows, the Kohesio page, then pages
        // and articles about it (the order `all` is in).
        let others = all.iter().filter(|r| r.path != stored.source);
        stored.filled_from = crate::model::filled::fill_empty(
            &mut stored.project,
            others.map(|r| (r.path.as_str(), &r.project)),
        );
        stored.source_fields = all.iter().map(|r| r.fields(&stored.filled_from)).collect();
        Ok(stored)
    }

    /// The project's row: the key exactly as given (the browser's, or one
    /// esf showed), then as a diarienummer or made key, then in any case
    /// (which reads every project: a second at a million, so last).
    fn project_row(&self, id: &str) -> Result<Option<ProjectRow>> {
        let select = |which: &str, value: &str| -> Result<Option<ProjectRow>> {
            let sql = format!(
                "SELECT p.key, r.record, r.description, d.path, p.name_key, p.owner_key
                 FROM projects p JOIN documents d ON d.id = p.document_id
                 JOIN records r ON r.document_id = p.document_id
                 WHERE {which} LIMIT 1"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let row = stmt.query_row([value], |r| {
                let project = super::stored_record::from_row(r, 1)?;
                Ok((r.get(0)?, project, r.get(3)?, r.get(4)?, r.get(5)?))
            });
            Ok(row.optional()?)
        };
        if let Some(row) = select("p.key = ?1", id.trim())? {
            return Ok(Some(row));
        }
        if let Some(row) = select("p.key = ?1", &key_typed(id))? {
            return Ok(Some(row));
        }
        select("p.key = ?1 COLLATE NOCASE", id.trim())
    }

    /// The records of the articles about a project (by name and owner).
    fn article_records(
        &self,
        name: Option<&str>,
        owner: Option<&str>,
    ) -> Result<Vec<SourceRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.record, r.description, d.path, d.format FROM records r
             JOIN documents d ON d.id = r.document_id
             WHERE r.from_article = 1 AND d.format = 'article'
               AND r.name_key IS ?1 AND r.owner_key IS ?2 ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![name, owner], |r| {
            Ok(SourceRecord {
                project: super::stored_record::from_row(r, 0)?,
                path: r.get(2)?,
                kind: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn articles_about(&self, name: Option<&str>, owner: Option<&str>) -> Result<Vec<ArticleRef>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.title, a.body, d.path FROM articles a JOIN documents d ON d.id = a.document_id
             WHERE a.name_key IS ?1 AND a.owner_key IS ?2 ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![name, owner], |r| {
            Ok(ArticleRef {
                title: r.get(0)?,
                body: r.get(1)?,
                source: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every record of a project with its file, in the order the shown
    /// one is chosen (pages, then lists' rows, the newest first).
    fn records_of(&self, key: &str) -> Result<Vec<SourceRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.record, r.description, d.path, d.format FROM records r
             JOIN documents d ON d.id = r.document_id
             WHERE r.project_key = ?1
             ORDER BY r.from_article, d.list_id IS NOT NULL, r.modified_at DESC, d.path DESC",
        )?;
        let rows = stmt.query_map([key], |r| {
            Ok(SourceRecord {
                project: super::stored_record::from_row(r, 0)?,
                path: r.get(2)?,
                kind: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full-text search; every word must occur (diacritics ignored).
    pub fn search(&self, words: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut hits = self.search_texts(words, limit)?;
        // A diarienummer typed as the words: that project first.
        if let Some(mut named) = self.hit_by_id(words)? {
            // Ranked above every text (BM25: lower is better).
            named.rank = hits.iter().map(|h| h.rank).fold(0.0, f64::min) - 1.0;
            hits.retain(|h| h.key != named.key);
            hits.insert(0, named);
            hits.truncate(limit);
        }
        Ok(hits)
    }

    /// The project whose diarienummer or key `words` is, as a hit.
    fn hit_by_id(&self, words: &str) -> Result<Option<SearchHit>> {
        let id = words.trim();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Ok(None);
        }
        let found = match self.summary_of(id)? {
            Some(found) => Some(found),
            None => self.summary_of(&key_typed(id))?,
        };
        let (start, end) = (
            crate::search::snippet::MARK_START,
            crate::search::snippet::MARK_END,
        );
        Ok(found.map(|p| SearchHit {
            snippet: format!("{start}{}{end}", p.shown_id()),
            id: p.id,
            by_id: true,
            key: p.key,
            name: p.name,
            owner: p.owner,
            rank: 0.0,
        }))
    }

    fn search_texts(&self, words: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let query = fts_query(words);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        // A word in very many texts is listed in the cache's order.
        let order = match self.rankable(words)? {
            true => "ORDER BY bm25(project_fts)",
            false => "",
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT p.key, p.name, p.owner,
                    snippet(project_fts, -1, char(2), char(3), ' … ', 12), bm25(project_fts), p.id
             FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
             WHERE project_fts MATCH ?1 {order} LIMIT ?2"
        ))?;
        // SQLite takes -1 for no limit.
        let limit = i64::try_from(limit).unwrap_or(-1);
        let rows = stmt.query_map(params![query, limit], |r| {
            Ok(SearchHit {
                key: r.get(0)?,
                name: r.get(1)?,
                owner: r.get(2)?,
                snippet: r.get(3)?,
                rank: r.get(4)?,
                id: r.get(5)?,
                by_id: false,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keys of the projects whose texts hold every word of `words` (by
    /// stem, as `search` finds them): the best `ranked` by BM25 first (when
    /// they are few enough to rank; else the first found),
    /// then, with `rest`, every other in the cache's order (ranking a
    /// common word's every match would take seconds at a million).
    pub fn text_matches(&self, words: &str, ranked: usize, rest: bool) -> Result<Vec<String>> {
        let select =
            "SELECT p.key FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid";
        self.text_hits(select, words, ranked, rest)
    }

    /// [`Store::text_matches`] as the projects' rows: no project is read.
    pub fn text_match_rows(&self, words: &str, ranked: usize, rest: bool) -> Result<Vec<i64>> {
        self.text_hits("SELECT rowid FROM project_fts", words, ranked, rest)
    }

    fn text_hits<T>(&self, select: &str, words: &str, ranked: usize, rest: bool) -> Result<Vec<T>>
    where
        T: rusqlite::types::FromSql + Eq + std::hash::Hash + Clone,
    {
        if fts_query(words).is_empty() {
            return Ok(Vec::new());
        }
        let (query, order) = match self.rankable(words)? {
            true => (fts_query(words), "ORDER BY bm25(project_fts)"),
            false => (self.words_of_prefixes(words)?, ""),
        };
        let sql = format!("{select} WHERE project_fts MATCH ?1 {order} LIMIT ?2");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let limit = ranked.min(i64::MAX as usize) as i64;
        let rows = stmt.query_map(params![query, limit], |r| r.get(0))?;
        let mut hits: Vec<T> = rows.collect::<rusqlite::Result<_>>()?;
        if !rest || hits.len() < ranked {
            return Ok(hits);
        }
        let best: std::collections::HashSet<T> = hits.iter().cloned().collect();
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{select} WHERE project_fts MATCH ?1"))?;
        for hit in stmt.query_map([query], |r| r.get::<_, T>(0))? {
            let hit = hit?;
            if !best.contains(&hit) {
                hits.push(hit);
            }
        }
        Ok(hits)
    }

    /// Are a query's matches few enough to rank (no more than
    /// [`RANK_UP_TO`])? Told from how many texts hold each word (a word's
    /// forms summed: an upper bound), without reading the matches.
    fn rankable(&self, words: &str) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc FROM project_fts_words WHERE term >= ?1 AND term < ?2")?;
        for stem in crate::search::stem::stems(words) {
            let stem = crate::search::fold(&stem);
            // One or two letters are looked for whole (see fts_query).
            let end = match stem.chars().count() {
                1 | 2 => format!("{stem}\0"),
                _ => format!("{stem}\u{10FFFF}"),
            };
            // Counted only until there are too many: each form's count
            // is a pass over the texts holding it (a common word's forms
            // took 0.4 s at a million projects).
            let mut texts = 0;
            let mut forms = stmt.query(params![stem, end])?;
            while let Some(form) = forms.next()? {
                texts += form.get::<_, i64>(0)?;
                if texts > RANK_UP_TO as i64 {
                    break;
                }
            }
            if texts <= RANK_UP_TO as i64 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// A project's texts as the full-text index reads them: description
    /// first, then name, owner and organisations (those present).
    pub fn texts_of(&self, key: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT description, name, owner, organisations FROM project_fts_content
             WHERE id = (SELECT rowid_ FROM projects WHERE key = ?1)",
        )?;
        let mut rows = stmt.query([key])?;
        let Some(row) = rows.next()? else {
            return Ok(Vec::new());
        };
        let mut texts = Vec::new();
        for column in 0..4 {
            texts.extend(row.get::<_, Option<String>>(column)?);
        }
        Ok(texts)
    }
}

/// A document's record about a project, with its file and kind.
pub(super) struct SourceRecord {
    pub path: String,
    /// The document's format, or a linked page's kind.
    pub kind: String,
    pub project: crate::model::Project,
}

impl SourceRecord {
    fn fields(
        &self,
        filled: &crate::model::filled::FilledFrom,
    ) -> crate::model::field_sources::SourceFields {
        let fields = crate::model::field_sources::given(&self.project);
        let from_here = |f: &&str| filled.get(*f).is_some_and(|s| *s == self.path);
        crate::model::field_sources::SourceFields {
            source: self.path.clone(),
            kind: self.kind.clone(),
            filled: fields.iter().copied().filter(from_here).collect(),
            fields,
        }
    }
}
