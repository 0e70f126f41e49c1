//! The WebAssembly exports called as JavaScript calls them, run in Node by
//! `wasm-bindgen-test-runner` (`make test`): the values that cross the boundary must be
//! real JavaScript objects, Arrays and Errors.
#![cfg(target_arch = "wasm32")]

use cc_number_events::__private::{exports_hash_keys as hash_keys, parse, summarize, validate};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const VALID: &str = r#"{
  "uuid": "2661273919712564939",
  "event": "/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber",
  "timestamp": "2014-04-29T14:29:27.408+0000",
  "subscriptionId": "9d38419f-645f-4ee3-a053-8cf1368c21c4",
  "ownerId": 8475874957,
  "body": {
    "eventType": "Deleted",
    "phoneNumberInfo": { "id": 987654321, "phoneNumber": "+12024999741" }
  }
}"#;

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).expect("Reflect.get")
}

fn has(target: &JsValue, key: &str) -> bool {
    Reflect::has(target, &JsValue::from_str(key)).expect("Reflect.has")
}

fn string(target: &JsValue, key: &str) -> String {
    get(target, key)
        .as_string()
        .unwrap_or_else(|| panic!("`{key}` is not a string"))
}

fn bytes(text: &str) -> JsValue {
    Uint8Array::from(text.as_bytes()).into()
}

/// `Object.getPrototypeOf(value) === Object.prototype`: not an Array, Map or class instance.
fn is_plain_object(value: &JsValue) -> bool {
    let object_prototype = get(&get(&js_sys::global(), "Object"), "prototype");
    value.is_object() && JsValue::from(Object::get_prototype_of(value)) == object_prototype
}

fn assert_report_shape(report: &JsValue) {
    assert!(is_plain_object(report), "the report is a plain object");
    assert!(
        get(report, "valid").as_bool().is_some(),
        "`valid` is a boolean"
    );
    assert!(get(report, "kind").is_string(), "`kind` is a string");
    assert!(
        get(report, "delivery").is_string(),
        "`delivery` is a string"
    );
    for list in ["errors", "warnings"] {
        let value = get(report, list);
        assert!(Array::is_array(&value), "`{list}` is an Array");
        for issue in value.unchecked_into::<Array>().iter() {
            assert!(is_plain_object(&issue), "each issue is a plain object");
            for key in ["code", "severity", "message", "path"] {
                assert!(get(&issue, key).is_string(), "issue `{key}` is a string");
            }
            for key in ["line", "column", "offset", "length"] {
                assert!(
                    get(&issue, key).as_f64().is_some(),
                    "issue `{key}` is a number"
                );
            }
        }
    }
    let valid = get(report, "valid").as_bool().unwrap();
    assert_eq!(
        has(report, "event"),
        valid,
        "`event` is present exactly when valid"
    );
    assert_eq!(
        has(report, "change"),
        valid,
        "`change` is present exactly when valid"
    );
}

