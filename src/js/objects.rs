//! Input that is not the raw body's text: an `ArrayBuffer` (read as its `Uint8Array` view) and
//! a value already parsed from JSON, read through `serde-wasm-bindgen` into the crate's public
//! [`crate::validate_value`] and [`crate::summarize_values`].
//!
//! `serde-wasm-bindgen` reads a value with `Object.entries`, `Symbol.iterator in` and index
//! reads, each of which runs the caller's getters and Proxy traps, and none of which catches
//! what they throw: an exception would unwind through Rust frames and leak what they hold. So
//! the caller's value is first copied by `snapshot` (src/js/objects.js), which catches, into
//! plain data that runs no code when read; see there for how each kind of value is read.

use super::assemble::{assemble_warned_held, report_to_js, thrown};
use super::boundary::ThrownError;
use super::encode::{event_spans, Offsets, Values};
use super::input::input_kind;
use super::issues::issues;
#[cfg(feature = "js-summarize")]
use crate::__private::ValuesLog;
use crate::__private::{CleanValue, EventRef, MAX_VALUES};
use crate::{Report, ValidateOptions};
#[cfg(feature = "js-summarize")]
use crate::{SummarizeOptions, Summary};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/objects.js")]
extern "C" {
    /// What the last copy `snapshot` made is: 0, anything; 1, one notification's members
    /// only, strings and objects where it has them; 2, the same in RingCentral's order.
    #[wasm_bindgen(js_name = copiedShape)]
    fn copied_shape() -> u32;
    /// What each item of the last log `snapshot` copied is, as `copiedShape` says of one
    /// value.
    #[cfg(feature = "js-summarize")]
    #[wasm_bindgen(js_name = copiedShapes)]
    fn copied_shapes() -> Vec<u8>;
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

/// What an export was given, once an ArrayBuffer is replaced by its view.
pub(crate) enum Given {
    /// Text or bytes (or what the raw-body route refuses): the input, or the buffer's view.
    Raw(JsValue),
    /// A value already parsed from JSON, for [`validate`] or [`summarize`].
    Parsed(JsValue),
}

/// Tells the caller's input apart: one call into JavaScript.
pub(crate) fn given(input: JsValue) -> Result<Given, ThrownError> {
    let kind = input_kind(&input);
    if kind.is_null() {
        return Err(ThrownError::type_error(
            "the ArrayBuffer is detached (transferred or closed); pass a live one".into(),
        ));
    }
    Ok(match kind.as_f64() {
        Some(0.0) => Given::Raw(input),
        Some(_) => Given::Parsed(input),
        None => Given::Raw(kind),
    })
}

/// Deepest nesting read from a parsed value, whatever `maxDepth` asks: each level costs
/// several frames of `serde-wasm-bindgen` and of the JavaScript it calls, all on the engine's
/// one stack, and past about 1,500 levels Node's default stack overflows (a RangeError through
/// Rust frames). A third of that leaves room for smaller stacks.
const MAX_OBJECT_DEPTH: usize = 500;

/// `options` with `maxDepth` within [`MAX_OBJECT_DEPTH`]: the snapshot and the tree must cut
/// at the same depth, or the tree would take the snapshot's cut for the value.
fn capped(options: &ValidateOptions) -> ValidateOptions {
    ValidateOptions {
        max_depth: options.max_depth.min(MAX_OBJECT_DEPTH),
        ..options.clone()
    }
}

/// The caller's value as plain data, within the limits (see `snapshot`).
fn copy_of(
    input: &JsValue,
    options: &ValidateOptions,
    log: Option<usize>,
) -> Result<JsValue, ThrownError> {
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
fn unreadable(e: impl std::fmt::Display) -> ThrownError {
    ThrownError::type_error(format!("the value could not be read as JSON: {e}"))
}

/// `validate` (and `parse`) of a parsed value.
pub(crate) fn validate(input: &JsValue, options: &ValidateOptions) -> Result<Report, ThrownError> {
    judge(
        input,
        options,
        |event, options, _| CleanValue::report(event, options),
        |r| r,
    )
}

thread_local! {
    /// The warnings of a clean parsed value's report, encoded and in JavaScript: the same
    /// `duplicate-keys-unseen` warning whatever the options but `strict`, which does not come
    /// here. Made once, they cost no copy or decoding per call.
    static UNSEEN: (JsValue, JsValue) = {
        let (nums, text) = issues(&CleanValue::issues(&ValidateOptions::default()).1);
        (js_sys::Uint32Array::from(&nums[..]).into(), JsValue::from_str(&text))
    };
}

/// `validate` of a parsed value, as the report's JavaScript objects. A clean notification's
/// are built from its event, as the string route's are: no [`Report`] is made.
pub(crate) fn validate_to_js(
    input: &JsValue,
    options: &ValidateOptions,
) -> Result<JsValue, JsValue> {
    let clean = |event: EventRef<'_>, options: &ValidateOptions, ascii| {
        let plain =
            !(options.strict || options.redact || options.text || options.markdown || options.csv);
        if !plain {
            return report_to_js(&CleanValue::report(event, options));
        }
        let (spans, text) = event_spans(event, ascii, Values::Copied, &Offsets::none(), None);
        UNSEEN
            .with(|(nums, issues_text)| Ok(assemble_warned_held(&spans, &text, nums, issues_text)))
    };
    judge(input, options, clean, |report| report_to_js(&report)).map_err(thrown)?
}

/// The verdict on a parsed value: `clean` of its event when it is one clean notification
/// (with whether its strings are all ASCII), else `tree` of the report its tree gives.
fn judge<T>(
    input: &JsValue,
    options: &ValidateOptions,
    clean: impl FnOnce(EventRef, &ValidateOptions, bool) -> T,
    tree: impl FnOnce(Report) -> T,
) -> Result<T, ThrownError> {
    let options = &capped(options);
    let copy = copy_of(input, options, None)?;
    // Most values are one clean notification: read by its members' names alone, it needs no
    // tree and few calls into JavaScript. When it has something to report, and its members
    // came in RingCentral's order, the tree is built from the strings read; otherwise from
    // the copy, by listing its members.
    let shape = copied_shape();
    if shape != 0 {
        let value = serde_wasm_bindgen::Deserializer::from(copy.clone());
        if let Some(value) = CleanValue::read(value) {
            if let Some(event) = value.event(options) {
                return Ok(clean(event, options, value.is_ascii()));
            }
            if shape == 2 {
                if let Some(report) = value.report_in_order(options) {
                    return Ok(tree(report));
                }
            }
        }
    }
    let value = serde_wasm_bindgen::Deserializer::from(copy);
    Ok(tree(
        crate::validate_value(value, options).map_err(unreadable)?,
    ))
}

/// `summarize` of a parsed value: an array of items, or one item.
#[cfg(feature = "js-summarize")]
pub(crate) fn summarize(
    input: &JsValue,
    options: &SummarizeOptions,
) -> Result<Summary, ThrownError> {
    let options = &SummarizeOptions {
        item: capped(&options.item),
        ..options.clone()
    };
    let copy = copy_of(input, &options.item, Some(options.max_items))?;
    // A log's copy is an array, and most of its items are notifications whose members came in
    // RingCentral's order (shape 2): read by their names, a clean one needs no tree and few
    // calls into JavaScript, as in `judge`.
    let items = match copy.dyn_into::<js_sys::Array>() {
        Ok(items) => items,
        Err(copy) => {
            let value = serde_wasm_bindgen::Deserializer::from(copy);
            return crate::summarize_values(value, options).map_err(unreadable);
        }
    };
    let shapes = copied_shapes();
    let mut log = ValuesLog::new(options);
    for (i, item) in items.iter().enumerate() {
        if !log.wants_more() {
            break;
        }
        let in_order = shapes.get(i) == Some(&2);
        if !(in_order && log.push_in_order(serde_wasm_bindgen::Deserializer::from(item.clone()))) {
            log.push(serde_wasm_bindgen::Deserializer::from(item))
                .map_err(unreadable)?;
        }
    }
    log.summary().map_err(unreadable)
}
