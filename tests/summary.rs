//! `summarize` on fixture logs: counts, duplicates, order, timelines, net effect, accounts,
//! broken items, and the reviewed text/Markdown/CSV renderings in `tests/fixtures/summarize/`.
//! `UPDATE_GOLDEN=1 cargo test --test summary` rewrites the renderings; review the diff.

use cc_number_events::{summarize, summarize_tree, SummarizeOptions, Summary};
use std::fs;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summarize")
}

fn options() -> SummarizeOptions {
    SummarizeOptions {
        markdown: true,
        csv: true,
        ..SummarizeOptions::default()
    }
}

fn load(name: &str) -> (String, Summary) {
    let text = fs::read_to_string(dir().join(name)).unwrap();
    let s = summarize(&text, &options());
    // Clean items take the tree-free fast path; the summary must be the one trees give.
    assert_eq!(s, summarize_tree(&text, &options()), "{name}");
    (text, s)
}

#[test]
fn an_ndjson_day_is_counted_once_per_notification() {
    let (_, s) = load("mixed-day.ndjson");
    assert_eq!(s.events, 14);
    assert_eq!(s.valid, 10);
    assert_eq!(s.invalid, 1);
    assert_eq!(s.other, 2);
    assert_eq!(
        (
            s.other_kinds.subscription_renewal,
            s.other_kinds.other_event
        ),
        (1, 1)
    );
    assert_eq!(s.duplicates, 1);
    assert_eq!(
        (
            s.by_event_type.created,
            s.by_event_type.updated,
            s.by_event_type.deleted
        ),
        (3, 5, 2)
    );
}

#[test]
fn a_redelivered_uuid_is_a_duplicate_that_names_its_first_copy() {
    let (_, s) = load("mixed-day.ndjson");
    let d = &s.duplicate_items[0];
    assert_eq!((d.index, d.line, d.first_index, d.first_line), (5, 6, 0, 1));
    assert!(d.identical);
}

#[test]
fn an_item_older_than_one_before_it_is_out_of_order() {
    let (_, s) = load("mixed-day.ndjson");
    // The broken item (10:50) counts too: order is a property of the log, not of validity.
    assert_eq!(s.out_of_order, 2);
    let late = &s.out_of_order_items[0];
    assert_eq!(late.uuid, "2661273919712564907");
    assert_eq!(late.after.to_iso(), "2023-04-18T11:00:00.000Z");
}

#[test]
fn a_broken_line_is_reported_with_its_line_and_the_rest_is_read() {
    let (text, s) = load("mixed-day.ndjson");
    assert_eq!(s.problems.len(), 1);
    let p = &s.problems[0];
    assert_eq!((p.index, p.line), (Some(8), 10));
    let codes: Vec<_> = p.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["invalid-event-type", "invalid-phone-number"]);
    // Positions are in the whole input, in UTF-16 code units.
    let units: Vec<u16> = text.encode_utf16().collect();
    let i = &p.issues[0];
    let (offset, length) = (i.offset.unwrap() as usize, i.length.unwrap() as usize);
    let got = String::from_utf16(&units[offset..offset + length]).unwrap();
    assert_eq!(got, "\"created\"");
    assert_eq!(i.line, Some(10));
}

#[test]
fn timelines_follow_timestamps_and_name_the_fields_that_changed() {
    let (_, s) = load("mixed-day.ndjson");
    let t = s.numbers.iter().find(|t| t.id == "987654321").unwrap();
    assert_eq!(t.timeline.len(), 2);
    let changes: Vec<_> = t.timeline[1]
        .changes
        .iter()
        .map(|c| (c.field, c.from.clone().unwrap_or_default(), c.to.clone()))
        .collect();
    assert_eq!(
        changes,
        [
            ("status", "Pending".into(), "Normal".into()),
            (
                "contactCenterProvider.name",
                "InContact/North America".into(),
                "In-Contact NA".into()
            ),
        ]
    );
}

#[test]
fn an_update_of_a_number_already_in_contact_center_is_a_field_update_not_a_conversion() {
    let (_, s) = load("mixed-day.ndjson");
    let effects = |id: &str| -> Vec<&str> {
        let t = s.numbers.iter().find(|t| t.id == id).unwrap();
        t.timeline.iter().map(|e| e.effect.as_str()).collect()
    };
    assert_eq!(effects("987654321"), ["added", "updated"]);
    assert_eq!(effects("555000111"), ["convertedIn", "updated"]);
    // Back into Contact Center after a reassignment away is a conversion again.
    assert_eq!(effects("444000222"), ["reassignedAway", "convertedIn"]);
}

#[test]
fn net_effect_separates_added_removed_changed_and_transient_numbers() {
    let (_, s) = load("mixed-day.ndjson");
    let g = &s.groups[0];
    assert_eq!(g.key, "account:37439510");
    // 555000111 is converted in by its first event, so it counts as added.
    assert_eq!(g.net.added, ["+12024999741", "+14155550100"]);
    // 444000222 is reassigned away, then converted back with other fields.
    assert!(g.net.removed.is_empty());
    assert_eq!(g.net.changed, ["+441632960123"]);
    assert_eq!(g.net.transient, ["+13125550188"]);
}

#[test]
fn accounts_are_kept_apart_and_unnamed_ones_grouped_by_owner() {
    let (_, s) = load("mixed-day.ndjson");
    let keys: Vec<_> = s.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["account:37439510", "owner:2203617004"]);
    assert_eq!(s.groups[1].net.added, ["+12125550177"]);
    assert_eq!(s.groups[1].net.removed, ["+12125550199"]);
}

