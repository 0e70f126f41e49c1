//! `validate` on arbitrary bytes: never panics, every issue lies inside the input, and the
//! tree-free fast path (which answers notifications with warnings, and invalid ones whose
//! errors it can locate, too) gives exactly the parse tree's report.
//! Where the payload is JSON, the same holds of its parsed value (the object route).
//! The first byte picks the options (strict, a small depth or issue limit) so that the limit
//! paths are fuzzed too; the rest is the payload.
#![no_main]

use cc_number_events::__private::{validate_clean_value, validate_fast_only};
use cc_number_events::{
    parse, validate, validate_tree, validate_value, ContactCenterEvent, ValidateOptions,
};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let (opts, payload) = match data.split_first() {
        Some((&b, rest)) if b & 0x80 != 0 => (
            ValidateOptions {
                strict: b & 1 != 0,
                max_depth: 1 + usize::from(b >> 1 & 7),
                max_issues: 1 + usize::from(b >> 4 & 3),
                ..ValidateOptions::default()
            },
            rest,
        ),
        _ => (ValidateOptions::default(), data),
    };
    let report = validate(payload, &opts);
    assert_eq!(report, validate_tree(payload, &opts));
    // The fast path answers (warnings, errors and all) only with the tree's report, and only
    // for a WebHook notification of this event.
    if let Some(fast) = validate_fast_only(payload, &opts) {
        assert_eq!(fast, report);
        assert_eq!(report.kind, cc_number_events::Kind::ContactCenterPhoneNumber);
        assert_eq!(report.delivery, cc_number_events::Delivery::WebHook);
    }
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
    // The object route: where the payload is JSON, the tree-free read of the parsed value
    // (which shares its checks with the text's, `Fields`) answers only with its tree's report.
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(payload) {
        if let Some(fast) = validate_clean_value(&value, &opts) {
            assert_eq!(fast, validate_value(&value, &opts).unwrap());
        }
    }
    // Every report serializes, as JSON and as the tokens JavaScript gets.
    serde_json::to_string(&report).unwrap();
    cc_number_events::__private::to_tokens(&report).unwrap();
    // A valid event re-serialised validates again, and deserializes to itself.
    if let Some(event) = report.event {
        let again = serde_json::to_string(&event).unwrap();
        let event2 = parse(again.as_bytes(), &ValidateOptions::default());
        assert!(event2.is_ok(), "{again}");
        let back: ContactCenterEvent = serde_json::from_str(&again).expect(&again);
        assert_eq!(back, event);
    }
});
