//! What crosses back to JavaScript, built there by src/js/assemble.js: every report, `parse`'s
//! answers and any other value from their [`Encoded`] form, and thrown errors.

use super::boundary::ThrownError;
use super::encoded::{Encoded, THROWN};
use wasm_bindgen::prelude::*;

pub(super) fn thrown(e: ThrownError) -> JsValue {
    match e.class {
        "TypeError" => js_sys::TypeError::new(&e.message).into(),
        "RangeError" => js_sys::RangeError::new(&e.message).into(),
        _ => js_sys::Error::new(&e.message).into(),
    }
}

/// The value `encoded` carries, built by `assemble` over `input` (the caller's string that
/// a valid report's values are sliced from, or null), or the error to throw: `parse`'s
/// `InvalidEventError`, or an `Error` when the encoding failed.
pub(super) fn to_js_from(
    input: &JsValue,
    encoded: Result<Encoded, String>,
) -> Result<JsValue, JsValue> {
    let e = encoded.map_err(|e| JsValue::from(js_sys::Error::new(&e)))?;
    let value = assemble(input, e.kind, &e.nums, 0, &e.text);
    if e.kind == THROWN {
        return Err(value);
    }
    Ok(value)
}

/// A value as the plain objects `JSON.parse` would make of its JSON, built from its tokens.
/// The error, an `Error` thrown to the caller, is for a value the tokens cannot carry (a
/// float, a map): none of the crate's types holds one.
pub(super) fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    to_js_from(&JsValue::NULL, Encoded::tokens(value))
}

/// A report as plain objects: compact, or from its tokens with renderings.
pub(super) fn report_to_js(report: &crate::Report) -> Result<JsValue, JsValue> {
    to_js_from(&JsValue::NULL, Encoded::report(report, None))
}

// `assemble` builds the value an `Encoded` carries, in the same key order as `JSON.parse`
// would make of its JSON: a valid report from slices of the caller's own string (`input`) and
// of the text, an invalid one, parse's error, or any value from its tokens; `nums` from `at`.
#[wasm_bindgen(module = "/src/js/assemble.js")]
extern "C" {
    fn assemble(input: &JsValue, kind: u32, nums: &[u32], at: u32, text: &str) -> JsValue;
    /// A valid report whose warnings are already in JavaScript (see `assembleWarned`): an
    /// array and a string made once, for warnings that are always the same.
    #[wasm_bindgen(js_name = assembleWarned)]
    pub(super) fn assemble_warned_held(
        spans: &[u32],
        text: &str,
        nums: &JsValue,
        issues_text: &JsValue,
    ) -> JsValue;
}
