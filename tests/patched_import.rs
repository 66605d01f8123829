//! An import into a filled cache patches the organisations' counts, the
//! facet counts and the stored search index for the projects it touched:
//! every answer a reader gives is then the one a cache built from scratch
//! from the same documents gives.

mod common;

use common::{esf_beside, run_checked, Cli};
use std::path::{Path, PathBuf};

fn gen(cli: &Cli, out: &Path, count: &str, seed: &str) {
    let out = out.to_str().unwrap();
    cli.ok(&["gen", "--out", out, "--count", count, "--seed", seed]);
}

/// Every document under `dir`, in a stable order.
fn documents(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        match path.is_dir() {
            true => found.extend(documents(&path)),
            false => found.push(path),
        }
    }
    found.sort();
    found
}

/// The first document whose text holds `text`, with `text` replaced.
fn change(docs: &[PathBuf], text: &str, by: &str) -> PathBuf {
    let doc = docs
        .iter()
        .find(|d| std::fs::read_to_string(d).unwrap().contains(text))
        .unwrap_or_else(|| panic!("no document says {text}"));
    let changed = std::fs::read_to_string(doc).unwrap().replace(text, by);
    std::fs::write(doc, changed).unwrap();
    doc.clone()
}

/// How an import kept the stored search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// Made again from every project.
    Rebuilt,
    /// What the run touched written beside the index, in its tail.
    Tail,
    /// The tail put into the index, written whole.
    Folded,
}

/// Imports `dir` (removing what its gone files gave) into `db`; how the
/// run kept the stored index. With `rebuild`, the index is made from
/// every project, as before patches; `tail_at_most` sets the largest
/// tail kept beside it.
fn import_with(db: &Path, dir: &Path, rebuild: bool, tail_at_most: Option<&str>) -> Kept {
    let mut cmd = esf_beside(db);
    if rebuild {
        cmd.env("ESF_TEST_REBUILD_INDEX", "1");
    }
    if let Some(most) = tail_at_most {
        cmd.env("ESF_TEST_TAIL_AT_MOST", most);
    }
    let out =
        run_checked(
            cmd.env("ESF_PROFILE", "1")
                .args(["import", "--prune", dir.to_str().unwrap()]),
        );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    match (
        said.contains("index tail written"),
        said.contains("stored index patched"),
    ) {
        (true, _) => Kept::Tail,
        (false, true) => Kept::Folded,
        (false, false) => Kept::Rebuilt,
    }
}

fn import(db: &Path, dir: &Path) -> Kept {
    import_with(db, dir, false, None)
}

