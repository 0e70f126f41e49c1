//! What crosses back to JavaScript, built there by src/js/assemble.js: reports from their
//! compact encodings (src/js/encode.rs), any other value from its tokens, and thrown errors.

use super::boundary::ThrownError;
use super::encode::{compact_report, compact_valid, invalid_report, issues};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

pub(super) fn thrown(e: ThrownError) -> JsValue {
    let error: js_sys::Error = match e.class {
        "TypeError" => js_sys::TypeError::new(&e.message).into(),
        "RangeError" => js_sys::RangeError::new(&e.message).into(),
        _ => js_sys::Error::new(&e.message),
    };
    // Defined, not assigned: assigning `name` throws in strict mode where Error.prototype is
    // frozen, and an exception must not unwind through this frame (`Reflect` calls catch).
    if e.name != e.class {
        let own = js_sys::Object::new();
        for (key, value) in [
            ("value", JsValue::from(e.name)),
            ("writable", JsValue::TRUE),
            ("enumerable", JsValue::TRUE),
            ("configurable", JsValue::TRUE),
        ] {
            let _ = Reflect::set(&own, &key.into(), &value);
        }
        let _ = Reflect::define_property(&error, &"name".into(), &own);
    }
    if let Some(kind) = e.kind {
        let _ = Reflect::set(&error, &"kind".into(), &kind.as_str().into());
    }
    if let Some(issues) = e.issues {
        let issues = to_js(&issues).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &"issues".into(), &issues);
    }
    error.into()
}

/// A value as the plain objects `JSON.parse` would make of its JSON, built from its tokens
/// (`write::Tokens`) by `assembleValue`. The error, an `Error` thrown to the caller, is for a
/// value the tokens cannot carry (a float, a map): none of the crate's types holds one.
pub(super) fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    match crate::__private::to_tokens(value) {
        Ok((nums, text)) => Ok(assemble_value(&nums, &text)),
        Err(e) => Err(js_sys::Error::new(&e.to_string()).into()),
    }
}

/// The report as a plain JS object, assembled from slices (its warnings apart when it is valid
/// with warnings) or, with renderings, from its tokens.
pub(super) fn report_to_js(report: &crate::Report) -> Result<JsValue, JsValue> {
    if let Some((spans, text)) = compact_report(report) {
        return Ok(assemble_report(&JsValue::NULL, &spans, &text));
    }
    if let Some((spans, text)) = compact_valid(report) {
        return Ok(warned_to_js(
            &JsValue::NULL,
            &spans,
            &text,
            &report.warnings,
        ));
    }
    Ok(match invalid_report(report) {
        Some((nums, text)) => assemble_invalid(&nums, &text),
        None => to_js(report)?,
    })
}

/// A valid report from its [`Spans`](super::encode::Spans) (over `input`, the caller's string,
/// or null) and `text`, and its `warnings`.
pub(super) fn warned_to_js(
    input: &JsValue,
    spans: &[u32],
    text: &str,
    warnings: &[crate::Issue],
) -> JsValue {
    if warnings.is_empty() {
        return assemble_report(input, spans, text);
    }
    let (nums, issues_text) = issues(warnings);
    assemble_warned(input, spans, text, &nums, &issues_text)
}

// `assembleReport` builds a valid report from `encode::Spans`: the same plain objects, in the
// same key order, that `JSON.parse` makes of the report's JSON, but from slices of the
// caller's own string and of a short text (or of the text alone: `input` is then null).
// `assembleInvalid` does the same for an invalid report, from `encode::invalid_report`'s
// numbers and text, and `assembleValue` for any other value, from its `write::Tokens`.
#[wasm_bindgen(module = "/src/js/assemble.js")]
extern "C" {
    #[wasm_bindgen(js_name = assembleReport)]
    pub(super) fn assemble_report(input: &JsValue, spans: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleValue)]
    fn assemble_value(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleInvalid)]
    fn assemble_invalid(nums: &[u32], text: &str) -> JsValue;
    /// [`assemble_warned`] with warnings already in JavaScript: an array and a string made
    /// once, for warnings that are always the same.
    #[wasm_bindgen(js_name = assembleWarned)]
    pub(super) fn assemble_warned_held(
        input: &JsValue,
        spans: &[u32],
        text: &str,
        nums: &JsValue,
        issues_text: &JsValue,
    ) -> JsValue;
    #[wasm_bindgen(js_name = assembleWarned)]
    fn assemble_warned(
        input: &JsValue,
        spans: &[u32],
        text: &str,
        nums: &[u32],
        issues_text: &str,
    ) -> JsValue;
}
