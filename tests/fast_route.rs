//! The tree-free fast path answers notifications with warnings too (issue #12): a member
//! RingCentral added, ids sent as numbers, the documentation sample's placeholder and empty
//! `uri`; and invalid ones whose errors it can locate (a member missing, of the wrong type or
//! refused by its rule). These tests hold that it is really taken for them (so that the speed
//! cannot quietly fall back to the parse tree), and that its report and summary are the tree's.
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
fn strict_mode_makes_warnings_errors_on_the_fast_path_with_the_trees_report() {
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    for (text, codes) in warned() {
        // Unknown members and undocumented values are errors under `strict`.
        let strict_error = codes.iter().any(|c| c.starts_with("unknown-"));
        let tree = validate_tree(&text, &strict);
        let fast = validate_fast_only(&text, &strict)
            .unwrap_or_else(|| panic!("the fast path gave up on {text}"));
        assert_eq!(fast, tree, "{text}");
        assert_eq!(fast.valid, !strict_error, "{text}");
        assert_eq!(validate(&text, &strict), tree);
    }
}

/// Payloads with errors the fast path locates without a tree: one for each kind of defect in
/// the bench's invalid corpus (bench/corpus.mjs) but a cut-off text, and mixes of them.
fn invalid() -> Vec<String> {
    let owner = "\"ownerId\":\"8475874957\"";
    let number = "\"phoneNumber\":\"+12024999741\"";
    let event =
        "\"event\":\"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber\"";
    let mut payloads = vec![
        // bad-event-type, in each spelling
        with(&[("\"Updated\"", "\"updated\"")]),
        with(&[("\"Updated\"", "\"Modified\"")]),
        // non-e164-number
        with(&[("\"+12024999741\"", "\"12024999741\"")]),
        with(&[("\"+12024999741\"", "\"(202) 499-9741\"")]),
        with(&[("\"+12024999741\"", "\"+1 202-4999741\"")]),
        with(&[("\"+12024999741\"", "\"+012024999741\"")]),
        with(&[("\"+12024999741\"", "\"+1202499974112024999741\"")]),
        with(&[("\"+12024999741\"", "\"+1202\"")]),
        with(&[("\"+12024999741\"", "\"+9994999741\"")]),
        with(&[("\"+12024999741\"", "\"+11024999741\"")]),
        // bad-timestamp
        with(&[("2023-04-18T20:25:24.611Z", "2023-02-30T10:15:00.000Z")]),
        with(&[("2023-04-18T20:25:24.611Z", "18/04/2023 20:25:24")]),
        // wrong-type, each member the corpus retypes, and values of every JSON type
        with(&[(number, "\"phoneNumber\":12024999741")]),
        with(&[("\"phoneNumberInfo\":{", "\"phoneNumberInfo\":[{")]).replacen("}}}}", "}}]}}", 1),
        with(&[("\"Updated\"", "1")]),
        with(&[(owner, "\"ownerId\":true")]),
        with(&[(owner, "\"ownerId\":{\"a\":[1,{}]}")]),
        with(&[(
            "\"contactCenterProvider\":{\"id\":\"1\",\"name\":\"InContact/North America\"}",
            "\"contactCenterProvider\":\"InContact/North America\"",
        )]),
        with(&[("\"body\":{", "\"body\":[],\"x\":{")]),
        with(&[("\"name\":\"InContact/North America\"", "\"name\":false")]),
        with(&[("\"Local\"", "-1.5e3")]),
        with(&[("\"Washington, DC\"", "[]")]),
        // unknown-usage-type on Created and Deleted (a mismatch too), on Updated under an error
        with(&[
            ("\"Updated\"", "\"Created\""),
            ("\"ContactCenterNumber\"", "\"ContactCentreNumber\""),
        ]),
        with(&[
            ("\"Updated\"", "\"Deleted\""),
            ("\"ContactCenterNumber\"", "\"DirectNumber\""),
        ]),
        with(&[
            ("\"Updated\"", "\"Gone\""),
            ("\"ContactCenterNumber\"", "\"contactcenter\""),
        ]),
        // bad-number-type, bad-uuid, bad-event-filter
        with(&[("\"VoiceFax\"", "\"Voip\"")]),
        with(&[("\"2661273919712564939\"", "\"266127391971\"")]),
        with(&[("\"2661273919712564939\"", "\"not-a-uuid-at-all\"")]),
        with(&[("?usageType=ContactCenterNumber\"", "\"")]),
        with(&[(
            "?usageType=ContactCenterNumber\"",
            "?usageType=ContactCenter\"",
        )]),
        with(&[("/37439510/phone-number?", "/acme/phone-number?")]),
        // A filter that names no resource: the body makes it this event's.
        with(&[(event, "\"event\":\"\"")]),
        with(&[
            (event, "\"event\":\"x\""),
            ("\"phoneNumberInfo\"", "\"info\""),
        ]),
        // null-value, empty-string
        with(&[(owner, "\"ownerId\":null")]),
        with(&[("\"Updated\"", "null")]),
        with(&[("\"Normal\"", "null")]),
        // usageType there but not a string, on the event that needs it: of the wrong type,
        // not missing
        with(&[("\"ContactCenterNumber\"", "null")]),
        with(&[("\"ContactCenterNumber\"", "7")]),
        with(&[("\"id\":\"987654321\"", "\"id\":\"\"")]),
        with(&[("\"id\":\"1\"", "\"id\":\"\"")]),
        with(&[("\"id\":\"987654321\"", "\"id\":\" 987654321 \"")]),
        with(&[("\"id\":\"987654321\"", "\"id\":-1")]),
        with(&[("\"id\":\"1\"", "\"id\":1.5")]),
        with(&[("\"9d38419f-645f-4ee3-a053-8cf1368c21c4\"", "\"\"")]),
        with(&[(number, "\"phoneNumber\":\"\"")]),
        // epoch-timestamp
        with(&[("\"2023-04-18T20:25:24.611Z\"", "1681849524611")]),
        // a `uri` that names another number or account
        with(&[("phone-number/987654321", "phone-number/1")]),
        with(&[("account/37439510/phone-number/", "account/1/phone-number/")]),
        with(&[("\"uri\":\"https:", "\"uri\":\"http:")]),
        with(&[
            ("\"id\":\"987654321\"", "\"id\":\"x\""),
            ("phone-number/987654321", "phone-number/1"),
        ]),
        // Several errors, and warnings beside them.
        with(&[
            (owner, "\"ownerId\":8475874957"),
            ("\"+1202", "\"1202"),
            (
                "\"status\":\"Normal\",",
                "\"status\":\"Normal\",\"tollType\":\"Toll\",",
            ),
            ("\"Updated\"", "\"Modified\""),
        ]),
    ];
    // missing-field: each required member, then several of one object (reported at one
    // place, in the rules' order), and one with a near miss among the unknown members.
    let required = [
        "\"uuid\":\"2661273919712564939\",",
        &format!("{event},"),
        "\"timestamp\":\"2023-04-18T20:25:24.611Z\",",
        "\"subscriptionId\":\"9d38419f-645f-4ee3-a053-8cf1368c21c4\",",
        &format!("{owner},"),
        "\"eventType\":\"Updated\",",
        "\"id\":\"987654321\",",
        &format!("{number},"),
        "\"usageType\":\"ContactCenterNumber\",",
    ];
    payloads.extend(required.iter().map(|m| with(&[(m, "")])));
    payloads.push(with(&[
        (required[0], ""),
        (required[2], ""),
        (required[4], ""),
    ]));
    payloads.push(with(&[
        (required[6], ""),
        (required[7], ""),
        (required[8], ""),
    ]));
    payloads.push(with(&[(required[0], "\"UUID\":1,\"Uuid\":2,")]));
    payloads.push(with(&[(required[7], "\"phone_number\":\"+12024999741\",")]));
    payloads.push(with(&[(",\"body\":{", ",\"x\":{")]));
    payloads.push(with(&[("\"phoneNumberInfo\":{", "\"info\":{")]));
    payloads
}

