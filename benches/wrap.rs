//! Word wrapping of a long description: the browser's own wrap against
//! the textwrap crate (first fit, words broken like ours), to decide
//! whether the crate can take over. `cargo bench --bench wrap`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use esf_browser::tui::wrap::wrap;
use std::hint::black_box;

/// About 70 KB of Swedish prose in paragraphs, like a long description.
fn description() -> String {
    let sentence = "Projektet ska öka övergångarna till arbete för personer som står långt \
        från arbetsmarknaden genom samverkan mellan Försäkringskassan, Arbetsförmedlingen \
        och kommunerna. ";
    (0..400)
        .map(|i| match i % 5 {
            4 => format!("{sentence}\n"),
            _ => sentence.to_string(),
        })
        .collect()
}

fn with_textwrap(text: &str, width: usize) -> usize {
    let options = textwrap::Options::new(width)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    text.split('\n')
        .map(|p| textwrap::wrap(p, &options).len())
        .sum()
}

fn wrapping(c: &mut Criterion) {
    let text = description();
    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for width in [40usize, 76, 120] {
        group.bench_with_input(BenchmarkId::new("esf", width), &width, |b, &w| {
            b.iter(|| black_box(wrap(&text, w).len()))
        });
        group.bench_with_input(BenchmarkId::new("textwrap", width), &width, |b, &w| {
            b.iter(|| black_box(with_textwrap(&text, w)))
        });
    }
    group.finish();
}

criterion_group!(benches, wrapping);
criterion_main!(benches);
