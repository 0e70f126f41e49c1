//! `Deserialize` for the event and the options: what serializing wrote reads back as itself,
//! bad values are errors (never panics), and options read as the JavaScript boundary reads
//! them (every member optional, unknown ones refused, limits at least 1 and capped).
#![cfg(feature = "serde")]

use cc_number_events::__private::{options_from_json, summary_options_from_json};
use cc_number_events::__private::{HARD_MAX_INPUT_BYTES, HARD_MAX_OUTPUT_BYTES};
use cc_number_events::{parse, validate, ContactCenterEvent, SummarizeOptions, ValidateOptions};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/validate")
            .join(name),
    )
    .unwrap()
}

fn event_json() -> Value {
    let event = parse(fixture("webhook-created.json"), &ValidateOptions::default()).unwrap();
    serde_json::to_value(event).unwrap()
}

fn event_from(value: Value) -> Result<ContactCenterEvent, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

#[test]
fn every_valid_fixture_event_reads_back_as_itself() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let mut valid = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let strict = path.to_string_lossy().contains(".strict");
        let options = ValidateOptions {
            strict,
            ..ValidateOptions::default()
        };
        let Some(event) = validate(fs::read(&path).unwrap(), &options).event else {
            continue;
        };
        let text = serde_json::to_string(&event).unwrap();
        let back: ContactCenterEvent = serde_json::from_str(&text).unwrap();
        assert_eq!(back, event, "{}", path.display());
        valid += 1;
    }
    assert!(valid >= 10, "only {valid} valid fixtures");
}

#[test]
fn instants_beyond_four_digit_years_read_back() {
    let mut event: ContactCenterEvent = event_from(event_json()).unwrap();
    for ms in [i64::MIN, -62_167_219_200_001, 253_402_300_800_000, i64::MAX] {
        event.time = cc_number_events::Instant::from_millis(ms);
        let text = serde_json::to_string(&event).unwrap();
        assert_eq!(
            serde_json::from_str::<ContactCenterEvent>(&text).unwrap(),
            event
        );
    }
}

#[test]
fn the_rest_vocabulary_of_type_reads_as_the_event_vocabulary() {
    let mut json = event_json();
    json["body"]["phoneNumberInfo"]["type"] = json!("VoiceOnly");
    let event = event_from(json).unwrap();
    let info = event.body.phone_number_info;
    assert_eq!(info.number_type.map(|t| t.as_str()), Some("Voice"));
}

#[test]
fn absent_optional_members_read_as_none() {
    let mut json = event_json();
    let info = json["body"]["phoneNumberInfo"].as_object_mut().unwrap();
    info.retain(|k, _| k == "id" || k == "phoneNumber");
    let event = event_from(json).unwrap();
    let info = event.body.phone_number_info;
    assert_eq!(
        (info.uri, info.number_type, info.status),
        (None, None, None)
    );
    assert_eq!(info.contact_center_provider, None);
}

#[test]
fn bad_events_are_errors() {
    let cases: [(&str, Value, &str); 7] = [
        (
            "/timestamp",
            json!("yesterday"),
            "does not start with a date",
        ),
        (
            "/timestamp",
            json!("2023-04-18T20:25:24"),
            "has no time zone",
        ),
        (
            "/time",
            json!("2023-02-29T00:00:00.000Z"),
            "is not a date that exists",
        ),
        (
            "/time",
            json!(1681849524611u64),
            "expected an ISO 8601 instant",
        ),
        (
            "/body/eventType",
            json!("created"),
            "unknown eventType `created`",
        ),
        (
            "/body/phoneNumberInfo/type",
            json!("Telex"),
            "unknown type `Telex`",
        ),
        (
            "/body/phoneNumberInfo/id",
            json!(987654321),
            "expected a string",
        ),
    ];
    for (pointer, value, says) in cases {
        let mut json = event_json();
        *json.pointer_mut(pointer).unwrap() = value;
        let e = event_from(json).unwrap_err();
        assert!(e.contains(says), "{pointer}: {e}");
    }
    let mut json = event_json();
    json.as_object_mut().unwrap().remove("uuid");
    assert!(event_from(json)
        .unwrap_err()
        .contains("missing field `uuid`"));
    // A hostile timestamp is quoted clipped in the error, not whole.
    let mut json = event_json();
    json["time"] = json!("9".repeat(100_000));
    assert!(event_from(json).unwrap_err().len() < 300);
}

