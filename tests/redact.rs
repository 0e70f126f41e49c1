//! The `redact` option on every fixture: no phone number of the payload is left in what a
//! person reads (messages, hints, the change sentence, the renderings), each masked one still
//! tells numbers apart, and nothing else of the report changes.

use cc_number_events::{summarize, validate, SummarizeOptions, ValidateOptions};
use std::fs;

/// Every `+` followed by 7 digits or more (separators between them allowed), as written.
fn phone_numbers(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('+') {
        let run: String = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || matches!(c, b' ' | b'-' | b'.' | b'(' | b')'))
            .filter(|c| c.is_ascii_digit())
            .map(|&c| char::from(c))
            .collect();
        if run.len() >= 7 {
            out.push(run);
        }
    }
    out
}

fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    let root = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<_> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("expected" | "rendered")
            )
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_redacted_report_quotes_no_phone_number_and_is_otherwise_the_same() {
    let plain = ValidateOptions {
        text: true,
        markdown: true,
        csv: true,
        ..Default::default()
    };
    let redacted = ValidateOptions {
        redact: true,
        ..plain.clone()
    };
    let mut masked = 0;
    for (name, bytes) in fixtures("validate") {
        let a = validate(&bytes, &plain);
        let b = validate(&bytes, &redacted);
        assert_eq!(
            (a.valid, a.kind, a.delivery),
            (b.valid, b.kind, b.delivery),
            "{name}"
        );
        assert_eq!(a.event, b.event, "{name}: the event keeps its values");
        let (ia, ib): (Vec<_>, Vec<_>) = (
            a.errors.iter().chain(&a.warnings).collect(),
            b.errors.iter().chain(&b.warnings).collect(),
        );
        assert_eq!(ia.len(), ib.len(), "{name}");
        for (x, y) in ia.iter().zip(&ib) {
            assert_eq!(
                (x.code, &x.path, x.line, x.column, x.offset),
                (y.code, &y.path, y.line, y.column, y.offset),
                "{name}"
            );
            for text in [Some(&y.message), y.hint.as_ref()].into_iter().flatten() {
                assert_eq!(phone_numbers(text), Vec::<String>::new(), "{name}: {text}");
                if y.path.ends_with("/phoneNumber") {
                    assert!(
                        !text
                            .bytes()
                            .collect::<Vec<_>>()
                            .windows(8)
                            .any(|w| w.iter().all(u8::is_ascii_digit)),
                        "{name}: {text}"
                    );
                }
            }
            masked += usize::from(x.message != y.message);
        }
        let sentence = b.change.as_ref().map(|c| c.sentence.as_str()).unwrap_or("");
        let renderings = [
            b.text.as_deref(),
            b.markdown.as_deref(),
            b.csv.as_deref(),
            Some(sentence),
        ];
        for text in renderings.into_iter().flatten() {
            assert_eq!(phone_numbers(text), Vec::<String>::new(), "{name}: {text}");
        }
        if let (Some(event), Some(text)) = (&b.event, &b.text) {
            let number = &event.body.phone_number_info.phone_number;
            let shown = format!("{}•••{}", &number[..5], &number[number.len() - 4..]);
            assert!(text.contains(&shown), "{name}: {shown} not in\n{text}");
        }
    }
    assert!(masked > 5, "only {masked} messages were masked");
}

#[test]
fn a_redacted_summary_quotes_no_phone_number_and_keeps_its_structure() {
    let plain = SummarizeOptions {
        markdown: true,
        csv: true,
        ..Default::default()
    };
    let mut redacted = plain.clone();
    redacted.item.redact = true;
    for (name, bytes) in fixtures("summarize") {
        let a = summarize(&bytes, &plain);
        let b = summarize(&bytes, &redacted);
        assert_eq!(a.numbers, b.numbers, "{name}: numbers keep their values");
        assert_eq!(
            (a.events, a.valid, a.invalid),
            (b.events, b.valid, b.invalid),
            "{name}"
        );
        for text in [Some(&b.text), b.markdown.as_ref(), b.csv.as_ref()]
            .into_iter()
            .flatten()
        {
            assert_eq!(phone_numbers(text), Vec::<String>::new(), "{name}");
        }
        for issue in b.problems.iter().flat_map(|p| &p.issues) {
            assert_eq!(
                phone_numbers(&issue.message),
                Vec::<String>::new(),
                "{name}"
            );
        }
        if !a.numbers.is_empty() {
            assert_ne!(a.text, b.text, "{name}: nothing was masked");
        }
    }
}

#[test]
fn a_redacted_summary_stays_within_max_output_bytes() {
    let log: String = (0..2000)
        .map(|i| format!(r#"{{"uuid":"{}","event":"/restapi/v1.0/account/{i}/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"1","body":{{"eventType":"Deleted","phoneNumberInfo":{{"id":"{i}","phoneNumber":"+4412{i:05}"}}}}}}"#, 2661273919712560000u64 + i) + "\n")
        .collect();
    let mut options = SummarizeOptions {
        markdown: true,
        csv: true,
        max_output_bytes: Some(20_000),
        ..Default::default()
    };
    options.item.redact = true;
    let s = summarize(log.as_bytes(), &options);
    assert!(s.output_truncated);
    for text in [Some(&s.text), s.markdown.as_ref(), s.csv.as_ref()]
        .into_iter()
        .flatten()
    {
        assert!(text.len() <= 20_000, "{} bytes", text.len());
        assert_eq!(phone_numbers(text), Vec::<String>::new());
    }
}
