//! Instructions per `validate` call, for callgrind: `validate` on each payload of a JSON file
//! of samples (`{"kind": ["payload", ...], ...}`, as bench/invalid-samples.mjs writes them)
//! repeated `reps` times, inside [`run`] alone so that callgrind can count just that:
//!
//! ```sh
//! cargo build --release --example calls
//! valgrind --tool=callgrind --toggle-collect='calls::run' target/release/examples/calls \
//!   target/bench/invalid-samples.json bad-uuid 20
//! ```
//!
//! Ir ÷ (payloads × reps) is the cost of one call; it prints the divisor. `all` runs every kind.

use cc_number_events::{validate, ValidateOptions};
use std::hint::black_box;

#[inline(never)]
fn run(payloads: &[&str], reps: usize, options: &ValidateOptions) -> usize {
    let mut valid = 0;
    for _ in 0..reps {
        for p in payloads {
            valid += usize::from(black_box(validate(black_box(p), options)).valid);
        }
    }
    valid
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (path, kind) = (&args[1], &args[2]);
    let reps: usize = args.get(3).map_or(10, |r| r.parse().expect("reps"));
    let text = std::fs::read_to_string(path).expect("samples file");
    let samples: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&text).expect("samples JSON");
    let payloads: Vec<&str> = samples
        .iter()
        .filter(|(k, _)| kind == "all" || *k == kind)
        .flat_map(|(_, v)| v.iter().map(String::as_str))
        .collect();
    let options = ValidateOptions::default();
    let valid = run(&payloads, reps, &options);
    println!("calls={} valid={valid}", payloads.len() * reps);
}
