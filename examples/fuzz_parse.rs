//! A time-boxed mutation fuzzer for the parser, on stable Rust:
//!
//!     cargo run --release --example fuzz_parse -- [SECONDS] [SEED]
//!
//! It mutates the sample documents and the saved regression cases (bytes
//! flipped, inserted, deleted, repeated, spliced between documents) and
//! parses each result. An input that panics is written to
//! `tests/fixtures/regressions/` (which `cargo test` parses on every run)
//! and the run ends with a failure.

use esf_browser::gen::rng::Rng;
use std::path::Path;
use std::time::{Duration, Instant};

const REGRESSIONS: &str = "tests/fixtures/regressions";

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let inputs = starting_inputs();
    let mut rng = Rng::new(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    std::panic::set_hook(Box::new(|_| {}));
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let input = mutate(&inputs, &mut rng);
        let parsed =
            std::panic::catch_unwind(|| esf_browser::ingest::parse_bytes("fuzz.txt", &input));
        runs += 1;
        if parsed.is_err() {
            let name = format!("{REGRESSIONS}/crash-{seed}-{runs}.bin");
            std::fs::write(&name, &input).expect("writing the crashing input");
            eprintln!("the parser panicked; input saved as {name}");
            std::process::exit(1);
        }
    }
    println!("{runs} inputs in {seconds} s, no panic (seed {seed})");
}

fn starting_inputs() -> Vec<Vec<u8>> {
    let mut inputs = Vec::new();
    for dir in ["assets/corpus", REGRESSIONS, "tests/fixtures/unseen"] {
        let Ok(entries) = std::fs::read_dir(Path::new(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                inputs.push(bytes);
            }
        }
    }
    assert!(!inputs.is_empty(), "run from the project folder");
    inputs
}

fn mutate(inputs: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = rng.pick(inputs).clone();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 => bytes.insert(at, rng.below(256) as u8),
            2 if at < bytes.len() => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(bytes.len());
                let piece = bytes[at..end].repeat(1 + rng.below(64));
                bytes.splice(at..at, piece);
            }
            4 => {
                let other = rng.pick(inputs);
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(256)).min(other.len());
                bytes.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                let special: &[&[u8]] = &[
                    b":",
                    b"\n",
                    b"\r",
                    b"\xEF\xBB\xBF",
                    b"\xFF\xFE",
                    b"\xC3",
                    b"\x1b[",
                    b"\xE2\x80\xAE",
                ];
                bytes.splice(at..at, rng.pick(special).iter().copied());
            }
        }
    }
    bytes
}