fn options(text: &str) -> Result<ValidateOptions, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn summarize_options(text: &str) -> Result<SummarizeOptions, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn options_left_out_are_the_defaults() {
    assert_eq!(options("{}").unwrap(), ValidateOptions::default());
    assert_eq!(
        summarize_options("{}").unwrap(),
        SummarizeOptions::default()
    );
    let o = summarize_options(r#"{"markdown": true, "maxItems": 5}"#).unwrap();
    assert!(o.markdown && !o.item.markdown, "a summary's own rendering");
    assert_eq!(o.max_items, 5);
    assert_eq!(o.item.max_input_bytes, 256 << 20, "summarize's own default");
}

#[test]
fn options_are_refused_as_javascript_refuses_them() {
    for (text, says) in [
        (
            r#"{"stict": true}"#,
            "unknown field `stict`, expected one of",
        ),
        (r#"{"maxItems": 5}"#, "unknown field `maxItems`"),
        (r#"{"strict": null}"#, "expected a boolean"),
        (r#"{"strict": 1}"#, "expected a boolean"),
        (
            r#"{"maxDepth": 0}"#,
            "expected a whole number of at least 1",
        ),
        (
            r#"{"maxDepth": -3}"#,
            "expected a whole number of at least 1",
        ),
        (
            r#"{"maxDepth": 1.5}"#,
            "expected a whole number of at least 1",
        ),
        (
            r#"{"maxDepth": "10"}"#,
            "expected a whole number of at least 1",
        ),
        (
            r#"{"maxDepth": null}"#,
            "expected a whole number of at least 1",
        ),
    ] {
        let e = options(text).unwrap_err();
        assert!(e.contains(says), "{text}: {e}");
    }
    for (text, says) in [
        (r#"{"text": true}"#, "unknown field `text`"),
        (r#"{"csv": null}"#, "expected a boolean"),
        (
            r#"{"maxOutputBytes": null}"#,
            "expected a whole number of at least 1",
        ),
        (
            r#"{"maxLogIssues": 0}"#,
            "expected a whole number of at least 1",
        ),
    ] {
        let e = summarize_options(text).unwrap_err();
        assert!(e.contains(says), "{text}: {e}");
    }
}

#[test]
fn limits_are_capped_as_in_javascript() {
    let o = options(r#"{"maxDepth": 1e9, "maxInputBytes": 1e12, "maxIssues": 1e300}"#).unwrap();
    assert_eq!(
        (o.max_depth, o.max_input_bytes, o.max_issues),
        (2000, HARD_MAX_INPUT_BYTES, usize::MAX)
    );
    let o = summarize_options(r#"{"maxOutputBytes": 18446744073709551615}"#).unwrap();
    assert_eq!(o.max_output_bytes, Some(HARD_MAX_OUTPUT_BYTES));
}

/// Side by side with the boundary's own reading of JSON options (what `JSON.stringify` makes
/// of a caller's object): the same options accepted, to the same values, and the same refused.
#[test]
fn options_read_as_the_javascript_boundary_reads_them() {
    let members = [
        r#""strict": true"#,
        r#""strict": "yes""#,
        r#""maxInputBytes": 10"#,
        r#""maxInputBytes": 2e9"#,
        r#""maxDepth": 1.5e3"#,
        r#""maxDepth": 2001"#,
        r#""maxDepth": 0"#,
        r#""maxDepth": -0"#,
        r#""maxDepth": 1e-3"#,
        r#""maxIssues": 1.0"#,
        r#""maxIssues": []"#,
        r#""maxItems": 9"#,
        r#""maxLogIssues": 1e3"#,
        r#""maxOutputBytes": 1e12"#,
        r#""maxOutputBytes": 100"#,
        r#""text": true"#,
        r#""markdown": false"#,
        r#""csv": {}"#,
        r#""strct": true"#,
    ];
    let compare = |text: &str| {
        let (ours, theirs) = (options(text).ok(), options_from_json(text).ok());
        assert_eq!(ours, theirs, "validate {text}");
        let (ours, theirs) = (
            summarize_options(text).ok(),
            summary_options_from_json(text).ok(),
        );
        assert_eq!(ours, theirs, "summarize {text}");
    };
    compare("{}");
    // A JavaScript object has each key once: each member alone, then pairs of members with
    // different keys.
    let key = |m: &str| m.split('"').nth(1).unwrap().to_string();
    let mut compared = 0;
    for a in members {
        compare(&format!("{{{a}}}"));
        for b in members.iter().filter(|b| key(b) != key(a)) {
            compare(&format!("{{{a}, {b}}}"));
            compared += 1;
        }
    }
    assert!(compared > 250, "{compared}");
}
