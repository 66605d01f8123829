//! The search box over fields: time from a query to ranked results, on 100,000 and
//! 1,000,000 generated projects, for the queries a caseworker types.
//! `cargo bench --bench filter` (ESF_BENCH_SIZES=10000 for a quick run).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use esf_browser::catalogue::Catalogue;
use esf_browser::gen::{self, Pool};
use std::hint::black_box;
use std::time::Duration;

const QUERIES: &[&str] = &[
    "i",
    "in",
    "ink",
    "inkl",
    "inklu",
    "inkluderande reh",
    "qxzjv",
    // A typo, a field, an exclusion and an either.
    "inkluderade",
    "org:arbetsförmedlingen",
    "inkl !reh",
    "göteborg | malmö",
];

fn sizes() -> Vec<usize> {
    std::env::var("ESF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000])
}

fn catalogue(n: usize) -> Catalogue {
    let pool = Pool::new(1);
    Catalogue::new(
        (0..n)
            .map(|i| gen::summary(&gen::project(&pool, 1, i)))
            .collect(),
    )
}

fn filter(c: &mut Criterion) {
    for n in sizes() {
        let cat = catalogue(n);
        let mut group = c.benchmark_group(format!("filter/{n}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        for q in QUERIES {
            group.bench_with_input(BenchmarkId::new("query", q), q, |b, q| {
                b.iter(|| black_box(cat.filter(q).len()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, filter);
criterion_main!(benches);
