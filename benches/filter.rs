//! The fuzzy filter: time from a query to ranked results, on 100,000 and
//! 1,000,000 generated projects, for the queries a caseworker types.
//! `cargo bench --bench filter` (ESF_BENCH_SIZES=10000 for a quick run).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
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
            // Each query as if typed after the one before it (narrowing).
            let typed_after = QUERIES
                .iter()
                .position(|x| x == q)
                .and_then(|i| i.checked_sub(1))
                .map(|i| QUERIES[i]);
            group.bench_with_input(BenchmarkId::new("typed", q), q, |b, q| {
                b.iter_batched(
                    || {
                        cat.haystacks.forget();
                        if let Some(previous) = typed_after {
                            cat.filter(previous);
                        }
                    },
                    |_| black_box(cat.filter(q).len()),
                    BatchSize::PerIteration,
                )
            });
            group.bench_with_input(BenchmarkId::new("fresh", q), q, |b, q| {
                b.iter(|| {
                    cat.haystacks.forget();
                    black_box(cat.filter(q).len())
                })
            });
            group.bench_with_input(BenchmarkId::new("naive", q), q, |b, q| {
                b.iter(|| black_box(cat.haystacks.naive_filter(q).len()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, filter);
criterion_main!(benches);
