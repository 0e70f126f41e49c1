//! `reconcile` on every case of `tests/fixtures/reconcile/` (a folder each: `log.ndjson`,
//! `after.json`, and `before.json` and `options.json` when the case has them): what each case
//! is about, asserted here, and everything it returns (with its Markdown and CSV) against its
//! reviewed JSON in `tests/golden-json/reconcile/`, which `tests/js/reconcile.test.mjs` also
//! holds the npm package to. `UPDATE_GOLDEN=1 cargo test --test reconcile` rewrites them;
//! review the diff before committing it.
#![cfg(feature = "serde")]

use cc_number_events::{reconcile, ReconcileInput, ReconcileOptions, Reconciliation};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The case's reconciliation, with every rendering.
fn run(case: &str) -> Reconciliation {
    let dir = root().join("fixtures/reconcile").join(case);
    let read = |name: &str| fs::read(dir.join(name)).ok();
    let mut options: ReconcileOptions = match read("options.json") {
        Some(text) => serde_json::from_slice(&text).unwrap(),
        None => ReconcileOptions::default(),
    };
    options.log.markdown = true;
    options.log.csv = true;
    let (before, log, after) = (read("before.json"), read("log.ndjson"), read("after.json"));
    let input = ReconcileInput {
        before: before.as_deref(),
        log: log.as_deref().unwrap(),
        after: after.as_deref().unwrap(),
    };
    reconcile(input, &options)
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("fixtures/reconcile"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `(kind, phone number, field)` of each finding, in order.
fn findings(r: &Reconciliation) -> Vec<(&str, &str, &str)> {
    r.findings
        .iter()
        .map(|f| {
            (
                f.kind.as_str(),
                f.phone_number.as_str(),
                f.field.unwrap_or(""),
            )
        })
        .collect()
}

#[test]
fn a_number_the_log_never_added_is_a_missed_add() {
    let r = run("missed-add");
    assert_eq!(findings(&r), [("missedAdd", "+14155550100", "")]);
    assert_eq!(r.findings[0].after.as_ref().unwrap().line, 17);
    assert!(r.findings[0].lines.is_empty());
    assert_eq!((r.counts.numbers, r.counts.in_agreement), (2, 1));
    assert_eq!(r.after.version, Some("v1"));
    assert_eq!(r.after.account_id.as_deref(), Some("37439510"));
}

#[test]
fn a_number_absent_or_reassigned_in_a_v2_list_is_a_missed_removal() {
    let r = run("missed-removal");
    assert_eq!(
        findings(&r),
        [
            ("missedRemoval", "+12024999741", ""),
            ("missedRemoval", "+13125550188", "")
        ]
    );
    assert_eq!(r.findings[0].lines, [1]);
    assert!(r.findings[0].after.is_none());
    let reassigned = r.findings[1].after.as_ref().unwrap();
    assert_eq!(reassigned.usage_type, "DirectNumber");
    assert_eq!(reassigned.toll_type.as_deref(), Some("Toll"));
    assert_eq!(r.after.version, Some("v2"));
    assert_eq!(
        r.counts.in_agreement, 1,
        "the v2 string id meets the event's"
    );
}

#[test]
fn a_number_the_log_removed_that_is_still_listed() {
    let r = run("removed-but-present");
    assert_eq!(
        findings(&r),
        [
            ("removedButPresent", "+12024999741", ""),
            ("removedButPresent", "+441632960123", "")
        ]
    );
    assert_eq!(
        (
            r.findings[0].lines.as_slice(),
            r.findings[1].lines.as_slice()
        ),
        (&[2][..], &[3][..])
    );
}

#[test]
fn fields_whose_last_logged_value_differs_from_after() {
    let r = run("field-drift");
    assert_eq!(
        findings(&r),
        [
            ("fieldDrift", "+12024999741", "status"),
            ("fieldDrift", "+12024999741", "location"),
            ("fieldDrift", "+14155550100", "type"),
            ("fieldDrift", "+14155550100", "contactCenterProvider.id"),
            ("fieldDrift", "+14155550100", "contactCenterProvider.name"),
        ]
    );
    // The last status the log gave is the Updated's (line 2), and VoiceOnly meets Voice.
    let status = &r.findings[0];
    assert_eq!(
        (status.expected.as_deref(), status.actual.as_deref()),
        (Some("PortedIn"), Some("Normal"))
    );
    assert_eq!(status.lines, [2]);
    assert_eq!(r.findings[2].actual.as_deref(), Some("VoiceFax"));
}

#[test]
fn changes_between_the_snapshots_that_no_notification_explains() {
    let r = run("before-unexplained");
    assert_eq!(
        findings(&r),
        [
            ("missedAdd", "+14155550100", ""),
            ("missedRemoval", "+441632960123", ""),
            ("unexplainedChange", "+12024999741", "status"),
        ]
    );
    let c = &r.findings[2];
    assert_eq!(
        (c.expected.as_deref(), c.actual.as_deref()),
        (Some("Pending"), Some("Normal"))
    );
    assert!(c.before.is_some() && c.after.is_some());
    assert!(
        r.findings[1].message.contains("no notification removed it"),
        "{}",
        r.findings[1].message
    );
    assert_eq!(r.counts.in_agreement, 1);
}

#[test]
fn notifications_whose_starting_state_contradicts_before() {
    let r = run("before-contradiction");
    assert_eq!(
        findings(&r),
        [
            ("contradictsBefore", "+12024999741", ""),
            ("contradictsBefore", "+13125550188", "")
        ]
    );
    assert_eq!(r.findings[1].lines, [2]);
    assert_eq!(r.counts.contradictions, 2);
}

#[test]
fn a_list_of_direct_numbers_only_is_flagged_not_compared() {
    let r = run("direct-numbers-only");
    assert!(r.after.direct_numbers_only && !r.compared);
    assert!(r.findings.is_empty());
    assert_eq!(
        r.after.warnings[0].code.as_str(),
        "snapshot-direct-numbers-only"
    );
    assert!(r.text.contains("without admin rights"), "{}", r.text);
}

#[test]
fn events_after_the_snapshot_are_not_counted_against_it() {
    let r = run("after-time");
    assert!(r.findings.is_empty(), "{:?}", findings(&r));
    assert_eq!(r.counts.events_after_snapshot, 2);
    // +14155550100, created after the list was taken, is not missing from it.
    assert_eq!(r.counts.in_agreement, 2);
    // Without the time, the same log has the Deleted count against the list.
    let dir = root().join("fixtures/reconcile/after-time");
    let (log, after) = (
        fs::read(dir.join("log.ndjson")).unwrap(),
        fs::read(dir.join("after.json")).unwrap(),
    );
    let input = ReconcileInput {
        before: None,
        log: &log,
        after: &after,
    };
    let r = reconcile(input, &ReconcileOptions::default());
    assert_eq!(r.counts.removed_but_present, 1);
}

#[test]
fn pages_concatenated_or_in_an_array_and_a_missing_page() {
    let r = run("paged");
    assert_eq!(
        (r.after.pages, r.after.records, r.after.complete),
        (2, 3, false)
    );
    assert_eq!(r.after.warnings[0].code.as_str(), "snapshot-incomplete");
    assert_eq!(
        (r.after.warnings[0].line, r.after.warnings[0].column),
        (Some(1), Some(756))
    );
    let before = r.before.as_ref().unwrap();
    assert_eq!(
        (before.pages, before.records, before.complete),
        (2, 3, true)
    );
    // Numbers missing from an incomplete list may be on the missing page: not missed removals.
    assert!(r.findings.is_empty(), "{:?}", findings(&r));
}

#[test]
fn snapshots_that_are_not_list_responses_get_located_errors() {
    let r = run("not-a-list");
    let errors: Vec<(&str, &str, u32, u32)> = r
        .after
        .errors
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.path.as_str(),
                i.line.unwrap(),
                i.column.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("snapshot-record", "/records/0/status", 1, 101),
            ("snapshot-record", "/records/1/id", 1, 104),
            ("snapshot-record", "/records/2/id", 1, 175),
            ("snapshot-record", "/records/3", 1, 252),
            ("snapshot-not-a-list", "", 2, 1),
            ("snapshot-not-a-list", "", 3, 1),
            ("json-trailing-comma", "/records/0", 4, 90),
        ]
    );
    assert!(!r.after.valid && !r.after.complete);
    let before = r.before.as_ref().unwrap();
    let messages: Vec<&str> = before.errors.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "one phone-number record, not a list response",
            "`records` is an object, not an array"
        ]
    );
    // The one record read is compared; nothing is taken as gone from an incomplete list.
    assert_eq!(r.counts.in_agreement, 1);
}

