//! The command line's table of `esf list` at 100,000 rows: esf's own
//! table against comfy-table, to decide whether the crate can take over.
//! Both fit the same rows to 80 columns, one line per row, cut with "…";
//! into a pipe, esf's writes cells whole and comfy-table is given no
//! width. `cargo bench --bench table`

use comfy_table::{ContentArrangement, Row, Table as Comfy};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use esf_browser::present::table::Table;
use std::hint::black_box;

const HEADERS: [&str; 5] = ["ID", "NAME", "OWNER", "REGION", "PERIOD"];

/// Rows like `esf list`'s: names and owners of varied length, a few long.
fn rows(n: usize) -> Vec<Vec<String>> {
    let words = [
        "Arbete",
        "Framtid",
        "Väg",
        "Inkluderande",
        "rehabilitering",
        "Nya",
        "steg",
    ];
    let owners = [
        "Arbetsförmedlingen",
        "Göteborgs Stad, Social resursförvaltning",
        "Vellinge kommun",
    ];
    let regions = ["Västsverige", "Sydsverige", "Stockholm", "Övre Norrland"];
    (0..n)
        .map(|i| {
            let name: Vec<&str> = (0..2 + i % 5)
                .map(|k| words[(i + k * 3) % words.len()])
                .collect();
            vec![
                format!("20{:02}/{:05}", 14 + i % 10, i),
                name.join(" "),
                owners[i % owners.len()].to_string(),
                regions[i % regions.len()].to_string(),
                "2016-02-01 – 2019-01-31".to_string(),
            ]
        })
        .collect()
}

fn esf(rows: &[Vec<String>], width: Option<usize>) -> usize {
    let mut table = Table::new(&HEADERS).flexible(&[1, 2]);
    for row in rows {
        table.row(row.clone());
    }
    table.render(width, false).len()
}

fn comfy(rows: &[Vec<String>], width: Option<usize>) -> usize {
    let mut table = Comfy::new();
    table.load_style(comfy_table::presets::NOTHING);
    table.set_header(HEADERS.to_vec());
    if let Some(w) = width {
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(w as u16);
        table.set_truncation_indicator("…");
    }
    for row in rows {
        let mut r = Row::from(row.clone());
        r.max_height(1);
        table.add_row(r);
    }
    table.to_string().len()
}

fn tables(c: &mut Criterion) {
    let rows = rows(100_000);
    let mut group = c.benchmark_group("list table, 100,000 rows");
    group.sample_size(10);
    for (name, width) in [("80 columns", Some(80)), ("pipe", None)] {
        group.bench_with_input(BenchmarkId::new("esf", name), &width, |b, &w| {
            b.iter(|| black_box(esf(&rows, w)))
        });
        group.bench_with_input(BenchmarkId::new("comfy-table", name), &width, |b, &w| {
            b.iter(|| black_box(comfy(&rows, w)))
        });
    }
    group.finish();
}

criterion_group!(benches, tables);
criterion_main!(benches);
