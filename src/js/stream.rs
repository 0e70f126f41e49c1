//! The exports behind `createSummarizer` and `summarizeStream` (src/js/stream.js): open
//! summarizers live here, each behind a number, until JavaScript finishes or frees them. Not
//! part of the API: the package exports them only for its own JavaScript.

use super::boundary::{summarize_without_memory, NoMemory};
use super::input::{check_input, read_input, Input};
use super::options::OptionsOf;
use super::snapshot::read_options;
use super::summarize::summary_to_js;
use super::thrown::one_value;
use super::wasm::name_key_source;
use crate::__private::HARD_MAX_INPUT_BYTES;
use crate::{SummarizeOptions, Summarizer};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// A summarizer, or what is left of one whose chunk WebAssembly memory could not hold.
enum Open {
    Reading(Box<Summarizer>),
    Lost(u64, SummarizeOptions),
}

thread_local! {
    /// Open summarizers by handle - 1; a finished or freed one leaves `None` behind, reused.
    static OPEN: RefCell<Vec<Option<Open>>> = const { RefCell::new(Vec::new()) };
}

fn misuse() -> JsValue {
    js_sys::Error::new("this summarizer is finished or freed").into()
}

/// Opens a summarizer with the caller's options (read as `summarize` reads them); its handle.
#[wasm_bindgen(skip_typescript, js_name = __summarizerNew)]
pub fn summarizer_new(opts: JsValue) -> JsValue {
    one_value(summarizer_new_of(opts).map(JsValue::from))
}

/// [`summarizer_new`]'s answer.
fn summarizer_new_of(opts: JsValue) -> Result<u32, JsValue> {
    name_key_source();
    let options = read_options(&opts, OptionsOf::Summarize)?;
    let s = Open::Reading(Box::new(Summarizer::new(options)));
    Ok(OPEN.with_borrow_mut(|open| {
        let slot = match open.iter().position(Option::is_none) {
            Some(k) => k,
            None => {
                open.push(None);
                open.len() - 1
            }
        };
        open[slot] = Some(s);
        slot as u32 + 1
    }))
}

/// Reads a chunk (a string or a Uint8Array; src/js/stream.js cuts larger ones) into summarizer
/// `handle`; the bytes it has read so far.
#[wasm_bindgen(skip_typescript, js_name = __summarizerPush)]
pub fn summarizer_push(handle: u32, chunk: JsValue) -> JsValue {
    one_value(summarizer_push_of(handle, chunk).map(JsValue::from))
}

/// [`summarizer_push`]'s answer.
fn summarizer_push_of(handle: u32, chunk: JsValue) -> Result<f64, JsValue> {
    let given = check_input(&chunk)?;
    let read = read_input(&chunk, given, HARD_MAX_INPUT_BYTES, 0)?;
    OPEN.with_borrow_mut(|open| {
        let slot = open
            .get_mut((handle as usize).wrapping_sub(1))
            .and_then(Option::as_mut)
            .ok_or_else(misuse)?;
        Ok(match (slot, read) {
            (Open::Reading(s), Input::Ascii(bytes) | Input::Bytes(bytes, _)) => {
                s.push(&bytes);
                s.bytes() as f64
            }
            (slot @ Open::Reading(_), Input::TooLarge(n, _) | Input::NoMemory(n, _)) => {
                let Open::Reading(s) = slot else {
                    unreachable!()
                };
                let bytes = s.bytes() + n as u64;
                *slot = Open::Lost(bytes, s.options().clone());
                bytes as f64
            }
            (Open::Lost(bytes, _), read) => {
                *bytes += match read {
                    Input::Ascii(b) | Input::Bytes(b, _) => b.len(),
                    Input::TooLarge(n, _) | Input::NoMemory(n, _) => n,
                } as u64;
                *bytes as f64
            }
        })
    })
}

/// The summary of summarizer `handle`, which is closed.
#[wasm_bindgen(skip_typescript, js_name = __summarizerFinish)]
pub fn summarizer_finish(handle: u32) -> JsValue {
    one_value(summarizer_finish_of(handle))
}

/// [`summarizer_finish`]'s answer.
fn summarizer_finish_of(handle: u32) -> Result<JsValue, JsValue> {
    let open = OPEN.with_borrow_mut(|open| {
        open.get_mut((handle as usize).wrapping_sub(1))
            .and_then(Option::take)
    });
    match open.ok_or_else(misuse)? {
        Open::Reading(s) => summary_to_js(s.finish()),
        Open::Lost(bytes, options) => {
            let size = usize::try_from(bytes).unwrap_or(usize::MAX);
            summary_to_js(summarize_without_memory(
                size,
                true,
                NoMemory::ForTheCopy,
                &options,
            ))
        }
    }
}

/// Closes summarizer `handle` without a summary.
#[wasm_bindgen(skip_typescript, js_name = __summarizerFree)]
pub fn summarizer_free(handle: u32) {
    OPEN.with_borrow_mut(|open| {
        if let Some(slot) = open.get_mut((handle as usize).wrapping_sub(1)) {
            *slot = None;
        }
    });
}

/// What a summarizer answers when the module it lived in trapped (`reason`) and was
/// restarted, after `bytes` bytes: the summary of a log that could not be read.
#[wasm_bindgen(skip_typescript, js_name = __summarizerLost)]
pub fn summarizer_lost(bytes: f64, reason: String) -> JsValue {
    one_value(summarizer_lost_of(bytes, reason))
}

/// [`summarizer_lost`]'s answer.
fn summarizer_lost_of(bytes: f64, reason: String) -> Result<JsValue, JsValue> {
    name_key_source();
    let size = if bytes >= 0.0 { bytes as usize } else { 0 };
    let why = NoMemory::Trapped(&reason);
    summary_to_js(summarize_without_memory(
        size,
        true,
        why,
        &SummarizeOptions::default(),
    ))
}