#[test]
fn a_websocket_capture_sets_aside_heartbeats() {
    let (_, s) = load("websocket-capture.json");
    assert_eq!(s.events, 6);
    assert_eq!(s.other_kinds.websocket_frame, 1);
    assert_eq!(s.valid, 4);
    assert_eq!(s.other_kinds.subscription_renewal, 1);
}

#[test]
fn concatenated_pretty_items_survive_a_broken_one_and_a_truncated_tail() {
    let (_, s) = load("concatenated-pretty.txt");
    assert_eq!(s.events, 4);
    assert_eq!(s.valid, 2);
    assert_eq!(s.invalid, 2);
    assert!(s.truncated);
    let last = s.problems.last().unwrap();
    assert_eq!(last.issues[0].code.as_str(), "log-truncated");
    assert_eq!(
        s.problems[0].issues[0].code.as_str(),
        "json-unexpected-character"
    );
}

#[test]
fn a_json_array_of_notifications_is_a_log() {
    let (_, s) = load("array-of-notifications.json");
    assert_eq!((s.events, s.valid), (3, 3));
    assert_eq!(s.numbers.len(), 2);
}

#[test]
fn one_notification_alone_is_a_log_of_one() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate/webhook-created.json"),
    )
    .unwrap();
    let s = summarize(&text, &options());
    assert_eq!((s.events, s.valid), (1, 1));
    assert_eq!(s.net.added, ["+12024999741"]);
}

#[test]
fn an_empty_log_summarizes_to_nothing() {
    let s = summarize("  \n", &options());
    assert_eq!(s.events, 0);
    assert!(s.problems.is_empty());
}

#[test]
fn the_item_limit_stops_reading_with_a_located_error() {
    let opts = SummarizeOptions {
        max_items: 2,
        ..options()
    };
    let s = summarize("{}\n{}\n{}\n{}", &opts);
    assert!(s.limit_reached);
    assert_eq!(s.events, 2);
    let issue = &s.problems.last().unwrap().issues[0];
    assert_eq!(
        (issue.code.as_str(), issue.line),
        ("too-many-items", Some(3))
    );
}

#[test]
fn renderings_match_their_reviewed_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for name in [
        "mixed-day.ndjson",
        "websocket-capture.json",
        "concatenated-pretty.txt",
        "websocket-session.ndjson",
    ] {
        let (_, s) = load(name);
        let got = format!(
            "{}\n=== markdown\n{}\n=== csv\n{}",
            s.text,
            s.markdown.unwrap(),
            s.csv.unwrap()
        );
        let path = dir().join(format!("{name}.rendered"));
        if update {
            fs::write(&path, &got).unwrap();
        } else if fs::read_to_string(&path).unwrap_or_default() != got {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "renderings differ: {failures:?}");
}

#[test]
fn a_websocket_session_sets_aside_control_frames_and_other_events_and_orders_a_leap_second() {
    let (_, s) = load("websocket-session.ndjson");
    assert_eq!((s.events, s.valid, s.invalid, s.other), (11, 3, 2, 6));
    // Extension and presence notifications carry an `eventType`: the filter says they are
    // other events, not broken Contact Center ones.
    assert_eq!(s.other_kinds.other_event, 2);
    // ConnectionDetails, a ClientRequest answer, a one-item Heartbeat and an Error frame.
    assert_eq!(s.other_kinds.websocket_frame, 4);
    // A ServerNotification frame without its envelope is broken, not another kind of frame.
    let broken: Vec<_> = s
        .problems
        .iter()
        .map(|p| p.issues[0].code.as_str())
        .collect();
    assert_eq!(broken, ["websocket-frame", "unassigned-country-code"]);
    // 23:59:60.400 came after 00:00:00.100 in the log, and is before it in time.
    assert_eq!(s.out_of_order_items.len(), 1);
    let late = &s.out_of_order_items[0];
    assert_eq!(late.time.to_iso(), "2016-12-31T23:59:60.400Z");
    assert!(late.time.is_leap_second() && late.time < late.after);
    let times: Vec<_> = s.numbers[0]
        .timeline
        .iter()
        .map(|e| e.time.to_iso())
        .collect();
    assert_eq!(
        times,
        [
            "2016-12-31T23:59:59.900Z",
            "2016-12-31T23:59:60.400Z",
            "2017-01-01T00:00:00.100Z"
        ]
    );
}

/// A log read whole hashes an item's text only once a duplicate of it turns up; a stream
/// hashes each item as its window goes. Both tell a redelivery from a changed item alike,
/// whichever copy comes first and however many follow.
#[test]
fn a_duplicate_is_identical_only_when_its_text_is_the_first_copys() {
    let text = fs::read_to_string(dir().join("mixed-day.ndjson")).unwrap();
    let first = text.lines().next().unwrap();
    let changed = first.replacen("\"Created\"", "\"Updated\"", 1);
    assert_ne!(changed, first);
    let log = [first, &changed, first, &changed, first].join("\n");
    let whole = summarize(&log, &options());
    let flags: Vec<bool> = whole.duplicate_items.iter().map(|d| d.identical).collect();
    assert_eq!(flags, [false, true, false, true]);
    for size in [1, 7, 300] {
        let mut s = cc_number_events::Summarizer::new(options());
        for chunk in log.as_bytes().chunks(size) {
            s.push(chunk);
        }
        assert_eq!(s.finish().duplicate_items, whole.duplicate_items, "{size}");
    }
}
