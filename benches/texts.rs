//! The search box's text matches: time from a query to the first page the
//! browser shows (ranked keys and their snippets) and to every match, on
//! generated caches of 100,000 projects (`ESF_BENCH_SIZES`), or on a cache
//! filled beforehand with `esf --db PATH gen --count 1000000`
//! (`ESF_BENCH_DB=PATH`). `cargo bench --bench texts`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use esf_browser::catalogue::texts as text_search;
use esf_browser::gen::{self, Pool};
use esf_browser::store::Store;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const QUERIES: &[&str] = &[
    // In most descriptions, in some, in few; two words; nowhere.
    "jämställdhet",
    "arbetsträning",
    "lågaffektivt",
    "psykisk ohälsa",
    "qxzjv",
];

fn sizes() -> Vec<usize> {
    std::env::var("ESF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000])
}

/// (a name for the group, the cache, a folder to remove afterwards).
fn caches() -> Vec<(String, Store, Option<tempfile::TempDir>)> {
    if let Ok(path) = std::env::var("ESF_BENCH_DB") {
        let store = Store::open(&PathBuf::from(&path)).expect("the cache").store;
        let n = store.project_count().expect("a count");
        return vec![(n.to_string(), store, None)];
    }
    sizes()
        .into_iter()
        .map(|n| {
            let dir = tempfile::tempdir().expect("a folder");
            let mut store = Store::open(&dir.path().join("cache.sqlite"))
                .expect("a cache")
                .store;
            let pool = Pool::new(1);
            let records = (0..n).map(|i| {
                let p = gen::project(&pool, 1, i);
                (format!("gen:1/{i}"), p.format, gen::to_record(&p))
            });
            store
                .bulk_load(records, esf_browser::import::index::new_index, &mut |_| {})
                .expect("filled");
            (n.to_string(), store, Some(dir))
        })
        .collect()
}

fn texts(c: &mut Criterion) {
    for (n, store, _dir) in caches() {
        let mut group = c.benchmark_group(format!("texts/{n}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        for q in QUERIES {
            group.bench_with_input(BenchmarkId::new("first page", q), q, |b, q| {
                b.iter(|| black_box(text_search::first_page(&store, q).found.len()))
            });
            group.bench_with_input(BenchmarkId::new("every match", q), q, |b, q| {
                b.iter(|| black_box(text_search::answer(&store, q).found.len()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, texts);
criterion_main!(benches);
