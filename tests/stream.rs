//! The incremental summarizer against the one pass: every fixture log (and every validate
//! fixture, read as a log of one), cut into two chunks at every byte, gives `summarize`'s
//! summary; so do odd logs (byte order marks, invalid UTF-8, multi-byte characters, `\r\n`,
//! cut-off and broken items, JSON arrays, nested lines) in chunks of every size, and a log
//! of many windows fed in small chunks.

use cc_number_events::{summarize, SummarizeOptions, Summarizer, Summary};
use std::fs;
use std::path::Path;

fn options() -> SummarizeOptions {
    SummarizeOptions {
        markdown: true,
        csv: true,
        ..SummarizeOptions::default()
    }
}

fn chunked(log: &[u8], cuts: &[usize], options: &SummarizeOptions) -> Summary {
    let mut s = Summarizer::new(options.clone());
    let mut at = 0;
    for &cut in cuts {
        s.push(&log[at..cut]);
        at = cut;
    }
    s.push(&log[at..]);
    s.finish()
}

fn fixtures(dir: &str, keep: impl Fn(&str) -> bool) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| keep(&p.file_name().unwrap().to_string_lossy()))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

const EVENT: &str = r#"{"uuid":"U","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"T","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Updated","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","location":"Zürich 🌍","status":"S"}}}"#;

fn event(uuid: u64, time: &str, status: &str) -> String {
    EVENT
        .replace("\"U\"", &format!("\"{uuid}\""))
        .replace("\"T\"", &format!("\"{time}\""))
        .replace("\"S\"", &format!("\"{status}\""))
}

/// Logs of every shape the reader must carry across chunks.
fn odd_logs() -> Vec<(String, Vec<u8>)> {
    let a = event(1000000000000000001, "2023-04-18T10:00:00.000Z", "Normal");
    let b = event(1000000000000000002, "2023-04-18T09:00:00.000Z", "Pending");
    let mut logs = vec![
        ("bom".into(), format!("\u{FEFF}{a}\n{b}\n").into_bytes()),
        (
            "crlf".into(),
            format!("{a}\r\n\r\n{b}\r\n{{\"x\": \r\n").into_bytes(),
        ),
        ("cr".into(), format!("{a}\r{b}\r").into_bytes()),
        (
            "array".into(),
            format!("[\n  {a},\n  {b}\n]\n").into_bytes(),
        ),
        (
            "array-one-line".into(),
            format!("[{a},{b},{a}]").into_bytes(),
        ),
        (
            "frames".into(),
            format!("[{{\"type\":\"ClientRequest\"}},{a}]\n[{{\"type\":\"x\"}},{b}]").into_bytes(),
        ),
        ("concatenated".into(), format!("{a}{b} {a}").into_bytes()),
        (
            "truncated".into(),
            format!("{a}\n{}", &b[..b.len() / 2]).into_bytes(),
        ),
        (
            "truncated-in-string".into(),
            format!("{a}\n{{\"uuid\": \"12\n").into_bytes(),
        ),
        (
            "broken-lines".into(),
            format!("{{\"a\": 1,\n{a}\n{{\"b\":\n{b}\n{{bad}}\n{a}\n").into_bytes(),
        ),
        ("nested-lines".into(), "{\"k\":\n".repeat(40).into_bytes()),
        (
            "literals".into(),
            b"true\nfalse\nnull\n12\n\"s\"\ntru\n".to_vec(),
        ),
        (
            "escapes".into(),
            format!(
                "{}\n{b}",
                a.replace("Normal", "No\\u00e9rmal\\ud83c\\udf0d")
            )
            .into_bytes(),
        ),
        ("utf16".into(), vec![0xFF, 0xFE, b'{', 0, b'}', 0]),
        ("empty".into(), Vec::new()),
        ("blank".into(), b" \n\n \n".to_vec()),
    ];
    let mut bad = format!("{a}\n").into_bytes();
    bad.extend_from_slice(&[b'{', b'"', 0xC3, b'"', b':', 0xF0, 0x9F, b'}', b'\n']);
    bad.extend_from_slice(b.as_bytes());
    bad.extend_from_slice(&[b'\n', 0xE2, 0x82]);
    logs.push(("invalid-utf8".into(), bad));
    logs
}

fn check(name: &str, log: &[u8], options: &SummarizeOptions, step: usize) {
    let whole = summarize(log, options);
    for cut in (0..=log.len()).step_by(step) {
        assert_eq!(chunked(log, &[cut], options), whole, "{name} cut at {cut}");
    }
}

#[test]
fn every_fixture_log_cut_anywhere_gives_the_one_pass_summary() {
    let logs = fixtures("tests/fixtures/summarize", |n| !n.ends_with(".rendered"));
    assert!(logs.len() >= 4);
    for (name, log) in logs {
        check(&name, &log, &options(), 1);
    }
}

#[test]
fn every_payload_fixture_read_as_a_log_cut_anywhere_gives_the_one_pass_summary() {
    let logs = fixtures("tests/fixtures/validate", |n| !n.ends_with(".expected"));
    assert!(logs.len() > 100);
    let options = SummarizeOptions::default();
    for (name, log) in logs {
        // The longest fixtures are cut every few bytes: every byte would take minutes.
        check(&name, &log, &options, 1 + log.len() / 2000);
    }
}

