//! The already-parsed route (`validate_value`, `summarize_values`) against the text route, on
//! every fixture: the same verdict and the same issues at the same paths, without positions,
//! plus what a parsed value cannot show.

use cc_number_events::__private::{validate_clean_value, CleanValue, ValuesLog};
use cc_number_events::{
    parse_value, summarize, summarize_values, validate, validate_value, SummarizeOptions,
    ValidateOptions,
};
use serde_json::Value;
use std::fs;

type Seen = (String, String, String);

fn issues(r: &cc_number_events::Report) -> Vec<Seen> {
    let mut seen = r
        .errors
        .iter()
        .chain(&r.warnings)
        .filter(|i| i.code.as_str() != "duplicate-keys-unseen")
        .map(|i| {
            (
                i.code.as_str().to_string(),
                i.severity.as_str().to_string(),
                i.path.clone(),
            )
        })
        .collect::<Vec<_>>();
    // serde_json's map orders keys by name, and issues follow the order of the members.
    seen.sort();
    seen
}

fn has_double(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(a) => a.iter().any(has_double),
        Value::Object(o) => o.values().any(has_double),
        _ => false,
    }
}

#[test]
fn every_fixture_reads_the_same_as_an_object() {
    let mut compared = 0;
    for entry in fs::read_dir("tests/fixtures/validate").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read(&path).unwrap();
        let by_text = validate(&text, &ValidateOptions::default());
        // What JSON.parse would have refused or changed (broken text, duplicate keys,
        // repaired bytes, numbers serde_json reads otherwise) has nothing to compare with.
        let changed = |code: &str| {
            code.starts_with("json-")
                || matches!(
                    code,
                    "invalid-utf8" | "byte-order-mark" | "utf16-encoding" | "validation-request"
                )
        };
        if by_text
            .errors
            .iter()
            .chain(&by_text.warnings)
            .any(|i| changed(i.code.as_str()))
        {
            continue;
        }
        let Ok(value) = serde_json::from_slice::<Value>(&text) else {
            continue;
        };
        // A number with a fraction or exponent is a double once parsed: `1.0` reads as `1`.
        if has_double(&value) {
            continue;
        }
        let by_value = validate_value(&value, &ValidateOptions::default()).unwrap();
        let name = path.display();
        assert_eq!(by_value.valid, by_text.valid, "{name}");
        assert_eq!(by_value.kind, by_text.kind, "{name}");
        assert_eq!(by_value.delivery, by_text.delivery, "{name}");
        assert_eq!(issues(&by_value), issues(&by_text), "{name}");
        assert_eq!(by_value.event, by_text.event, "{name}");
        let first = &by_value.warnings[0];
        assert_eq!(first.code.as_str(), "duplicate-keys-unseen", "{name}");
        for i in by_value.errors.iter().chain(&by_value.warnings) {
            assert_eq!(
                (i.line, i.column, i.offset, i.length),
                (None, None, None, None)
            );
        }
        compared += 1;
    }
    assert!(compared > 100, "only {compared} fixtures compared");
}

const VALID: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber"}}}"#;

#[test]
fn a_valid_object_is_valid_and_says_what_it_cannot_see() {
    let value: Value = serde_json::from_str(VALID).unwrap();
    let report = validate_value(&value, &ValidateOptions::default()).unwrap();
    assert!(report.valid);
    assert_eq!(
        report.change,
        validate(VALID, &ValidateOptions::default()).change
    );
    let w = &report.warnings;
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].code.as_str(), w[0].path.as_str()),
        ("duplicate-keys-unseen", "")
    );
    assert!(w[0].hint.as_deref().unwrap().contains("raw body"));
    assert!(parse_value(&value, &ValidateOptions::default())
        .unwrap()
        .is_ok());
}

#[test]
fn the_duplicate_text_shows_is_gone_from_the_object() {
    let dup = VALID.replace(
        r#""eventType":"Created""#,
        r#""eventType":"Deleted","eventType":"Created""#,
    );
    assert_eq!(
        validate(&dup, &ValidateOptions::default()).errors[0]
            .code
            .as_str(),
        "json-duplicate-key"
    );
    let value: Value = serde_json::from_str(&dup).unwrap();
    let report = validate_value(&value, &ValidateOptions::default()).unwrap();
    assert!(
        report.valid,
        "the parser kept one eventType; only the warning is left"
    );
    assert_eq!(report.warnings[0].code.as_str(), "duplicate-keys-unseen");
}

