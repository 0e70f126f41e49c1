//! `validate` on arbitrary bytes: never panics, every issue lies inside the input, and the
//! tree-free fast path gives exactly the parse tree's report.
//! The first byte picks the options (strict, a small depth or issue limit) so that the limit
//! paths are fuzzed too; the rest is the payload.
#![no_main]

use cc_number_events::{parse, validate, validate_tree, Options};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let (opts, payload) = match data.split_first() {
        Some((&b, rest)) if b & 0x80 != 0 => (
            Options {
                strict: b & 1 != 0,
                max_depth: 1 + usize::from(b >> 1 & 7),
                max_issues: 1 + usize::from(b >> 4 & 3),
                ..Options::default()
            },
            rest,
        ),
        _ => (Options::default(), data),
    };
    let report = validate(payload, &opts);
    assert_eq!(report, validate_tree(payload, &opts));
    let len = check::utf16_len(payload);
    for i in report.errors.iter().chain(&report.warnings) {
        check::check_issue(i, len, payload);
    }
    assert_eq!(report.valid, report.event.is_some());
    assert_eq!(report.valid, report.change.is_some());
    assert!(!report.valid || report.errors.is_empty());
    assert!(report.errors.len() + report.warnings.len() <= opts.max_issues + 1);
    let parsed = parse(payload, &opts);
    assert_eq!(parsed.is_ok(), report.valid);
    // A valid event re-serialised validates again, to the same event.
    if let Some(event) = report.event {
        let again = cc_number_events::ToJson::to_json(&event);
        let event2 = parse(again.as_bytes(), &Options::default());
        assert!(event2.is_ok(), "{again}");
    }
});
