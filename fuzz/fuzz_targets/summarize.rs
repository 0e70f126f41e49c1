//! `summarize` on arbitrary bytes: never panics, counts add up, every issue lies inside the
//! input, and items read by the fast path summarize exactly as parse trees do. The first
//! byte picks small log limits so that those paths are fuzzed too.
#![no_main]

use cc_number_events::{summarize, summarize_tree, SummarizeOptions};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let (opts, payload) = match data.split_first() {
        Some((&b, rest)) if b & 0x80 != 0 => {
            let mut o = SummarizeOptions {
                max_items: 1 + usize::from(b & 7),
                max_log_issues: 1 + usize::from(b >> 3 & 7),
                markdown: b & 0x40 != 0,
                csv: b & 0x40 != 0,
                ..SummarizeOptions::default()
            };
            o.item.max_depth = 3 + usize::from(b & 3);
            (o, rest)
        }
        _ => (
            SummarizeOptions {
                markdown: true,
                csv: true,
                ..SummarizeOptions::default()
            },
            data,
        ),
    };
    let s = summarize(payload, &opts);
    assert_eq!(s, summarize_tree(payload, &opts));
    let len = check::utf16_len(payload);
    let mut listed = 0;
    for p in &s.problems {
        for i in &p.issues {
            check::check_issue(i, len, payload);
            listed += 1;
        }
    }
    assert!(listed <= opts.max_log_issues + s.problems.len());
    assert_eq!(s.events, s.valid + s.invalid + s.other + s.duplicates);
    assert!(s.events <= opts.max_items);
    assert_eq!(s.duplicates, s.duplicate_items.len());
    serde_json::to_string(&s).unwrap();
    cc_number_events::__private::to_tokens(&s).unwrap();
});
