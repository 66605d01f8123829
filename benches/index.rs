//! The search index a command reads from the cache: decoding it, and
//! "did you mean" compared with every key, on generated projects.
//! `cargo bench --bench index` (ESF_BENCH_SIZES=10000 for a quick run).

use criterion::{criterion_group, criterion_main, Criterion};
use esf_browser::catalogue::{Catalogue, Searchable};
use esf_browser::gen::{self, Pool};
use esf_browser::search::index::SearchIndex;
use esf_browser::search::similar;
use std::hint::black_box;
use std::time::Duration;

fn sizes() -> Vec<usize> {
    std::env::var("ESF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000])
}

/// The index an import would write for `n` generated projects.
fn stored(n: usize) -> Vec<u8> {
    let pool = Pool::new(1);
    let cat = Catalogue::new(
        (0..n)
            .map(|i| gen::summary(&gen::project(&pool, 1, i)))
            .collect(),
    );
    let keys: Vec<&str> = (0..n).map(|i| cat.key_at(i)).collect();
    let rowids: Vec<i64> = (1..=n as i64).collect();
    let columns = esf_browser::search::columns::Columns::of(&cat.projects, &cat.fields);
    SearchIndex::write_parts(&cat.fields, &keys, &rowids, &columns, Vec::new()).expect("in memory")
}

fn index(c: &mut Criterion) {
    for n in sizes() {
        let data = stored(n);
        let size = data.len() as u64;
        let mut group = c.benchmark_group(format!("index/{n}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        group.bench_function("read", |b| {
            b.iter(|| black_box(SearchIndex::read_from(&data[..], size).map(|i| i.keys.len())))
        });
        let index = SearchIndex::read_from(&data[..], size).expect("an index");
        let keys = &index.keys;
        group.bench_function("did you mean", |b| {
            b.iter(|| {
                let found = similar::similar_keys("2014/00123-x", 3, keys.len(), &|i| keys.key(i));
                black_box(found)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, index);
criterion_main!(benches);