#[test]
fn invalid_notifications_take_the_fast_path_to_the_trees_report() {
    for text in invalid() {
        for strict in [false, true] {
            for max_issues in [1, 2, 100] {
                let options = ValidateOptions {
                    strict,
                    max_issues,
                    ..ValidateOptions::default()
                };
                let tree = validate_tree(&text, &options);
                assert!(!tree.valid, "{text}");
                let fast = validate_fast_only(&text, &options)
                    .unwrap_or_else(|| panic!("the fast path gave up on {text}"));
                assert_eq!(fast, tree, "{text}");
                assert_eq!(validate(&text, &options), tree);
            }
        }
    }
}

#[test]
fn what_the_fast_path_cannot_locate_is_left_to_the_tree_with_the_same_report() {
    let toll_type = with(&[("\"status\":\"Normal\",", "\"tollType\":\"Toll\",")]);
    for broken in [
        with(&[("{\"uuid\"", "{\"x\":1,\"x\":2,\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":{\"y\":1,\"y\":2},\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":\"\\u0041\",\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":01,\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"x\":[1,],\"uuid\"")]),
        with(&[("{\"uuid\"", "{\"pn_apns\":{},\"uuid\"")]),
        with(&[("\"ownerId\":\"8475874957\"", "\"ownerId\":08475874957")]),
        // A value of the wrong type that holds an escape, a member twice, a cut-off text.
        with(&[("\"Normal\"", "{\"a\":\"\\\"\"}")]),
        with(&[("\"Updated\"", "\"Updated\",\"eventType\":1")]),
        with(&[(
            "\"ownerId\":\"8475874957\"",
            "\"ownerId\":null,\"ownerId\":1",
        )]),
        CLEAN[..CLEAN.len() - 3].to_string(),
        // Another kind of notification, or none.
        with(&[("/37439510/phone-number?", "/37439510/presence?")]),
        "{\"ownerId\":1,\"x\":2}".to_string(),
        with(&[
            (
                "/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber",
                "x",
            ),
            ("\"Updated\"", "\"Modified\""),
            ("\"phoneNumberInfo\"", "\"info\""),
        ]),
        toll_type.replacen(
            "\"tollType\":\"Toll\"",
            "\"tollType\":\"Toll\",\"tollType\":\"Toll\"",
            1,
        ),
    ] {
        for strict in [false, true] {
            let options = ValidateOptions {
                strict,
                ..ValidateOptions::default()
            };
            assert!(validate_fast_only(&broken, &options).is_none(), "{broken}");
            assert_eq!(
                validate(&broken, &options),
                validate_tree(&broken, &options),
                "{broken}"
            );
        }
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
