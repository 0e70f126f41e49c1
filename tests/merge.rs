//! Merging by property: random logs, cut into random parts at line breaks after whole items,
//! each part summarized on its own (in random chunks), merged in order (one after the other,
//! or as a tree), give exactly the one pass's summary.
#![cfg(not(target_arch = "wasm32"))]

use cc_number_events::{summarize, SummarizeOptions, Summarizer, Summary};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

/// A line of a log: an event from a small pool of uuids, numbers, accounts, times and
/// fields (so duplicates, disorder and changes are common), a fixture's line (renewals,
/// other events, frames, invalid items), or a broken line.
#[derive(Clone, Debug)]
enum Line {
    Event {
        uuid: u8,
        minute: u16,
        kind: u8,
        number: u8,
        account: u8,
        status: u8,
    },
    Fixture(usize),
    Broken(u8),
    Blank,
}

fn fixture_lines() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summarize");
    let day = fs::read_to_string(dir.join("mixed-day.ndjson")).unwrap();
    let mut lines: Vec<String> = day
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    lines.push(r#"[{"type":"ClientRequest","messageId":"1"},{"status":"ok"}]"#.into());
    lines
}

fn render(line: &Line, fixtures: &[String]) -> Vec<u8> {
    match *line {
        Line::Event {
            uuid,
            minute,
            kind,
            number,
            account,
            status,
        } => {
            let event_type = ["Created", "Updated", "Deleted", "created"][usize::from(kind % 4)];
            let usage = if kind % 5 == 4 {
                "DirectNumber"
            } else {
                "ContactCenterNumber"
            };
            let account = if account % 3 == 2 {
                "~".to_string()
            } else {
                format!("3743951{account}")
            };
            // Uuids of every shape the records keep: packed numbers, and texts (a zero-led
            // twin of a packed one, past u64::MAX, RFC 4122), which must never be taken for
            // one another.
            let d = uuid / 4;
            let uuid = match uuid % 4 {
                0 => format!("26612739197125{d:05}"),
                1 => format!("026612739197125{d:05}"),
                2 => format!("99999999999999{d:06}"),
                _ => format!("7b0c8a20-5f3e-4d53-9a5c-8b2d4e6{d:05x}"),
            };
            format!(
                r#"{{"uuid":"{uuid}","event":"/restapi/v1.0/account/{account}/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T{:02}:{:02}:00.000Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"847587495{}","body":{{"eventType":"{event_type}","phoneNumberInfo":{{"id":"98765{number}","phoneNumber":"+1202499970{number}","usageType":"{usage}","status":"{}","location":"Zürich 🌍"}}}}}}"#,
                (minute / 60) % 24,
                minute % 60,
                account.len() % 2,
                ["Normal", "Pending", "Normal\\u00e9"][usize::from(status % 3)],
            )
            .into_bytes()
        }
        Line::Fixture(k) => fixtures[k % fixtures.len()].clone().into_bytes(),
        Line::Broken(k) => match k % 4 {
            0 => b"{bad}".to_vec(),
            1 => b"{\"a\": 1 2}".to_vec(),
            2 => vec![b'{', b'"', 0xC3, b'"', b':', 0xFF, b'}'],
            // Reading resumes at a line that starts with `{` or `[`: a line starting with
            // anything else belongs to the broken item before it, and is no place to cut.
            _ => b"{not json".to_vec(),
        },
        Line::Blank => Vec::new(),
    }
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => (0u8..60, 0u16..200, any::<u8>(), 0u8..6, 0u8..3, any::<u8>()).prop_map(
            |(uuid, minute, kind, number, account, status)| Line::Event { uuid, minute, kind, number, account, status }
        ),
        2 => any::<usize>().prop_map(Line::Fixture),
        1 => any::<u8>().prop_map(Line::Broken),
        1 => Just(Line::Blank),
    ]
}

fn summarize_part(
    text: &[u8],
    following: bool,
    chunk: usize,
    options: &SummarizeOptions,
) -> Summarizer {
    let mut s = if following {
        Summarizer::following(options.clone())
    } else {
        Summarizer::new(options.clone())
    };
    for c in text.chunks(chunk.max(1)) {
        s.push(c);
    }
    s
}

fn options() -> SummarizeOptions {
    SummarizeOptions {
        markdown: true,
        csv: true,
        ..SummarizeOptions::default()
    }
}

/// The log's text and the byte offsets just after each line break.
fn log_of(lines: &[Line], crlf: bool) -> (Vec<u8>, Vec<usize>) {
    let fixtures = fixture_lines();
    let mut text = Vec::new();
    let mut ends = Vec::new();
    for l in lines {
        text.extend(render(l, &fixtures));
        text.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        ends.push(text.len());
    }
    (text, ends)
}

fn parts_of(text: &[u8], ends: &[usize], picks: &[usize]) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = picks.iter().map(|p| ends[p % ends.len()]).collect();
    cuts.sort();
    cuts.dedup();
    let mut parts = Vec::new();
    let mut at = 0;
    for c in cuts.into_iter().chain([text.len()]) {
        if c >= at {
            parts.push((at, c));
            at = c;
        }
    }
    parts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn merged_parts_give_the_one_pass_summary(
        lines in prop::collection::vec(line(), 1..40),
        picks in prop::collection::vec(any::<usize>(), 0..6),
        chunk in 1usize..300,
        crlf in any::<bool>(),
        tree in any::<bool>(),
    ) {
        let (text, ends) = log_of(&lines, crlf);
        let options = options();
        let whole: Summary = summarize(&text, &options);
        let mut parts: Vec<Summarizer> = parts_of(&text, &ends, &picks)
            .into_iter()
            .enumerate()
            .map(|(k, (a, b))| summarize_part(&text[a..b], k > 0, chunk, &options))
            .collect();
        let merged = if tree {
            // Pairs first, then pairs of pairs: any grouping, as long as the order is kept.
            while parts.len() > 1 {
                let mut next = Vec::new();
                let mut it = parts.into_iter();
                while let Some(mut a) = it.next() {
                    if let Some(b) = it.next() {
                        a.merge(b);
                    }
                    next.push(a);
                }
                parts = next;
            }
            parts.pop().unwrap()
        } else {
            let mut it = parts.into_iter();
            let mut first = it.next().unwrap();
            for p in it {
                first.merge(p);
            }
            first
        };
        prop_assert_eq!(merged.finish(), whole);
    }
}

#[test]
fn the_fixture_day_merged_line_by_line_gives_the_one_pass_summary() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summarize");
    let text = fs::read(dir.join("mixed-day.ndjson")).unwrap();
    let options = options();
    let mut lines = text.split_inclusive(|&b| b == b'\n');
    let mut s = summarize_part(lines.next().unwrap(), false, 64, &options);
    for l in lines {
        s.merge(summarize_part(l, true, 64, &options));
    }
    let merged = s.finish();
    assert_eq!(merged, summarize(&text, &options));
    assert!(merged.duplicates == 1 && merged.out_of_order == 2 && merged.invalid == 1);
}
