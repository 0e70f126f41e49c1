//! The exports of the full module only (feature `js-summarize`): `summarize`, its diagnostic
//! `summaryJson` and `reconcile`, with the streaming ones in [`super::stream`]. Kept apart from
//! [`super::wasm`] so that the validate-only module (the npm package's
//! `cc-number-events/validate`) is the same code without this file, and carries none of the
//! summary, its renderings or the reconciliation.

use super::assemble::{thrown, to_js, to_js_from};
use super::boundary::{
    summarize_js_split, summarize_too_large, summarize_without_memory, NoMemory,
    MAX_LONE_SURROGATES,
};
use super::encoded::{Encoded, SUMMARY};
use super::input::Input;
use super::objects;
use super::options::OptionsOf;
use super::snapshot::read_options;
use super::thrown::one_value;
use super::wasm::{begin, name_key_source, read, trap_if_armed};
use crate::__private::reconcile_from;
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SUMMARY_TYPES: &str = include_str!("summary.d.ts");

#[wasm_bindgen(skip_typescript, js_name = summarize)]
pub fn summarize_export(input: JsValue, opts: JsValue) -> JsValue {
    one_value(summarize(input, opts))
}

/// `summarize` as Rust calls it (tests/wasm.rs); the export, `summarize_export`, returns its
/// error as a value (see `super::thrown`).
pub fn summarize(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let (summary, numbers) = summary_of(&input, &opts)?;
    summary_split_to_js(summary, numbers)
}

/// A summary as JavaScript objects.
pub(super) fn summary_to_js(summary: crate::Summary) -> Result<JsValue, JsValue> {
    summary_split_to_js(summary, None)
}

/// A summary as JavaScript objects, its `numbers` apart as their tokens when `numbers` has
/// them (see [`crate::__private::summarize_split`]).
fn summary_split_to_js(
    mut summary: crate::Summary,
    numbers: Option<(Vec<u32>, String)>,
) -> Result<JsValue, JsValue> {
    // The renderings (the summary's last members, and its largest) cross as strings of their
    // own, each freed as soon as JavaScript has it, instead of being copied into the tokens'
    // text: a log of long values peaked at ten times its size in WebAssembly memory.
    let text = core::mem::take(&mut summary.text);
    let (markdown, csv) = (summary.markdown.take(), summary.csv.take());
    let value = match numbers {
        None => to_js(&summary)?,
        // The numbers first, the rest after them: the rest is the smaller part to copy.
        Some((mut nums, mut numbers_text)) => {
            let rest = Encoded::tokens(&summary);
            let rest = rest.map_err(|e| JsValue::from(js_sys::Error::new(&e)))?;
            nums.extend_from_slice(&rest.nums);
            numbers_text.push_str(&rest.text);
            let e = Encoded {
                kind: SUMMARY,
                nums,
                text: numbers_text,
            };
            to_js_from(&JsValue::NULL, Ok(e))?
        }
    };
    drop(summary);
    for (key, rendering) in [("text", Some(text)), ("markdown", markdown), ("csv", csv)] {
        if let Some(rendering) = rendering {
            let _ = Reflect::set(&value, &key.into(), &JsValue::from_str(&rendering));
        }
    }
    Ok(value)
}

/// Diagnostic, not part of the API: `summarize`'s result as JSON text (`JSON.stringify` of
/// the objects its tokens make, as [`report_json`](super::wasm::report_json)), for the benchmark's comparison of tokens
/// with `JSON.parse`. That the tokens make exactly the objects of the summary's JSON is
/// checked natively (tests/tokens.rs) and against the JSON of every fixture
/// (tests/js/json-golden.test.mjs).
#[wasm_bindgen(skip_typescript, js_name = summaryJson)]
pub fn summary_json(input: JsValue, opts: JsValue) -> JsValue {
    one_value(summary_json_of(input, opts))
}

/// [`summary_json`]'s answer.
fn summary_json_of(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    // The objects `summarize` makes, stringified: a second route to them (the summary made
    // whole, as serde tokens) was 3 KB of module.
    Ok(JSON::stringify(&summarize(input, opts)?)?.into())
}

/// A summary, and its numbers' tokens when they were kept apart (see
/// [`crate::__private::summarize_split`]).
type Split = (crate::Summary, Option<(Vec<u32>, String)>);

fn summary_of(input: &JsValue, opts: &JsValue) -> Result<Split, JsValue> {
    let input = &match objects::given(input.clone()).map_err(thrown)? {
        objects::Given::Raw(input) => input,
        objects::Given::Parsed(input) => {
            name_key_source();
            let options = read_options(opts, OptionsOf::Summarize)?;
            return Ok((objects::summarize(&input, &options).map_err(thrown)?, None));
        }
    };
    let (given, options) = begin(input, opts, OptionsOf::Summarize)?;
    Ok(
        match read(
            input,
            given,
            options.item.max_input_bytes,
            MAX_LONE_SURROGATES,
        )? {
            Input::Ascii(bytes) => summarize_js_split(&bytes, &options, &[]),
            Input::Bytes(bytes, lone) => summarize_js_split(&bytes, &options, &lone),
            Input::TooLarge(size, exact) => (summarize_too_large(size, exact, &options), None),
            Input::NoMemory(size, exact) => (
                summarize_without_memory(size, exact, NoMemory::ForTheCopy, &options),
                None,
            ),
        },
    )
}

#[wasm_bindgen(skip_typescript)]
pub fn reconcile(input: JsValue, opts: JsValue) -> JsValue {
    one_value(reconcile_of(input, opts))
}

/// [`reconcile`]'s answer.
fn reconcile_of(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    name_key_source();
    // Options first, as every export reads them: the caller's getters run while Rust holds
    // no memory.
    let log = read_options(&opts, OptionsOf::Summarize)?;
    let parts = super::reconcile::parts(&input, log.item.max_input_bytes)?;
    trap_if_armed();
    let options = crate::ReconcileOptions {
        log,
        before_time: parts.before_time,
        after_time: parts.after_time,
    };
    let input = crate::ReconcileInput {
        before: parts.before.as_ref().map(|b| &b.bytes[..]),
        log: &parts.log.bytes,
        after: &parts.after.bytes,
    };
    let none = crate::__private::FromJs::default();
    let js = [
        parts.before.as_ref().map_or(&none, |b| &b.js),
        &parts.log.js,
        &parts.after.js,
    ];
    to_js(&reconcile_from(input, &options, js))
}