/// What a reader of `db` answers to `args`: its output and status.
fn answer(db: &Path, args: &[&str]) -> String {
    let out = run_checked(esf_beside(db).args(args));
    format!(
        "{:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Each organisation in a project, with its numbers of projects.
fn organisations(db: &Path) -> Vec<(String, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT name, projects, family_projects FROM organisations
             WHERE projects > 0 OR family_projects > 0 ORDER BY name",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The first lines where two answers differ, with two before them.
fn first_difference(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    let from = at.saturating_sub(2);
    let part = |l: &[&str]| l[from.min(l.len())..(at + 3).min(l.len())].join("\n");
    format!(
        "line {at}\npatched:\n{}\nfrom scratch:\n{}",
        part(&a),
        part(&b)
    )
}

const QUERIES: &[&str] = &[
    "arbete",
    "samordningsförbundet",
    "inkluderande reh",
    "org:arbetsförmedlingen",
    "kommun:lund",
    "kommun:södertälje",
    "owner:kommun",
    "partner:försäkringskassan",
    "region:stockholm",
    "stärkt | digital",
    "vellinge",
    "kommunstyrelsen",
    "212000-1033",
    "Nytt namn",
];

const FACETS: &[&str] = &[
    "region",
    "fund",
    "period",
    "area",
    "objective",
    "phase",
    "municipality",
    "org",
];

/// Every question a reader is asked: the list for each query (as a
/// table and as JSON), each facet's counts, the projects shown, the
/// suggestions for an unknown ID, every project.
fn questions<'a>(shown: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut asked: Vec<Vec<&str>> = Vec::new();
    for q in QUERIES {
        asked.push(vec!["list", "--filter", q, "--json"]);
        asked.push(vec!["list", "--filter", q]);
    }
    for f in FACETS {
        asked.push(vec!["list", "--facet", f, "--json"]);
    }
    for key in shown {
        asked.push(vec!["show", key, "--json"]);
    }
    asked.push(vec!["show", "2021/0000"]);
    asked.push(vec!["show", "Snabare hälsa"]);
    asked.push(vec!["list", "--json"]);
    asked
}

/// Every answer of the patched cache is that of the same cache with its
/// index and counts made from every project, and the organisations'
/// counts are the same.
fn assert_same_answers(patched: &Path, rebuilt: &Path, shown: &[&str]) {
    for args in questions(shown) {
        let (a, b) = (answer(patched, &args), answer(rebuilt, &args));
        assert!(a == b, "esf {args:?}: {}", first_difference(&a, &b));
    }
    same_organisations(patched, rebuilt);
}

/// The organisations' counts are the same in both caches (the first
/// that differs is named).
fn same_organisations(a: &Path, b: &Path) {
    let (a, b) = (organisations(a), organisations(b));
    let differs = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i));
    if let Some(i) = differs {
        panic!(
            "organisations differ: {:?} against {:?}",
            a.get(i),
            b.get(i)
        );
    }
}