#[test]
fn integers_past_2_53_are_flagged_only_when_they_came_as_doubles() {
    let big = VALID.replace(r#""id":"987654321""#, r#""id":12345678901234567890"#);
    // serde_json holds this u64 exactly: a numeric id, no lost digits.
    let value: Value = serde_json::from_str(&big).unwrap();
    let codes: Vec<_> = validate_value(&value, &ValidateOptions::default())
        .unwrap()
        .warnings
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["duplicate-keys-unseen", "numeric-id"]);
    // As a double (what JavaScript holds) it may have lost digits.
    let value: Value =
        serde_json::from_str(&big.replace("12345678901234567890", "1.2345678901234567e19"))
            .unwrap();
    let report = validate_value(&value, &ValidateOptions::default()).unwrap();
    let flagged = report
        .warnings
        .iter()
        .find(|i| i.code.as_str() == "number-not-exact")
        .expect("flagged");
    assert_eq!(flagged.path, "/body/phoneNumberInfo/id");
    assert!(
        flagged.message.contains("12345678901234567000"),
        "{}",
        flagged.message
    );
    assert_eq!(
        report.event.map(|e| e.body.phone_number_info.id),
        Some("12345678901234567000".to_string())
    );
}

#[test]
fn nesting_past_max_depth_is_located_by_path() {
    let mut value = Value::Null;
    for _ in 0..10 {
        value = serde_json::json!({ "a": [value] });
    }
    let options = ValidateOptions {
        max_depth: 5,
        ..ValidateOptions::default()
    };
    let report = validate_value(&value, &options).unwrap();
    let e = &report.errors[0];
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("json-too-deep", "/a/0/a/0/a")
    );
    assert_eq!(e.line, None);
    // And past maxInputBytes, as the JSON text would be.
    let options = ValidateOptions {
        max_input_bytes: 100,
        ..ValidateOptions::default()
    };
    let value: Value = serde_json::from_str(VALID).unwrap();
    let e = &validate_value(&value, &options).unwrap().errors[0];
    assert_eq!(e.code.as_str(), "input-too-large");
}

#[test]
fn an_array_of_objects_is_a_log_with_items_by_index() {
    let log = fs::read_to_string("tests/fixtures/summarize/mixed-day.ndjson").unwrap();
    let items: Value = log
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect::<Vec<Value>>()
        .into();
    let by_text = summarize(&log, &SummarizeOptions::default());
    let by_value = summarize_values(&items, &SummarizeOptions::default()).unwrap();
    assert_eq!(
        (
            by_value.events,
            by_value.valid,
            by_value.invalid,
            by_value.duplicates
        ),
        (
            by_text.events,
            by_text.valid,
            by_text.invalid,
            by_text.duplicates
        )
    );
    assert_eq!(by_value.net, by_text.net);
    let p = &by_value.problems[0];
    assert_eq!(p.line as usize, p.index.unwrap() + 1);
    assert!(p.issues.iter().all(|i| i.line.is_none()));
    assert!(
        by_value
            .text
            .contains("item 9, /body/eventType invalid-event-type"),
        "{}",
        by_value.text
    );
    // One object is a log of one item.
    let one: Value = serde_json::from_str(VALID).unwrap();
    assert!(summarize_values(&one, &SummarizeOptions::default()).is_err());
    let s = summarize_values(&Value::Array(vec![one]), &SummarizeOptions::default()).unwrap();
    assert_eq!((s.events, s.valid), (1, 1));
}

/// A notification with every member, in RingCentral's order.
const FULL: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Updated","phoneNumberInfo":{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321","id":"987654321","phoneNumber":"+12024999741","paymentType":"Local","location":"Washington, DC","type":"VoiceFax","usageType":"ContactCenterNumber","status":"Normal","contactCenterProvider":{"id":"1","name":"RingCX"}}}}"#;

/// Every option that changes a report, one at a time.
fn option_sets() -> Vec<ValidateOptions> {
    let d = ValidateOptions::default;
    let mut sets = vec![d()];
    let mut each = |f: &dyn Fn(&mut ValidateOptions)| {
        let mut o = d();
        f(&mut o);
        sets.push(o);
    };
    each(&|o| o.strict = true);
    each(&|o| o.redact = true);
    each(&|o| (o.text, o.markdown, o.csv) = (true, true, true));
    each(&|o| o.max_issues = 1);
    each(&|o| o.max_depth = 3);
    each(&|o| o.max_input_bytes = 400);
    sets
}

