//! The tree-free fast path answers notifications with warnings too (issue #12): a member
//! RingCentral added, ids sent as numbers, the documentation sample's placeholder and empty
//! `uri`. These tests hold that it is really taken for them (so that the speed cannot
//! quietly fall back to the parse tree), and that its report and summary are the tree's.
#![cfg(not(target_arch = "wasm32"))]

use cc_number_events::__private::{log_item_warnings, validate_fast_only};
use cc_number_events::{summarize, summarize_tree, SummarizeOptions};
use cc_number_events::{validate, validate_tree, ValidateOptions};

const CLEAN: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Updated","phoneNumberInfo":{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321","id":"987654321","phoneNumber":"+12024999741","paymentType":"Local","location":"Washington, DC","type":"VoiceFax","usageType":"ContactCenterNumber","status":"Normal","contactCenterProvider":{"id":"1","name":"InContact/North America"}}}}"#;

/// `CLEAN` with each replacement made once, in order.
fn with(changes: &[(&str, &str)]) -> String {
    let mut text = CLEAN.to_string();
    for (from, to) in changes {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Payloads the rules only warn about, and the warnings' codes.
fn warned() -> Vec<(String, Vec<&'static str>)> {
    let uri = "\"uri\":\"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321\"";
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/validate/doc-sample.json"
    ))
    .unwrap();
    vec![
        (CLEAN.to_string(), vec![]),
        (
            with(&[(
                "\"status\":\"Normal\",",
                "\"status\":\"Normal\",\"tollType\":\"Toll\",",
            )]),
            vec!["unknown-field"],
        ),
        (doc, vec!["event-filter-placeholder", "empty-uri"]),
        (
            with(&[
                ("/37439510/phone-number?", "/{accountId}/phone-number?"),
                (uri, "\"uri\":\"\""),
            ]),
            vec!["event-filter-placeholder", "empty-uri"],
        ),
        (
            with(&[
                ("\"ownerId\":\"8475874957\"", "\"ownerId\":8475874957"),
                ("\"id\":\"987654321\"", "\"id\":987654321"),
                ("\"id\":\"1\"", "\"id\":1"),
            ]),
            vec!["numeric-id", "numeric-id", "numeric-id"],
        ),
        (
            // Unknown members at each of the four levels, with values of every JSON type.
            with(&[
                (
                    "{\"uuid\"",
                    "{\"Uuid\":[1,-2.5e3,true,null,{\"a\":{}}],\"uuid\"",
                ),
                (
                    "\"eventType\"",
                    "\"extra\":{\"b\":[],\"c\":\"d\"},\"eventType\"",
                ),
                (
                    "\"id\":\"987",
                    "\"tollType\":\"Toll\",\"byocNumber\":false,\"id\":\"987",
                ),
                ("\"name\"", "\"label\":null,\"name\""),
            ]),
            vec!["unknown-field"; 5],
        ),
        (
            with(&[
                ("9d38419f-645f-4ee3-a053-8cf1368c21c4", "{subscriptionId}"),
                ("\"Local\"", "\"Premium\""),
                ("\"Normal\"", "\"Reserved\""),
                ("\"ContactCenterNumber\"", "\"NewUsage\""),
            ]),
            vec![
                "subscription-id-format",
                "unknown-payment-type",
                "unknown-usage-type",
                "unknown-status",
            ],
        ),
        (
            // Pretty-printed, the way people paste it.
            with(&[(
                "\"status\":\"Normal\",",
                "\n  \"status\" : \"Normal\" ,\r\n\t\"tollType\" : \"Toll\",\n",
            )]),
            vec!["unknown-field"],
        ),
    ]
}

