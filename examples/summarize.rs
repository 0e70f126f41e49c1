//! Instructions per `summarize` of a log, for callgrind: the first `lines` lines of an NDJSON
//! log (all when left out), summarized `reps` times inside [`run`] alone:
//!
//! ```sh
//! cargo build --release --example summarize
//! valgrind --tool=callgrind --toggle-collect='summarize::run' target/release/examples/summarize \
//!   target/bench/log-real.ndjson 4000 1
//! ```
//!
//! Ir ÷ (lines × reps) is the cost of one item, the summary's lists and renderings included.

use cc_number_events::{summarize, SummarizeOptions};
use std::hint::black_box;

#[inline(never)]
fn run(log: &str, reps: usize, options: &SummarizeOptions) -> usize {
    let mut valid = 0;
    for _ in 0..reps {
        valid += black_box(summarize(black_box(log), options)).valid;
    }
    valid
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("log file");
    let lines: usize = args
        .get(2)
        .map_or(usize::MAX, |n| n.parse().expect("lines"));
    let reps: usize = args.get(3).map_or(1, |r| r.parse().expect("reps"));
    let end = text
        .match_indices('\n')
        .nth(lines.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i + 1);
    let log = &text[..end];
    let n = log.lines().count();
    let valid = run(log, reps, &SummarizeOptions::default());
    println!(
        "{n} lines × {reps}: divide Ir by {}; {valid} valid",
        n * reps
    );
}