/// The keys `list --filter Q --json` gives, in key order (a cache filled
/// at once numbers its rows otherwise, and texts beyond the best ranked
/// come in row order).
fn keys(db: &Path, query: &str) -> Vec<String> {
    let out = run_checked(esf_beside(db).args(["list", "--filter", query, "--json"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let list = list.as_array().cloned().unwrap_or_default();
    let mut keys: Vec<String> = list.iter().map(|p| p["key"].to_string()).collect();
    keys.sort();
    keys
}

/// A copy of `db` whose search index, facet counts and organisations'
/// counts are made from every project (by an import that changes nothing
/// and finds the index out of date).
fn rebuilt_copy(db: &Path, to: &Path, dir: &Path) {
    let _ = std::fs::remove_file(to);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("VACUUM INTO ?1", [to.to_str().unwrap()])
        .unwrap();
    drop(conn);
    let conn = rusqlite::Connection::open(to).unwrap();
    conn.execute_batch(
        "UPDATE search_index SET import = -1;
         UPDATE organisations SET projects = -1, family_projects = -1;",
    )
    .unwrap();
    conn.execute_batch(esf_browser::store::organisations::COUNT_PROJECTS)
        .unwrap();
    drop(conn);
    assert_eq!(import_with(to, dir, true, None), Kept::Rebuilt);
}

/// An answer as a cache filled otherwise gives it too: organisations
/// whose names differ only in case are one, named as the first document
/// read names it, and documents are read in no fixed order.
fn folded(db: &Path, args: &[&str]) -> String {
    let text = answer(db, args).to_lowercase();
    if !args.contains(&"--facet") {
        return text;
    }
    let json = text.split_once('\n').map_or("", |(_, json)| json);
    let counts: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut lines: Vec<String> = (counts.as_array().into_iter().flatten())
        .map(|c| format!("{}\t{}", c["value"], c["projects"]))
        .collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// A cache built from scratch from the same documents finds the same
/// projects for each query, counts each facet and organisation the same
/// and shows the same projects (the names of organisations in any case).
fn assert_same_as_from_scratch(patched: &Path, scratch: &Path, shown: &[&str]) {
    for q in QUERIES {
        assert_eq!(keys(patched, q), keys(scratch, q), "{q}");
    }
    for args in questions(shown) {
        if args[..2] == ["list", "--filter"] {
            continue;
        }
        let (a, b) = (folded(patched, &args), folded(scratch, &args));
        assert!(a == b, "esf {args:?}: {}", first_difference(&a, &b));
    }
    let lower = |db: &Path| {
        let mut orgs: Vec<_> = organisations(db)
            .into_iter()
            .map(|(name, n, f)| (name.to_lowercase(), n, f))
            .collect();
        orgs.sort();
        orgs
    };
    assert_eq!(lower(patched), lower(scratch));
}

#[test]
fn an_import_patches_what_it_touched_and_answers_as_a_rebuild() {
    let cli = Cli::new();
    let dir = cli.dir.path().join("documents");
    gen(&cli, &dir.join("first"), "150", "7");
    for sample in documents(Path::new("assets/corpus")) {
        let to = dir.join("sample").join(sample.file_name().unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&sample, to).unwrap();
    }
    let patched = cli.dir.path().join("patched.sqlite");
    let rebuilt = cli.dir.path().join("rebuilt.sqlite");
    import(&patched, &dir);

    // New projects, changed ones, documents gone, an owner changed, a
    // project moved to another municipality.
    gen(&cli, &dir.join("second"), "25", "99");
    let docs = documents(&dir.join("first"));
    change(
        &docs,
        "Namn:\nSnabbare hälsa +",
        "Namn:\nNytt namn för hälsa",
    );
    change(
        &docs,
        "Projektägare:\nSamordningsförbundet",
        "Projektägare:\nLunds kommun, enheten",
    );
    let moved = change(&docs, "Södertälje", "Lund");
    for gone in &docs[docs.len() - 4..] {
        std::fs::remove_file(gone).unwrap();
    }
    assert_eq!(import(&patched, &dir), Kept::Tail, "the second import");
    rebuilt_copy(&patched, &rebuilt, &dir);
    let scratch = cli.dir.path().join("scratch.sqlite");
    import(&scratch, &dir);
    let moved_key = std::fs::read_to_string(&moved).unwrap();
    let moved_key = moved_key
        .lines()
        .next()
        .unwrap()
        .split(" - ")
        .next()
        .unwrap();
    let shown = ["2021/00001", moved_key];
    assert_same_answers(&patched, &rebuilt, &shown);
    assert_same_as_from_scratch(&patched, &scratch, &shown);

    // Once more, on the patched index: sample documents gone, more new.
    std::fs::remove_file(dir.join("sample/000_3baf275082b782be.txt")).unwrap();
    gen(&cli, &dir.join("third"), "10", "123");
    assert_eq!(import(&patched, &dir), Kept::Tail, "the third import");
    rebuilt_copy(&patched, &rebuilt, &dir);
    let scratch = cli.dir.path().join("scratch-again.sqlite");
    import(&scratch, &dir);
    assert_same_answers(&patched, &rebuilt, &shown);
    assert_same_as_from_scratch(&patched, &scratch, &shown);

    // Organisations made one by their organisationsnummer (Kommunstyrelsen
    // i Vellinge is Vellinge kommun): projects the run did not touch are
    // linked otherwise, and counted and indexed again. (A cache filled at
    // once may not make them one, as which name comes first decides.)
    for doc in documents(Path::new("tests/fixtures/organisations")) {
        let to = dir.join("merged").join(doc.file_name().unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&doc, to).unwrap();
    }
    let kept = import_with(&patched, &dir, false, Some("0"));
    assert_eq!(kept, Kept::Folded, "the fourth import");
    rebuilt_copy(&patched, &rebuilt, &dir);
    assert_same_answers(&patched, &rebuilt, &shown);

    // On the folded index a tail again: a project renamed, one gone, more new.
    let docs = documents(&dir.join("second"));
    change(&docs, "Namn:\n", "Namn:\nÄndrat ");
    std::fs::remove_file(&docs[docs.len() - 1]).unwrap();
    gen(&cli, &dir.join("fifth"), "5", "5");
    assert_eq!(import(&patched, &dir), Kept::Tail, "the fifth import");
    rebuilt_copy(&patched, &rebuilt, &dir);
    assert_same_answers(&patched, &rebuilt, &shown);
}