#[test]
fn odd_logs_in_chunks_of_every_size_give_the_one_pass_summary() {
    for (name, log) in odd_logs() {
        let whole = summarize(&log, &options());
        check(&name, &log, &options(), 1);
        for size in 1..=log.len().clamp(1, 40) {
            let cuts: Vec<usize> = (size..log.len()).step_by(size).collect();
            assert_eq!(
                chunked(&log, &cuts, &options()),
                whole,
                "{name} in chunks of {size}"
            );
        }
    }
}

#[test]
fn a_log_of_many_windows_in_small_chunks_gives_the_one_pass_summary() {
    let mut log = String::new();
    for i in 0..1500u32 {
        let minute = (i * 7) % 1440;
        let time = format!("2023-04-18T{:02}:{:02}:00.000Z", minute / 60, minute % 60);
        // Every 50th item repeats the uuid of the tenth before it.
        let uuid = if i % 50 == 49 { i - 10 } else { i };
        log.push_str(&event(
            1000000000000000000 + u64::from(uuid),
            &time,
            ["A", "B"][i as usize % 2],
        ));
        log.push('\n');
        if i % 97 == 0 {
            log.push_str("{\"broken\": \n");
        }
    }
    let options = SummarizeOptions {
        max_output_bytes: Some(200_000),
        ..options()
    };
    let whole = summarize(&log, &options);
    let seen = (
        whole.duplicates,
        whole.invalid,
        whole.out_of_order,
        whole.valid,
    );
    assert!(
        seen.0 > 0 && seen.1 > 0 && seen.2 > 0,
        "{seen:?} {:?}",
        whole.problems.first()
    );
    for size in [1000, 4096, 65536, 100_003] {
        let cuts: Vec<usize> = (size..log.len()).step_by(size).collect();
        assert_eq!(
            chunked(log.as_bytes(), &cuts, &options),
            whole,
            "chunks of {size}"
        );
    }
}

#[test]
fn size_options_leave_out_entries_and_unchanged_numbers_but_never_counts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summarize");
    let mut log = fs::read(dir.join("mixed-day.ndjson")).unwrap();
    // A number deleted and created again as it was: in Contact Center before and after,
    // unchanged.
    let deleted = event(1000000000000000091, "2023-04-19T10:00:00.000Z", "Normal")
        .replace("Updated", "Deleted")
        .replace("987654321", "555")
        .replace("+12024999741", "+12025550555");
    let created = deleted.replace("Deleted", "Created").replace("091", "092");
    log.extend_from_slice(format!("{deleted}\n{created}\n").as_bytes());
    let all = SummarizeOptions::default();
    let full = summarize(&log, &all);
    let total = |s: &Summary| -> usize {
        s.numbers
            .iter()
            .map(|n| n.timeline.len() + n.entries_not_listed)
            .sum()
    };
    let same_counts = |s: &Summary| {
        assert_eq!(
            (s.events, s.valid, s.invalid, s.duplicates, s.out_of_order),
            (
                full.events,
                full.valid,
                full.invalid,
                full.duplicates,
                full.out_of_order
            )
        );
        assert_eq!(
            (&s.net, &s.groups, &s.problems),
            (&full.net, &full.groups, &full.problems)
        );
    };
    let none = summarize(
        &log,
        &SummarizeOptions {
            timelines: false,
            ..all.clone()
        },
    );
    assert!(none.numbers.iter().all(|n| n.timeline.is_empty()));
    assert_eq!(none.numbers.len(), full.numbers.len());
    assert_eq!(total(&none), total(&full));
    same_counts(&none);
    let last = summarize(
        &log,
        &SummarizeOptions {
            last_entries: Some(1),
            ..all.clone()
        },
    );
    for (l, f) in last.numbers.iter().zip(&full.numbers) {
        assert_eq!(l.timeline.len(), f.timeline.len().min(1));
        // The last entry, with its changes against the one before it.
        assert_eq!(l.timeline.last(), f.timeline.last());
    }
    assert!(full.numbers.iter().any(|n| n.timeline.len() > 1));
    assert_eq!(total(&last), total(&full));
    same_counts(&last);
    let changed = summarize(
        &log,
        &SummarizeOptions {
            changed_only: true,
            ..all.clone()
        },
    );
    let net = &full.net;
    let in_net = |p: &str| {
        [&net.added, &net.removed, &net.changed, &net.transient]
            .iter()
            .any(|l| l.iter().any(|x| x == p))
    };
    let expected: Vec<_> = full
        .numbers
        .iter()
        .filter(|n| in_net(&n.phone_number))
        .collect();
    assert_eq!(
        expected.len() + 1,
        full.numbers.len(),
        "one number is unchanged"
    );
    assert_eq!(changed.numbers.iter().collect::<Vec<_>>(), expected);
    assert_eq!(changed.numbers_not_listed, 1);
    assert!(!changed.output_truncated);
    same_counts(&changed);
}
