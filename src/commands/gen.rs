//! `esf gen`: a synthetic corpus, written as documents or straight into a
//! cache, for benchmarks (see scripts/bench-all.sh).

use super::Context;
use crate::gen::{self, Pool};
use crate::i18n::{t, tf};
use anyhow::{bail, Context as _};
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Context, count: usize, out: Option<&Path>, seed: u64) -> anyhow::Result<ExitCode> {
    let pool = Pool::new(seed);
    match (out, &ctx.db) {
        (Some(dir), _) => write_documents(&pool, count, dir, seed)?,
        (None, Some(_)) => fill_cache(ctx, &pool, count, seed)?,
        (None, None) => bail!(t(
            "give --out DIR to write documents, or --db PATH to fill a cache"
        )),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the documents on every core.
fn write_documents(pool: &Pool, count: usize, dir: &Path, seed: u64) -> anyhow::Result<()> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || -> anyhow::Result<()> {
                    for index in (w..count).step_by(workers) {
                        let (name, bytes) = gen::render(&gen::project(pool, seed, index), seed);
                        let path = dir.join(name);
                        std::fs::create_dir_all(path.parent().expect("a folder"))?;
                        std::fs::write(&path, bytes).with_context(|| path.display().to_string())?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().expect("a generator thread"))
    })?;
    let dir = dir.display();
    crate::say!(
        "esf: {}",
        tf("wrote {} documents under {}", &[&count, &dir])
    );
    Ok(())
}

fn fill_cache(ctx: &Context, pool: &Pool, count: usize, seed: u64) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let records = (0..count).map(|index| {
        let p = gen::project(pool, seed, index);
        let (name, _) = (format!("gen:{seed}/{index}"), ());
        (name, p.format, gen::to_record(&p))
    });
    let projects = store.bulk_load(records, &mut |_| {})?;
    crate::say!(
        "esf: {}",
        tf("the cache now holds {} projects", &[&projects])
    );
    Ok(())
}
