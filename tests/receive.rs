//! `receive`'s decisions on the shared table tests/fixtures/receive/cases.json, which
//! tests/js/receive.test.mjs runs through the npm package's `receive()` too: one table, the
//! same answers in Rust and JavaScript.

use cc_number_events::{receive, Outcome, ReceiveOptions, RecentUuids, ReplayStore};
use serde_json::Value;

fn outcome_name(o: Outcome) -> &'static str {
    o.as_str()
}

#[test]
fn every_case_of_the_shared_table_gets_its_answer() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/receive/cases.json"
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 20);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let headers: Vec<(&str, &str)> = case["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap()))
            .collect();
        let options = ReceiveOptions {
            verification_token: case["verificationToken"].as_str().map(String::from),
            ..Default::default()
        };
        let body = case["body"].as_str().unwrap().as_bytes();
        let got = receive(case["method"].as_str().unwrap(), &headers, body, &options);
        let want = &case["expect"];
        assert_eq!(
            u64::from(got.status),
            want["status"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(outcome_name(got.outcome), want["outcome"], "{name}");
        assert_eq!(
            got.headers.validation_token.as_deref(),
            want["echo"].as_str(),
            "{name}"
        );
        assert_eq!(got.uuid.as_deref(), want["uuid"].as_str(), "{name}");
        let kind = got.report.as_ref().map(|r| r.kind.as_str());
        assert_eq!(kind, want["kind"].as_str(), "{name}");
        assert_eq!(got.headers.allow.is_some(), got.status == 405, "{name}");
    }
}

#[test]
fn a_retried_event_is_a_replay_answered_200_until_it_leaves_the_window() {
    let body = |uuid: u64| {
        format!(
            r#"{{"uuid":"{uuid}","event":"/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"1","body":{{"eventType":"Deleted","phoneNumberInfo":{{"id":"1","phoneNumber":"+12024999741"}}}}}}"#
        )
    };
    let options = ReceiveOptions::default();
    let mut store = RecentUuids::new(3);
    let first = 2661273919712564000u64;
    let answer = |store: &mut RecentUuids, n: u64| {
        receive("POST", &[], body(first + n).as_bytes(), &options).deduplicated(store)
    };
    assert_eq!(answer(&mut store, 0).outcome, Outcome::Accepted);
    let again = answer(&mut store, 0);
    assert_eq!((again.status, again.outcome), (200, Outcome::Replay));
    assert!(again.is_replay() && again.report.unwrap().valid);
    // 1 and 2 fill the window; 0, seen again just now, is the most recent but 1.
    for n in [1, 2] {
        assert_eq!(answer(&mut store, n).outcome, Outcome::Accepted);
    }
    assert_eq!(answer(&mut store, 0).outcome, Outcome::Replay);
    // 3 evicts the least recently seen, 1; 0 stays.
    assert_eq!(answer(&mut store, 3).outcome, Outcome::Accepted);
    assert_eq!(store.len(), 3);
    assert_eq!(answer(&mut store, 0).outcome, Outcome::Replay);
    assert_eq!(answer(&mut store, 1).outcome, Outcome::Accepted);
    // An invalid body is never a replay, whatever its uuid.
    let broken = body(first).replace("Deleted", "deleted");
    let invalid = receive("POST", &[], broken.as_bytes(), &options).deduplicated(&mut store);
    assert_eq!(invalid.outcome, Outcome::Invalid);
}

#[test]
fn the_window_stays_bounded_however_often_one_id_repeats() {
    let mut store = RecentUuids::new(2);
    for i in 0..10_000u32 {
        store.seen("a");
        store.seen(&format!("{}", i % 5));
    }
    assert!(store.len() <= 2);
    assert!(
        format!("{store:?}").len() < 10_000,
        "the queue of sightings grew"
    );
}

#[test]
fn options_read_as_javascript_writes_them() {
    let o: ReceiveOptions =
        serde_json::from_str(r#"{"verificationToken":"s3cret","strict":true,"redact":true}"#)
            .unwrap();
    assert_eq!(o.verification_token.as_deref(), Some("s3cret"));
    assert!(o.validate.strict && o.validate.redact);
    assert!(serde_json::from_str::<ReceiveOptions>(r#"{"stict":true}"#).is_err());
    assert_eq!(
        serde_json::from_str::<ReceiveOptions>("{}").unwrap(),
        ReceiveOptions::default()
    );
}
