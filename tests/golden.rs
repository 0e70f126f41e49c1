//! Golden tests: every payload in `tests/fixtures/validate/` against its reviewed `.expected`
//! verdict. The same files are checked through the npm package by `tests/js/golden.test.mjs`,
//! so Rust and JavaScript are pinned to the same codes, paths and positions.
//!
//! After an intended change, `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the files;
//! review the diff before committing it.

use cc_number_events::{validate, Issue, Report, ValidateOptions};
use std::fs;
use std::path::Path;

/// A position as the golden files write it (`-` for none: never, for text input).
fn pos(n: Option<u32>) -> String {
    n.map_or("-".into(), |n| n.to_string())
}

fn render_issue(out: &mut String, i: &Issue) {
    out.push_str(&format!(
        "{} {} {} {}:{} @{}+{} | {}",
        i.severity.as_str(),
        i.code.as_str(),
        if i.path.is_empty() { "(root)" } else { &i.path },
        pos(i.line),
        pos(i.column),
        pos(i.offset),
        pos(i.length),
        i.message
    ));
    if let Some(h) = &i.hint {
        out.push_str(&format!(" | hint: {h}"));
    }
    out.push('\n');
}

/// The verdict as reviewable text; `tests/common/golden.mjs` renders the JS report identically.
fn render(r: &Report, strict: bool) -> String {
    let mut out = format!(
        "valid: {}\nkind: {}\ndelivery: {}\n",
        r.valid,
        r.kind.as_str(),
        r.delivery.as_str()
    );
    if strict {
        out.insert_str(0, "options: strict\n");
    }
    for i in r.errors.iter().chain(&r.warnings) {
        render_issue(&mut out, i);
    }
    if let Some(fr) = &r.frame {
        out.push_str(&format!(
            "frame: {} | {}\n",
            fr.frame_type.as_str(),
            fr.sentence
        ));
    }
    if let Some(c) = &r.change {
        out.push_str(&format!(
            "change: {} {} | {}\n",
            c.action,
            c.effect.as_str(),
            c.sentence
        ));
    }
    out
}

#[test]
fn every_fixture_matches_its_reviewed_verdict() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for input in &names {
        let bytes = fs::read(input).unwrap();
        let stem = input.file_stem().unwrap().to_string_lossy().to_string();
        // A fixture whose name contains `.strict` is checked in strict mode.
        let strict = stem.contains(".strict");
        let options = ValidateOptions {
            strict,
            ..ValidateOptions::default()
        };
        let got = render(&validate(&bytes, &options), strict);
        let expected_path = input.with_extension("expected");
        if update {
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("--- {stem}\nexpected:\n{expected}got:\n{got}"));
        }
    }
    assert!(names.len() >= 40, "only {} fixtures", names.len());
    assert!(
        failures.is_empty(),
        "{} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