#[test]
fn notifications_with_warnings_only_take_the_fast_path_to_the_trees_report() {
    for (text, codes) in warned() {
        for max_issues in [1, 2, 100] {
            let options = ValidateOptions {
                max_issues,
                ..ValidateOptions::default()
            };
            let tree = validate_tree(&text, &options);
            let fast = validate_fast_only(&text, &options)
                .unwrap_or_else(|| panic!("the fast path gave up on {text}"));
            assert_eq!(fast, tree, "{text}");
            assert_eq!(validate(&text, &options), tree);
            assert!(fast.valid, "{text}");
            if max_issues == 100 {
                let got: Vec<_> = fast.warnings.iter().map(|w| w.code.as_str()).collect();
                assert_eq!(got, codes, "{text}");
            }
        }
    }
}

#[test]
fn strict_mode_and_errors_leave_the_payload_to_the_tree_with_the_same_report() {
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    for (text, codes) in warned() {
        // Unknown members and undocumented values are errors under `strict`.
        let strict_error = codes.iter().any(|c| c.starts_with("unknown-"));
        assert_eq!(
            validate_fast_only(&text, &strict).is_none(),
            strict_error,
            "{text}"
        );
        assert_eq!(validate(&text, &strict), validate_tree(&text, &strict));
    }
    let toll_type = with(&[("\"status\":\"Normal\",", "\"tollType\":\"Toll\",")]);
    for broken in [
        // An error anywhere, however many warnings come before it.
        with(&[
            ("\"ownerId\":\"8475874957\"", "\"ownerId\":8475874957"),
            ("\"+1202", "\"1202"),
        ]),
        with(&[
            ("\"id\":\"987654321\"", "\"id\":987654321"),
            ("phone-number/987654321", "phone-number/1"),
        ]),
        with(&[("{\"uuid\"", "{\"x\":1,\"x\":2,\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":{\"y\":1,\"y\":2},\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":\"\\u0041\",\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":01,\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":[1,],\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"pn_apns\":{},\"uuid\"")]),
        with(&[("\"ownerId\":\"8475874957\"", "\"ownerId\":08475874957")]),
        with(&[("\"ownerId\":\"8475874957\"", "\"ownerId\":-1")]),
        with(&[
            ("\"ContactCenterNumber\"", "\"NewUsage\""),
            ("\"Updated\"", "\"Created\""),
        ]),
        toll_type.replacen(
            "\"tollType\":\"Toll\"",
            "\"tollType\":\"Toll\",\"tollType\":\"Toll\"",
            1,
        ),
    ] {
        assert!(
            validate_fast_only(&broken, &ValidateOptions::default()).is_none(),
            "{broken}"
        );
        let options = ValidateOptions::default();
        assert_eq!(
            validate(&broken, &options),
            validate_tree(&broken, &options),
            "{broken}"
        );
    }
}

#[test]
fn unknown_members_nested_past_the_depth_limit_are_the_trees_to_report() {
    let deep = with(&[("\"name\"", "\"x\":[[[[]]]],\"name\"")]);
    for max_depth in 4..10 {
        let options = ValidateOptions {
            max_depth,
            ..ValidateOptions::default()
        };
        let tree = validate_tree(&deep, &options);
        assert_eq!(validate(&deep, &options), tree, "maxDepth {max_depth}");
        assert_eq!(validate_fast_only(&deep, &options).is_some(), tree.valid);
    }
}

#[test]
fn a_log_of_warned_notifications_is_read_on_the_fast_path_to_the_trees_summary() {
    // One line each, and a uuid each: duplicates are not judged again.
    let lines: Vec<String> = warned()
        .into_iter()
        .enumerate()
        .map(|(i, (t, _))| {
            let t = t.replace(['\n', '\r'], " ");
            t.replacen(
                "2661273919712564939",
                &format!("26612739197125649{i:02}"),
                1,
            )
        })
        .collect();
    let log = lines.join("\n");
    let mut start = 0;
    for (line, (_, codes)) in lines.iter().zip(warned()) {
        assert_eq!(
            log_item_warnings(&log, start, 64, false),
            Some(codes.len()),
            "{line}"
        );
        start += line.len() + 1;
    }
    for strict in [false, true] {
        let mut options = SummarizeOptions::default();
        options.item.strict = strict;
        assert_eq!(summarize(&log, &options), summarize_tree(&log, &options));
    }
}
