//! Parsing speed: each sample document, from bytes to normalised record.
//! `cargo bench --bench parse`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use esf_browser::files::corpus::SAMPLE;
use esf_browser::ingest::parse_bytes;
use std::hint::black_box;

fn parse_samples(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let bytes: usize = SAMPLE.iter().map(|(_, b)| b.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sample corpus (5 documents)", |b| {
        b.iter(|| {
            for (name, content) in SAMPLE {
                black_box(parse_bytes(name, content));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_samples);
criterion_main!(benches);
