//! `esf gen`: a synthetic corpus, written as documents or straight into a
//! cache, for benchmarks (see scripts/bench-all.sh).

use super::Context;
use crate::cli::GenArgs;
use crate::gen::{self, Pool};
use crate::i18n::{t, tf};
use anyhow::{bail, Context as _};
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Context, args: &GenArgs) -> anyhow::Result<ExitCode> {
    let (count, seed) = (args.count, args.seed);
    let pool = Pool::new(seed);
    match (args.out.as_deref(), &ctx.db) {
        (Some(dir), _) if args.list => write_list(&pool, count, dir, seed)?,
        (Some(dir), _) => write_documents(&pool, count, dir, seed)?,
        (None, Some(_)) => fill_cache(ctx, &pool, count, seed)?,
        (None, None) => bail!(t(
            "give --out DIR to write documents, or --db PATH to fill a cache"
        )),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one project list, `project-list.csv`, in `dir`.
fn write_list(pool: &Pool, count: usize, dir: &Path, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let path = dir.join("project-list.csv");
    let file = std::fs::File::create(&path).with_context(|| path.display().to_string())?;
    gen::write_fund_list(pool, seed, count, file).with_context(|| path.display().to_string())?;
    let path = path.display();
    crate::say!(
        "esf: {}",
        tf("wrote a list of {} projects to {}", &[&count, &path])
    );
    Ok(())
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
    let projects = store.bulk_load(records, crate::import::index::new_index, &mut |_| {})?;
    crate::say!(
        "esf: {}",
        tf("the cache now holds {} projects", &[&projects])
    );
    Ok(())
}