#[test]
fn every_case_returns_its_reviewed_json() {
    let dir = root().join("golden-json/reconcile");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for case in cases() {
        let json = serde_json::to_string_pretty(&run(&case)).unwrap() + "\n";
        let path = dir.join(format!("{case}.json"));
        if update {
            fs::write(&path, &json).unwrap();
        } else if fs::read_to_string(&path).ok().as_ref() != Some(&json) {
            failures.push(case);
        }
    }
    assert!(cases().len() >= 10);
    assert!(failures.is_empty(), "differ from tests/golden-json/reconcile/ (UPDATE_GOLDEN=1 to rewrite, then review): {failures:?}");
}

/// Hostile snapshots end in issues, never in a panic, and the log is still read.
#[test]
fn hostile_snapshots_are_reported_not_fatal() {
    let log = fs::read(root().join("fixtures/reconcile/missed-add/log.ndjson")).unwrap();
    let deep = "[".repeat(100_000);
    let cases: Vec<(&[u8], &str)> = vec![
        (b"", "snapshot-not-a-list"),
        (b"   \n ", "snapshot-not-a-list"),
        (deep.as_bytes(), "json-too-deep"),
        (b"\xff\xfe{\0}", "utf16-encoding"),
        (
            b"{\"records\":[{\"id\":1e400,\"phoneNumber\":\"+1\",\"usageType\":\"x\"}]}",
            "snapshot-record",
        ),
        (
            b"{\"records\":[{\"id\":-5,\"phoneNumber\":\"+1\",\"usageType\":\"x\"}]}",
            "snapshot-record",
        ),
        (
            b"{\"records\":[{\"id\":\"\",\"phoneNumber\":\"+1\",\"usageType\":\"x\"}]}",
            "snapshot-record",
        ),
        (b"{\"records\":[],\"records\":[]}", "json-duplicate-key"),
        (
            b"{\"records\":[{\"id\":1,\"phoneNumber\":\"\xc3\",\"usageType\":\"x\"}]}",
            "invalid-utf8",
        ),
        (b"{\"records\":[],\"paging\":[]}", "snapshot-not-a-list"),
        (b"{\"records\":[]} trailing", "json-unexpected-character"),
        (b"null", "snapshot-not-a-list"),
    ];
    for (after, code) in cases {
        let input = ReconcileInput {
            before: Some(after),
            log: &log,
            after,
        };
        let r = reconcile(input, &ReconcileOptions::default());
        let codes: Vec<&str> = r.after.errors.iter().map(|i| i.code.as_str()).collect();
        assert!(
            codes.contains(&code),
            "{:?}: {codes:?}",
            String::from_utf8_lossy(&after[..after.len().min(40)])
        );
        assert!(!r.after.valid && !r.after.complete);
        assert_eq!(r.counts.log_events, 1);
        for i in r.after.errors.iter().chain(&r.after.warnings) {
            assert!(
                i.offset.unwrap() as usize + i.length.unwrap() as usize <= after.len(),
                "{i:?}"
            );
        }
    }
}

