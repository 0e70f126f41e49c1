//! `serde_json` of every fixture's report (`tests/fixtures/validate/`) and summary
//! (`tests/fixtures/summarize/`, with its Markdown and CSV) against its reviewed JSON in
//! `tests/golden-json/`. `tests/js/json-golden.test.mjs` holds what the npm package returns to
//! the same files, so the Rust types serialize to exactly what JavaScript gets.
//!
//! The files are pretty-printed for review, and compared byte for byte: member order is part
//! of the promise (it is the order `JSON.stringify` of the package's objects writes).
//! After an intended change, `UPDATE_GOLDEN=1 cargo test --test json_golden` rewrites them;
//! review the diff before committing it.
#![cfg(feature = "serde")]

use cc_number_events::{summarize, validate, SummarizeOptions, ValidateOptions};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Each fixture in `tests/fixtures/<kind>` (skipping reviewed outputs), sorted.
fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut names: Vec<_> = fs::read_dir(root().join("fixtures").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e != "expected" && e != "rendered")
        })
        .collect();
    names.sort();
    names
}

/// Compares (or, with `UPDATE_GOLDEN`, writes) each `(fixture, JSON)` pair against
/// `tests/golden-json/<kind>/<stem>.json`; fails on any difference and on golden files no
/// fixture has.
fn check(kind: &str, outputs: Vec<(PathBuf, String)>) {
    let dir = root().join("golden-json").join(kind);
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update {
        fs::create_dir_all(&dir).unwrap();
    }
    let mut failures = Vec::new();
    let mut wanted = Vec::new();
    for (input, json) in &outputs {
        let name = format!("{}.json", input.file_stem().unwrap().to_string_lossy());
        let path = dir.join(&name);
        wanted.push(name.clone());
        let json = format!("{json}\n");
        if update {
            fs::write(&path, &json).unwrap();
        } else if fs::read_to_string(&path).ok().as_ref() != Some(&json) {
            failures.push(name);
        }
    }
    let stale: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !wanted.contains(n))
        .collect();
    assert!(
        stale.is_empty(),
        "golden files without a fixture: {stale:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} differ from tests/golden-json/{kind}/ (UPDATE_GOLDEN=1 to rewrite, then \
         review): {failures:?}",
        failures.len(),
        outputs.len()
    );
}

#[test]
fn every_report_serializes_to_its_reviewed_json() {
    let outputs: Vec<_> = fixtures("validate")
        .into_iter()
        .map(|input| {
            let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
            let options = ValidateOptions {
                strict: stem.contains(".strict"),
                ..ValidateOptions::default()
            };
            let report = validate(fs::read(&input).unwrap(), &options);
            let json = serde_json::to_string_pretty(&report).unwrap();
            (input, json)
        })
        .collect();
    assert!(outputs.len() >= 40, "only {} fixtures", outputs.len());
    check("validate", outputs);
}

#[test]
fn every_summary_serializes_to_its_reviewed_json() {
    let options = SummarizeOptions {
        markdown: true,
        csv: true,
        ..SummarizeOptions::default()
    };
    let outputs: Vec<_> = fixtures("summarize")
        .into_iter()
        .map(|input| {
            let summary = summarize(fs::read(&input).unwrap(), &options);
            (input, serde_json::to_string_pretty(&summary).unwrap())
        })
        .collect();
    assert!(outputs.len() >= 4, "only {} fixtures", outputs.len());
    check("summarize", outputs);
}

/// Present members only where today's JSON has them: no `null` stands in for an absent
/// optional member, except where the type says `null` (a problem's `index`, a change's
/// `from`).
#[test]
fn absent_members_are_left_out_not_null() {
    let report = validate(
        fs::read(root().join("fixtures/validate/webhook-created.json")).unwrap(),
        &ValidateOptions::default(),
    );
    let json = serde_json::to_value(&report).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert!(!keys(&json).contains(&"text".to_string()), "{json}");
    assert!(!json.to_string().contains("null"), "{json}");
    let broken = summarize(b"{\"uuid\": 1", &SummarizeOptions::default());
    let json = serde_json::to_value(&broken).unwrap();
    assert_eq!(json["problems"][0]["index"], 0, "{json}");
    assert!(!keys(&json).contains(&"markdown".to_string()), "{json}");
    // A problem with the input as a whole belongs to no item.
    let defaults = SummarizeOptions::default();
    let too_large = SummarizeOptions {
        item: ValidateOptions {
            max_input_bytes: 1,
            ..defaults.item.clone()
        },
        ..defaults
    };
    let json = serde_json::to_value(summarize(b"[1]", &too_large)).unwrap();
    assert!(json["problems"][0]["index"].is_null(), "{json}");
}
