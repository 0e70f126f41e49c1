//! Native (non-wasm) throughput of the Rust core, on the same corpus as bench/run.mjs.
//!
//! Not a criterion bench: std::time::Instant only, so it adds no dependency. Needs in
//! Cargo.toml:
//!
//! ```toml
//! [[bench]]
//! name = "native"
//! path = "bench/native.rs"
//! harness = false
//! ```
//!
//! Run with `cargo bench --bench native` after `node bench/corpus.mjs` has written
//! target/bench/corpus.ndjson and target/bench/log-10mb.ndjson. Prints one line per case:
//!
//! `native-result case=<name> runs=<n> median_s=<s> events_per_s=<x> mb_per_s=<y> valid=<v> items=<n>`
//!
//! Medians over RUNS timed runs after one warm-up run.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use cc_number_events::{summarize, validate, SummarizeOptions, ValidateOptions};

const RUNS: usize = 5;
/// Each single-notification run repeats the corpus until it has taken at least this long.
const MIN_RUN_SECONDS: f64 = 0.5;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn bench_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CC_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target").join("bench"))
}

fn read(name: &str) -> Vec<u8> {
    let path = bench_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!(
            "native: cannot read {} ({e}); run `node bench/corpus.mjs` first",
            path.display()
        );
        std::process::exit(2);
    })
}

/// Times `f` over every item of `items`, repeated until MIN_RUN_SECONDS; returns seconds
/// per pass over the corpus (median of RUNS).
fn per_pass(items: &[&[u8]], mut f: impl FnMut(&[u8]) -> usize) -> (f64, usize) {
    let mut valid = 0;
    for it in items {
        valid += f(it);
    }
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let mut passes = 0usize;
        loop {
            for it in items {
                black_box(f(black_box(it)));
            }
            passes += 1;
            if start.elapsed().as_secs_f64() >= MIN_RUN_SECONDS {
                break;
            }
        }
        samples.push(start.elapsed().as_secs_f64() / passes as f64);
    }
    (median(samples), valid)
}

fn report(case: &str, seconds: f64, items: usize, bytes: usize, valid: usize) {
    println!(
        "native-result case={case} runs={RUNS} median_s={seconds:.6} events_per_s={:.0} mb_per_s={:.2} valid={valid} items={items}",
        items as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
    );
}

fn main() {
    // `cargo bench` passes `--bench`; accept and ignore any arguments.
    let corpus = read("corpus.ndjson");
    let items: Vec<&[u8]> = corpus
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let bytes: usize = items.iter().map(|l| l.len()).sum();
    let options = ValidateOptions::default();

    let (s, valid) = per_pass(&items, |t| usize::from(validate(t, &options).valid));
    report("validate", s, items.len(), bytes, valid);

    // Validating, then the report written as JSON text (serde_json).
    let (s, valid) = per_pass(&items, |t| {
        let r = validate(t, &options);
        black_box(json_len(&r));
        usize::from(r.valid)
    });
    report("validate+to_json", s, items.len(), bytes, valid);

    let log = read("log-10mb.ndjson");
    let lines = log.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    let options = SummarizeOptions::default();
    for (case, with_json) in [("summarize-10mb", false), ("summarize-10mb+to_json", true)] {
        let mut valid = 0;
        let mut samples = Vec::with_capacity(RUNS);
        for run in 0..=RUNS {
            let start = Instant::now();
            let summary = summarize(black_box(&log), &options);
            if with_json {
                black_box(json_len(&summary));
            }
            let t = start.elapsed().as_secs_f64();
            valid = summary.valid;
            if run > 0 {
                samples.push(t);
            }
        }
        report(case, median(samples), lines, log.len(), valid);
    }
}

fn json_len(value: &impl serde::Serialize) -> usize {
    serde_json::to_string(value).map_or(0, |json| json.len())
}