/// Where the fast path answers for a parsed value, it gives `validate_value`'s very report.
fn same_when_clean(value: &Value, what: &str) -> usize {
    let mut answered = 0;
    for options in option_sets() {
        let full = validate_value(value, &options).unwrap();
        if let Some(fast) = validate_clean_value(value, &options) {
            assert_eq!(fast, full, "{what} {options:?}");
            answered += 1;
        } else {
            // Only what has anything to report (or a limit the tree would reach) is left to it.
            assert!(
                !full.valid
                    || full.warnings.len() > 1
                    || full.delivery != cc_number_events::Delivery::WebHook
                    || options.max_depth < 4
                    || options.max_input_bytes < 1000,
                "{what} {options:?}: a clean value the fast path left"
            );
        }
    }
    answered
}

#[test]
fn the_fast_path_for_parsed_values_gives_the_same_report() {
    let mut answered = 0;
    for entry in fs::read_dir("tests/fixtures/validate").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(value) = serde_json::from_slice::<Value>(&fs::read(&path).unwrap()) else {
            continue;
        };
        answered += same_when_clean(&value, &path.display().to_string());
    }
    assert!(answered >= 30, "only {answered} answers from the fast path");
}

#[test]
fn the_fast_path_for_parsed_values_leaves_anything_unclean_to_the_tree() {
    let full = FULL;
    let options = ValidateOptions::default();
    // Not answered: `maxDepth: 3` (the fast path wants room for contactCenterProvider), and
    // 400 bytes for the longer one, which the tree refuses.
    for (clean, left) in [(VALID, 1), (full, 2)] {
        let value: Value = serde_json::from_str(clean).unwrap();
        assert_eq!(same_when_clean(&value, clean), option_sets().len() - left);
    }
    let mutations = [
        (r#""ownerId":"8475874957""#, r#""ownerId":8475874957"#),
        (r#""id":"987654321""#, r#""id":987654321"#),
        (r#""uri":"https"#, r#""uri":null,"x":"https"#),
        (
            r#""location":"Washington, DC""#,
            r#""location":"Washington,\nDC""#,
        ),
        (
            r#""location":"Washington, DC""#,
            r#""location":"Washington \"DC\"""#,
        ),
        (r#""status":"Normal""#, r#""status":"Normal","extra":1"#),
        (r#""name":"RingCX""#, r#""name":"RingCX","x":"y""#),
        (
            r#""contactCenterProvider":{"id":"1","name":"RingCX"}"#,
            r#""contactCenterProvider":["1","RingCX"]"#,
        ),
        (
            r#""contactCenterProvider":{"id":"1","name":"RingCX"}"#,
            r#""contactCenterProvider":null"#,
        ),
        (
            r#""usageType":"ContactCenterNumber""#,
            r#""usageType":"ContactCenter""#,
        ),
        (r#""eventType":"Updated""#, r#""eventType":"updated""#),
        (r#""paymentType":"Local""#, r#""paymentType":"Lokal""#),
        (
            r#""timestamp":"2023-04-18T20:25:24.611Z""#,
            r#""timestamp":"2023-04-18""#,
        ),
        (r#""uuid":"2661273919712564939","#, ""),
    ];
    for (from, to) in mutations {
        let text = full.replacen(from, to, 1);
        assert_ne!(text, full, "{from}");
        let value: Value = serde_json::from_str(&text).unwrap();
        // A string JSON escapes is clean to the tree; the fast path leaves it, as for text.
        assert!(validate_clean_value(&value, &options).is_none(), "{to}");
    }
    // An array in the envelope's place is not read by position.
    let value: Value = serde_json::from_str(full).unwrap();
    let Value::Object(members) = &value else {
        unreachable!()
    };
    let by_position = Value::Array(members.values().cloned().collect());
    assert!(validate_clean_value(&by_position, &options).is_none());
}

#[test]
fn a_parsed_value_with_something_to_report_gets_its_tree_from_the_strings_read() {
    let defects = [
        (r#""eventType":"Updated""#, r#""eventType":"updated""#),
        (
            r#""phoneNumber":"+12024999741""#,
            r#""phoneNumber":"(202) 499-9741""#,
        ),
        (
            r#""timestamp":"2023-04-18T20:25:24.611Z""#,
            r#""timestamp":"2023-04-18""#,
        ),
        (r#""uuid":"2661273919712564939","#, ""),
        (r#""status":"Normal""#, r#""status":"Norml""#),
        (r#""paymentType":"Local""#, r#""paymentType":"Lokal""#),
        (r#""id":"1""#, r#""id":"""#),
        (
            r#""location":"Washington, DC""#,
            r#""location":"Washington,\nDC""#,
        ),
        (r#""ownerId":"8475874957""#, r#""ownerId":"84-75""#),
    ];
    let (mut compared, mut reported) = (0, 0);
    for (from, to) in defects {
        // Each member stays in its place: the text's order is RingCentral's.
        let text = FULL.replacen(from, to, 1);
        assert_ne!(text, FULL, "{from}");
        let value: Value = serde_json::from_str(&text).unwrap();
        let read = CleanValue::read(&value).unwrap();
        for options in option_sets() {
            let by_tree = validate_value(&mut serde_json::Deserializer::from_str(&text), &options);
            assert_eq!(
                read.report_in_order(&options),
                Some(by_tree.unwrap()),
                "{to} {options:?}"
            );
            compared += 1;
        }
        let r = read.report_in_order(&ValidateOptions::default()).unwrap();
        reported += usize::from(!r.valid || r.warnings.len() > 1);
    }
    assert!(compared >= 40 && reported >= 5, "{compared} {reported}");
}

/// Items of a log in RingCentral's order: clean ones (the fast path's), warned, invalid, a
/// duplicate with the same text and a redelivery with another, items of other shapes.
fn mixed_items() -> Vec<String> {
    let other_uuid = |t: &str, n: u32| t.replacen("2661273919712564939", &format!("{n}"), 1);
    let mut items = vec![
        FULL.to_string(),
        other_uuid(VALID, 1),
        // Warned: a member it does not know, an id sent as a number, an undocumented status.
        other_uuid(
            &FULL.replacen(r#""status":"Normal""#, r#""status":"Normal","x":"y""#, 1),
            2,
        ),
        other_uuid(
            &FULL.replacen(r#""ownerId":"8475874957""#, r#""ownerId":8475874957"#, 1),
            3,
        ),
        other_uuid(
            &FULL.replacen(r#""status":"Normal""#, r#""status":"Odd""#, 1),
            4,
        ),
        // Invalid.
        other_uuid(
            &FULL.replacen(r#""eventType":"Updated""#, r#""eventType":"updated""#, 1),
            5,
        ),
        other_uuid(
            &VALID.replacen(r#""phoneNumber":"+12024999741""#, r#""phoneNumber":"x""#, 1),
            6,
        ),
        // A string JSON escapes: clean to the tree, not to the fast path.
        other_uuid(&FULL.replacen("Washington, DC", "Washington,\\nDC", 1), 7),
        // The same uuid: once with the same text, once with another.
        FULL.to_string(),
        FULL.replacen("Updated", "Deleted", 1),
        "null".to_string(),
        "[1,2]".to_string(),
        r#"{"uuid":"9"}"#.to_string(),
    ];
    // Time runs backwards, then on.
    items.push(other_uuid(
        &VALID.replacen("2023-04-18", "2023-04-17", 1),
        8,
    ));
    items.push(other_uuid(
        &VALID.replacen("2023-04-18", "2023-04-19", 1),
        9,
    ));
    items
}

#[test]
fn a_log_of_objects_read_by_name_gives_the_same_summary() {
    let items = mixed_items();
    let log = format!("[{}]", items.join(","));
    let (mut compared, mut read_by_name) = (0, 0);
    let mut sets: Vec<SummarizeOptions> = option_sets()
        .into_iter()
        .map(|item| SummarizeOptions {
            item,
            ..SummarizeOptions::default()
        })
        .collect();
    sets.push(SummarizeOptions {
        max_items: 4,
        ..SummarizeOptions::default()
    });
    // Each item from its text, whose members keep their order (a `Value`'s are sorted).
    let summary = |options: &SummarizeOptions, by_name: bool, read_by_name: &mut usize| {
        let mut log = ValuesLog::new(options);
        for item in &items {
            if !log.wants_more() {
                break;
            }
            let text = || serde_json::Deserializer::from_str(item);
            if by_name && log.push_in_order(&mut text()) {
                *read_by_name += 1;
            } else {
                log.push(&mut text()).unwrap();
            }
        }
        log.summary().unwrap()
    };
    for options in &sets {
        let by_tree = summary(options, false, &mut 0);
        assert_eq!(
            summary(options, true, &mut read_by_name),
            by_tree,
            "{options:?}"
        );
        compared += 1;
        // Every item by its tree is `summarize_values`'s (where no limit stops a tree before
        // the end of its item, which would leave the log's text in the middle of it).
        let limits = ValidateOptions::default();
        let (depth, bytes) = (options.item.max_depth, options.item.max_input_bytes);
        if (depth, bytes) == (limits.max_depth, limits.max_input_bytes) {
            let whole = summarize_values(&mut serde_json::Deserializer::from_str(&log), options);
            assert_eq!(whole.unwrap(), by_tree, "{options:?}");
        }
    }
    // Most sets read most items by name (not `strict`, nor the small limits).
    assert!(compared == 8 && read_by_name >= 40, "{read_by_name}");
}
