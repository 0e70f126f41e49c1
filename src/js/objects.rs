//! Input that is not the raw body's text: an `ArrayBuffer` (read as its `Uint8Array` view) and
//! a value already parsed from JSON, read through `serde-wasm-bindgen` into the crate's public
//! [`crate::validate_value`] and [`crate::summarize_values`].
//!
//! `serde-wasm-bindgen` reads a value with `Object.entries`, `Symbol.iterator in` and index
//! reads, each of which runs the caller's getters and Proxy traps, and none of which catches
//! what they throw: an exception would unwind through Rust frames and leak what they hold. So
//! the caller's value is first copied by `snapshot` (src/js/objects.js), which catches, into
//! plain data that runs no code when read; see there for how each kind of value is read.

use crate::js::boundary::ThrownError;
use crate::json::MAX_VALUES;
use crate::{Options, Report, Summary, SummaryOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/objects.js")]
extern "C" {
    /// The view of an ArrayBuffer; undefined for anything else; null when detached. Never
    /// throws (it catches).
    #[wasm_bindgen(js_name = bytesOf)]
    fn bytes_of(input: &JsValue) -> JsValue;
    /// Whether the input is a parsed value (an object or array, not raw bytes). Never throws.
    #[wasm_bindgen(js_name = isParsed)]
    fn is_parsed_js(input: &JsValue) -> bool;
    /// The plain copy, or a TypeError's message. Never throws (it catches).
    #[wasm_bindgen(js_name = snapshot)]
    fn snapshot(
        value: &JsValue,
        max_depth: u32,
        max_bytes: f64,
        max_values: u32,
        log: bool,
        max_items: f64,
    ) -> JsValue;
}

/// The input, an ArrayBuffer replaced by its Uint8Array view, which is then read as any
/// Uint8Array is.
pub(crate) fn bytes_view(input: JsValue) -> Result<JsValue, ThrownError> {
    let view = bytes_of(&input);
    if view.is_undefined() {
        Ok(input)
    } else if view.is_null() {
        Err(ThrownError::type_error(
            "the ArrayBuffer is detached (transferred or closed); pass a live one".into(),
        ))
    } else {
        Ok(view)
    }
}

/// Whether the input is a value already parsed from JSON, for [`validate`] or [`summarize`].
pub(crate) fn is_parsed(input: &JsValue) -> bool {
    is_parsed_js(input)
}

/// Deepest nesting read from a parsed value, whatever `maxDepth` asks: each level costs
/// several frames of `serde-wasm-bindgen` and of the JavaScript it calls, all on the engine's
/// one stack, and past about 1,500 levels Node's default stack overflows (a RangeError through
/// Rust frames). A third of that leaves room for smaller stacks.
const MAX_OBJECT_DEPTH: usize = 500;

/// `options` with `maxDepth` within [`MAX_OBJECT_DEPTH`]: the snapshot and the tree must cut
/// at the same depth, or the tree would take the snapshot's cut for the value.
fn capped(options: &Options) -> Options {
    Options {
        max_depth: options.max_depth.min(MAX_OBJECT_DEPTH),
        ..options.clone()
    }
}

/// The caller's value as plain data, within the limits (see `snapshot`).
fn copy_of(input: &JsValue, options: &Options, log: Option<usize>) -> Result<JsValue, ThrownError> {
    let copy = snapshot(
        input,
        options.max_depth as u32,
        options.max_input_bytes as f64,
        MAX_VALUES as u32,
        log.is_some(),
        log.unwrap_or(0) as f64,
    );
    match copy.as_string() {
        Some(message) => Err(ThrownError::type_error(message)),
        None => Ok(copy),
    }
}

/// What the deserializer refused: never expected of a snapshot, and a TypeError if it were.
fn unreadable(e: serde_wasm_bindgen::Error) -> ThrownError {
    ThrownError::type_error(format!("the value could not be read as JSON: {e}"))
}

/// `validate` (and `parse`) of a parsed value.
pub(crate) fn validate(input: &JsValue, options: &Options) -> Result<Report, ThrownError> {
    let options = &capped(options);
    let copy = copy_of(input, options, None)?;
    crate::validate_value(serde_wasm_bindgen::Deserializer::from(copy), options).map_err(unreadable)
}

/// `summarize` of a parsed value: an array of items, or one item.
pub(crate) fn summarize(input: &JsValue, options: &SummaryOptions) -> Result<Summary, ThrownError> {
    let options = &SummaryOptions {
        item: capped(&options.item),
        ..options.clone()
    };
    let copy = copy_of(input, &options.item, Some(options.max_items))?;
    crate::summarize_values(serde_wasm_bindgen::Deserializer::from(copy), options)
        .map_err(unreadable)
}