#[wasm_bindgen_test]
fn the_first_map_keys_the_hash_maps_with_random_numbers() {
    // A summary keeps its counts in hash maps: the first map made draws the keys (validate
    // makes none, and need not draw).
    let log = format!("{VALID}\n{VALID}\n");
    summarize(log.as_str().into(), JsValue::UNDEFINED).unwrap();
    let (k0, k1) = hash_keys();
    // Unseeded, both are zero; std's own keys here would be two small wasm addresses.
    assert!(
        k0 > u64::from(u32::MAX) || k1 > u64::from(u32::MAX),
        "{k0:x} {k1:x}"
    );
    summarize(log.as_str().into(), JsValue::UNDEFINED).unwrap();
    validate(VALID.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(hash_keys(), (k0, k1), "seeded once");
}

#[wasm_bindgen_test]
fn validate_reports_a_valid_string_payload_as_a_plain_object() {
    let report = validate(VALID.into(), JsValue::UNDEFINED).expect("validate never throws here");
    assert_report_shape(&report);
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(string(&report, "kind"), "contactCenterPhoneNumber");
    let change = get(&report, "change");
    assert!(string(&change, "sentence").contains("+12024999741"));
}

#[wasm_bindgen_test]
fn validate_gives_the_same_report_for_a_uint8array_as_for_a_string() {
    let payload = "{\"uuid\": \"Zürich 🇨🇭\", \"ownerId\": [}";
    let from_text = validate(payload.into(), JsValue::UNDEFINED).unwrap();
    let from_bytes = validate(bytes(payload), JsValue::UNDEFINED).unwrap();
    assert_report_shape(&from_text);
    assert_report_shape(&from_bytes);
    assert_eq!(get(&from_bytes, "valid"), JsValue::FALSE);
    assert_eq!(
        js_sys::JSON::stringify(&from_text).unwrap(),
        js_sys::JSON::stringify(&from_bytes).unwrap()
    );
}

#[wasm_bindgen_test]
fn validate_lists_errors_as_an_array_and_never_throws_for_a_bad_payload() {
    let report = validate("{\"uuid\": 1".into(), JsValue::NULL).expect("a bad payload is a report");
    assert_report_shape(&report);
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    assert_eq!(string(&report, "kind"), "malformed");
    let errors: Array = get(&report, "errors")
        .dyn_into()
        .expect("errors is an Array");
    assert!(errors.length() >= 1);
    assert_eq!(string(&errors.get(0), "code"), "json-unexpected-end");
    assert!(!has(&errors.get(0), "hint") || get(&errors.get(0), "hint").is_string());
}

#[wasm_bindgen_test]
fn validate_reads_invalid_utf8_bytes_into_a_report() {
    let report = validate(
        Uint8Array::from(&b"{\"uuid\": \"\xff\"}"[..]).into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_report_shape(&report);
    let errors: Array = get(&report, "errors").unchecked_into();
    assert!(
        errors.iter().any(|e| string(&e, "code") == "invalid-utf8"),
        "an invalid-utf8 error is listed"
    );
}

#[wasm_bindgen_test]
fn parse_returns_the_normalised_event_with_string_ids() {
    let event = parse(bytes(VALID), JsValue::UNDEFINED).expect("a valid payload parses");
    assert!(is_plain_object(&event));
    assert_eq!(string(&event, "ownerId"), "8475874957");
    assert_eq!(string(&event, "time"), "2014-04-29T14:29:27.408Z");
    let info = get(&get(&event, "body"), "phoneNumberInfo");
    assert_eq!(string(&info, "id"), "987654321");
    assert!(!has(&info, "uri"), "absent optional fields are not keys");
}

#[wasm_bindgen_test]
fn parse_throws_a_real_error_carrying_the_issues() {
    let thrown = parse("{}".into(), JsValue::UNDEFINED).expect_err("`{}` is not an event");
    assert!(
        thrown.is_instance_of::<js_sys::Error>(),
        "thrown value is an Error"
    );
    let error: js_sys::Error = thrown.clone().unchecked_into();
    assert_eq!(error.name(), "InvalidEventError");
    assert!(!String::from(error.message()).is_empty());
    assert_eq!(string(&thrown, "kind"), "notANotification");
    let issues = get(&thrown, "issues");
    assert!(Array::is_array(&issues), "`issues` is an Array");
    let report = validate("{}".into(), JsValue::UNDEFINED).unwrap();
    let expected = Array::new();
    for list in ["errors", "warnings"] {
        for issue in get(&report, list).unchecked_into::<Array>().iter() {
            expected.push(&issue);
        }
    }
    assert_eq!(
        js_sys::JSON::stringify(&issues).unwrap(),
        js_sys::JSON::stringify(&expected).unwrap()
    );
}

#[wasm_bindgen_test]
fn a_number_input_throws_a_type_error() {
    for result in [
        validate(JsValue::from_f64(42.0), JsValue::UNDEFINED),
        parse(JsValue::from_f64(42.0), JsValue::UNDEFINED),
    ] {
        let thrown = result.expect_err("a number is not an input");
        assert!(
            thrown.is_instance_of::<js_sys::TypeError>(),
            "thrown value is a TypeError"
        );
        let error: js_sys::Error = thrown.unchecked_into();
        assert_eq!(error.name(), "TypeError");
        assert!(String::from(error.message()).contains("number"));
    }
}

#[wasm_bindgen_test]
fn bad_options_throw_type_and_range_errors() {
    let options = |json: &str| js_sys::JSON::parse(json).unwrap();
    let misspelt = validate(VALID.into(), options(r#"{"stict":true}"#)).unwrap_err();
    assert!(misspelt.is_instance_of::<js_sys::TypeError>());
    let zero = validate(VALID.into(), options(r#"{"maxDepth":0}"#)).unwrap_err();
    assert!(zero.is_instance_of::<js_sys::RangeError>());
}

#[wasm_bindgen_test]
fn strict_option_turns_an_unknown_field_warning_into_an_error() {
    let payload = VALID.replace("\"body\"", "\"extra\": 1, \"body\"");
    let lenient = validate(payload.as_str().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&lenient, "valid"), JsValue::TRUE);
    let strict_options = js_sys::JSON::parse(r#"{"strict":true}"#).unwrap();
    let strict = validate(payload.as_str().into(), strict_options).unwrap();
    assert_eq!(get(&strict, "valid"), JsValue::FALSE);
    let errors: Array = get(&strict, "errors").unchecked_into();
    assert_eq!(string(&errors.get(0), "code"), "unknown-field");
}

/// A value made by JavaScript source, for the hostile cases only JavaScript can build.
fn js(source: &str) -> JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::UNDEFINED)
        .expect("the test's JavaScript runs")
}

#[wasm_bindgen_test]
fn a_length_getter_the_caller_defined_is_never_called() {
    // The first read says 0, later ones the real length: the copy must not trust either.
    let lying = js(&format!(
        "class Lying extends Uint8Array {{ get length() {{ return this.read++ ? super.length : 0; }} }}
         const a = new Lying({len}); a.read = 0; a.set(new TextEncoder().encode({text:?})); return a;",
        len = VALID.len(),
        text = VALID,
    ));
    let report = validate(lying.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(get(&lying, "read"), JsValue::from(0), "getter never called");
    let smaller = js(&format!(
        "const a = new TextEncoder().encode({VALID:?}); Object.defineProperty(a, 'length', {{ value: 2 }}); return a;"
    ));
    let report = validate(smaller, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn a_detached_buffer_and_a_bigint_option_are_type_errors() {
    let detached = js("const b = new ArrayBuffer(8); const a = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return a;");
    let e = validate(detached, JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let options = js("return { strict: true, maxDepth: 10n };");
    let e = validate(VALID.into(), options).unwrap_err();
    let error: js_sys::Error = e.unchecked_into();
    assert_eq!(
        String::from(error.message()),
        "options.maxDepth must be a whole number of at least 1, not a bigint"
    );
    let report = validate(bytes(VALID), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
}
