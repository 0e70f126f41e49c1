//! Instructions per `validate` call, for callgrind: `validate` on each payload of one kind in
//! bench/samples.mjs's file (`{"kind": ["payload", ...], ...}`: each defect kind of issue #12's
//! invalid corpus, and the valid corpora `real`, `added-field`, `doc-sample`), repeated `reps`
//! times, inside [`run`] alone so that callgrind can count just that:
//!
//! ```sh
//! node bench/samples.mjs
//! cargo build --release --example calls
//! valgrind --tool=callgrind --toggle-collect='calls::run' target/release/examples/calls \
//!   target/bench/samples.json bad-uuid 5
//! ```
//!
//! Ir ÷ (payloads × reps) is the cost of one call; it prints the divisor. The kind `invalid`
//! runs every defect kind. With `lane` after the reps, each call is instead the Rust part of
//! the JavaScript lane, `validate_fast_or` (no owned event or report for a valid payload):
//! `--toggle-collect='calls::lane'`. With `encode`, each call is what the lane answers a
//! payload with, its warnings encoded for JavaScript (`fast_report` and `issues`, without the
//! strings JavaScript holds): `--toggle-collect='calls::encode'`.

#[cfg(feature = "serde")]
use cc_number_events::__private::{fast_report, issues, Values};
use cc_number_events::__private::{validate_fast_or, FoundIssue};
use cc_number_events::{validate, ValidateOptions};
use std::hint::black_box;

/// The valid corpora among the kinds.
const VALID: [&str; 3] = ["real", "added-field", "doc-sample"];

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

/// [`run`] through `validate_fast_or`, as the JavaScript lane reads a payload: a valid one's
/// warnings as issue templates, held from call to call (with the `serde` feature, which has
/// them).
#[inline(never)]
fn lane(payloads: &[&str], reps: usize, options: &ValidateOptions) -> usize {
    #[cfg(feature = "serde")]
    let mut templates = cc_number_events::__private::Templates::default();
    let mut out: Vec<cc_number_events::__private::Templated> = Vec::new();
    // Known before the call, as JavaScript knows it (every UTF-16 unit written as one byte).
    let ascii: Vec<bool> = payloads.iter().map(|p| p.is_ascii()).collect();
    let mut valid = 0;
    for _ in 0..reps {
        for (p, &ascii) in payloads.iter().zip(&ascii) {
            #[cfg(feature = "serde")]
            let memo = Some(cc_number_events::__private::Templating {
                memo: &mut templates,
                out: &mut out,
                ascii,
            });
            #[cfg(not(feature = "serde"))]
            let memo = {
                let _ = ascii;
                None
            };
            let read =
                validate_fast_or::<_, FoundIssue>(black_box(p), options, |e| e.uuid.len(), memo);
            valid += usize::from(black_box(read).is_ok());
            out.clear();
        }
    }
    valid
}

/// [`run`] as the lane answers: the report's values as spans, its warnings encoded (the
/// encodings exist with the `serde` feature only).
#[cfg(feature = "serde")]
#[inline(never)]
fn encode(payloads: &[&str], reps: usize, options: &ValidateOptions) -> usize {
    let mut valid = 0;
    for _ in 0..reps {
        for p in payloads {
            let ascii = p.is_ascii();
            if let Ok((spans, warnings)) = fast_report(black_box(p), options, ascii, Values::Sliced)
            {
                black_box((spans, issues(&warnings)));
                valid += 1;
            }
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
        .filter(|(k, _)| *k == kind || kind == "invalid" && !VALID.contains(&k.as_str()))
        .flat_map(|(_, v)| v.iter().map(String::as_str))
        .collect();
    let options = ValidateOptions::default();
    let valid = match args.get(4).map(String::as_str) {
        Some("lane") => lane(&payloads, reps, &options),
        #[cfg(feature = "serde")]
        Some("encode") => encode(&payloads, reps, &options),
        _ => run(&payloads, reps, &options),
    };
    println!("calls={} valid={valid}", payloads.len() * reps);
}