/// Findings past `maxOutputBytes` are counted, not listed, and the renderings say they were
/// cut; counts stay whole.
#[test]
fn output_is_bounded_by_max_output_bytes() {
    let mut records = Vec::new();
    for i in 0..2_000 {
        records.push(format!(
            r#"{{"id":{},"phoneNumber":"+1202555{:04}","usageType":"ContactCenterNumber","status":"Normal"}}"#,
            100_000 + i,
            i
        ));
    }
    let after = format!(r#"{{"records":[{}]}}"#, records.join(","));
    let input = ReconcileInput {
        before: None,
        log: b"",
        after: after.as_bytes(),
    };
    let mut options = ReconcileOptions::default();
    options.log.max_output_bytes = Some(20_000);
    options.log.markdown = true;
    options.log.csv = true;
    let r = reconcile(input, &options);
    assert_eq!(r.counts.missed_adds, 2_000);
    assert!(r.findings_not_listed > 0 && r.output_truncated);
    assert_eq!(r.findings.len() + r.findings_not_listed, 2_000);
    for rendering in [
        &r.text,
        r.markdown.as_ref().unwrap(),
        r.csv.as_ref().unwrap(),
    ] {
        assert!(rendering.len() <= 20_000, "{}", rendering.len());
        assert!(rendering.contains("maxOutputBytes"));
    }
    let json = serde_json::to_string(&r.findings).unwrap();
    assert!(json.len() <= 20_000, "{}", json.len());
}

#[test]
fn options_read_as_javascript_writes_them() {
    let o: ReconcileOptions = serde_json::from_str(
        r#"{"afterTime": "2023-04-19T08:00:00+0000", "beforeTime": "2023-04-18T00:00:00Z", "maxItems": 5, "csv": true}"#,
    )
    .unwrap();
    assert_eq!(o.after_time.unwrap().to_iso(), "2023-04-19T08:00:00.000Z");
    assert_eq!((o.log.max_items, o.log.csv), (5, true));
    for bad in [
        r#"{"afterTime": "yesterday"}"#,
        r#"{"aftertime": "2023-04-19T08:00:00Z"}"#,
        r#"{"afterTime": null}"#,
        // summarize's own members are not reconcile's; the shared ones keep their bounds.
        r#"{"timelines": false}"#,
        r#"{"maxItems": 0}"#,
    ] {
        assert!(
            serde_json::from_str::<ReconcileOptions>(bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn the_readme_shows_its_fixture_as_reconcile_renders_it() {
    let readme = fs::read_to_string(root().join("../README.md")).unwrap();
    let text = run("before-unexplained").text;
    assert!(
        readme.contains(&format!("```text\n{text}```")),
        "README's reconcile example differs from:\n{text}"
    );
}

/// Pages that each announce a billion pages cost a bounded look for the missing ones, not one
/// per page and announced page.
#[test]
fn a_hostile_paging_costs_linear_time() {
    let page = r#"{"records":[],"paging":{"page":7,"totalPages":1000000000,"totalElements":5}}"#;
    let after = vec![page; 20_000].join("\n");
    let started = std::time::Instant::now();
    let input = ReconcileInput {
        before: None,
        log: b"",
        after: after.as_bytes(),
    };
    let r = reconcile(input, &ReconcileOptions::default());
    assert!(!r.after.complete);
    assert_eq!(r.after.warnings[0].code.as_str(), "snapshot-incomplete");
    assert!(
        r.after.warnings[0]
            .message
            .starts_with("`paging` announces 1000000000 pages, and pages 1, 2, 3"),
        "{}",
        r.after.warnings[0].message
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// Every `+` followed by 7 digits or more, as written.
fn quoted_numbers(text: &str) -> usize {
    text.match_indices('+')
        .filter(|(i, _)| {
            let digits = text[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
            digits >= 7
        })
        .count()
}

#[test]
fn redact_masks_every_rendering_and_message_and_keeps_the_findings() {
    let mut any_quoted = false;
    for case in cases() {
        let plain = run(&case);
        let dir = root().join("fixtures/reconcile").join(&case);
        let mut with_redact: serde_json::Value = serde_json::json!({ "redact": true });
        if let Ok(t) = fs::read(dir.join("options.json")) {
            let given: serde_json::Value = serde_json::from_slice(&t).unwrap();
            with_redact
                .as_object_mut()
                .unwrap()
                .extend(given.as_object().unwrap().clone());
        }
        let mut redacted_options: ReconcileOptions = serde_json::from_value(with_redact).unwrap();
        (redacted_options.log.markdown, redacted_options.log.csv) = (true, true);
        assert!(redacted_options.log.item.redact, "{case}: redact read");
        let read = |name: &str| fs::read(dir.join(name)).ok();
        let (before, log, after) = (read("before.json"), read("log.ndjson"), read("after.json"));
        let input = || ReconcileInput {
            before: before.as_deref(),
            log: log.as_deref().unwrap(),
            after: after.as_deref().unwrap(),
        };
        let masked = reconcile(input(), &redacted_options);
        any_quoted |= quoted_numbers(&plain.text) > 0;
        let person_reads = [
            masked.text.as_str(),
            masked.markdown.as_deref().unwrap(),
            masked.csv.as_deref().unwrap(),
        ];
        for text in person_reads
            .into_iter()
            .chain(masked.findings.iter().map(|f| f.message.as_str()))
            .chain(masked.after.errors.iter().map(|i| i.message.as_str()))
        {
            assert_eq!(quoted_numbers(text), 0, "{case}: a number left in {text}");
        }
        // The structure is the caller's own data and stays whole.
        assert_eq!(findings(&masked), findings(&plain), "{case}");
        assert_eq!(masked.counts, plain.counts, "{case}");
    }
    assert!(
        any_quoted,
        "no case quotes a number: the test would prove nothing"
    );
}

/// A log saved out of time order is folded in time order (ties in line order): the field's
/// last value is the latest notification's, wherever its line.
#[test]
fn a_log_out_of_time_order_is_folded_in_time_order() {
    let item = |n: u32, event: &str, time: &str, status: &str| {
        format!(
            r#"{{"uuid":"100000000000000000{n}","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"{time}","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{{"eventType":"{event}","phoneNumberInfo":{{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","status":"{status}"}}}}}}"#
        )
    };
    let log = [
        item(1, "Updated", "2023-04-18T10:00:00.000Z", "Normal"),
        item(2, "Created", "2023-04-18T09:00:00.000Z", "Pending"),
        item(3, "Updated", "2023-04-18T08:00:00.000Z", "Disabled"),
        item(4, "Updated", "2023-04-18T10:00:00.000Z", "Locked"),
    ]
    .join("\n");
    let after = r#"{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","records":[
      {"id":987654321,"phoneNumber":"+12024999741","type":"VoiceOnly","usageType":"ContactCenterNumber","status":"Normal"}],
      "paging":{"page":1,"totalPages":1,"perPage":100,"totalElements":1}}"#;
    let input = ReconcileInput {
        before: None,
        log: log.as_bytes(),
        after: after.as_bytes(),
    };
    let r = reconcile(input, &ReconcileOptions::default());
    let drift: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.kind.as_str(), f.expected.as_deref(), f.lines.clone()))
        .collect();
    // Line 4 ties with line 1 at 10:00 and comes after it: its `Locked` is the last value.
    assert_eq!(drift, vec![("fieldDrift", Some("Locked"), vec![4])]);
}

/// A record listed twice is reported, saying whether its values differ, wherever it stands.
#[test]
fn a_record_listed_twice_says_whether_its_values_differ() {
    let record = |status: &str| {
        format!(
            r#"{{"id":987654321,"phoneNumber":"+12024999741","type":"VoiceOnly","usageType":"ContactCenterNumber","status":"{status}","contactCenterProvider":{{"id":"1"}}}}"#
        )
    };
    let messages = |second: &str| {
        let after = format!(
            "{{\"records\":[{},\n  {second}],\"paging\":{{\"page\":1,\"totalPages\":1}}}}",
            record("Normal")
        );
        let input = ReconcileInput {
            before: None,
            log: b"",
            after: after.as_bytes(),
        };
        let r = reconcile(input, &ReconcileOptions::default());
        let issues = r.after.errors.iter().chain(&r.after.warnings);
        issues.map(|i| i.message.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        messages(&record("Normal")),
        ["id 987654321 is listed again; the record at line 1 is used"]
    );
    assert_eq!(
        messages(&record("Disabled")),
        ["id 987654321 is listed again with other values; the record at line 1 is used"]
    );
    let other_provider = record("Normal").replace(r#"{"id":"1"}"#, r#"{"id":"2"}"#);
    assert_eq!(
        messages(&other_provider),
        ["id 987654321 is listed again with other values; the record at line 1 is used"]
    );
}
