//! `reconcile`'s first argument: src/js/reconcile.js reads its members once, each input is
//! then read as `summarize` reads its log (text, bytes or an ArrayBuffer, never a parsed
//! value: a snapshot's errors are located in the text as saved), and the times as instants.

use super::assemble::thrown;
use super::boundary::{NoMemory, ThrownError, MAX_LONE_SURROGATES};
use super::input::{check_input, read_input, Input};
use super::objects;
use crate::__private::FromJs;
use crate::Instant;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/reconcile.js")]
extern "C" {
    /// The members, or why the argument cannot be read (see `readReconcileInput`).
    #[wasm_bindgen(js_name = readReconcileInput)]
    fn read_reconcile_input(input: &JsValue) -> JsValue;
}

/// One input read into WebAssembly memory, and what the boundary learned of it.
pub(super) struct Read {
    pub bytes: Vec<u8>,
    pub js: FromJs,
}

/// The argument's members: `before`, `log`, `after` read, and the two times.
pub(super) struct Parts {
    pub before: Option<Read>,
    pub log: Read,
    pub after: Read,
    pub before_time: Option<Instant>,
    pub after_time: Option<Instant>,
}

fn type_error(message: String) -> JsValue {
    thrown(ThrownError::type_error(message))
}

/// Reads the argument; every input within `max_bytes` (a larger one is reported as
/// `input-too-large` in the result, as `summarize` does).
pub(super) fn parts(input: &JsValue, max_bytes: usize) -> Result<Parts, JsValue> {
    let found = read_reconcile_input(input);
    if let Some(message) = found.as_string() {
        return Err(type_error(message));
    }
    // Each member moved out in its turn, not cloned: a clone of a `JsValue` is a call into
    // JavaScript and a slot of its table, each inlined.
    let mut members = js_sys::Array::from(&found).to_vec().into_iter();
    let mut next = || members.next().unwrap_or(JsValue::UNDEFINED);
    let (before, log, after) = (next(), next(), next());
    let times = [time(&next(), "beforeTime")?, time(&next(), "afterTime")?];
    let before = if before.is_undefined() {
        None
    } else {
        Some(one(before, "before", max_bytes)?)
    };
    Ok(Parts {
        before,
        log: one(log, "log", max_bytes)?,
        after: one(after, "after", max_bytes)?,
        before_time: times[0],
        after_time: times[1],
    })
}

/// Member `name`: text or bytes, copied in.
fn one(value: JsValue, name: &str, max_bytes: usize) -> Result<Read, JsValue> {
    let wrong = || {
        type_error(format!(
            "`{name}` of reconcile's input must be a string, a Uint8Array or an ArrayBuffer (the text as saved){}",
            if name == "before" { ", or left out" } else { "" }
        ))
    };
    let value = match objects::given(value).map_err(thrown)? {
        objects::Given::Raw(value) => value,
        objects::Given::Parsed(_) => return Err(wrong()),
    };
    let given = check_input(&value).map_err(|_| wrong())?;
    Ok(
        match read_input(&value, given, max_bytes, MAX_LONE_SURROGATES)? {
            Input::Ascii(bytes) => Read {
                bytes,
                js: FromJs::default(),
            },
            Input::Bytes(bytes, lone) => Read {
                bytes,
                js: FromJs {
                    lone_surrogates: lone,
                    ..FromJs::default()
                },
            },
            Input::TooLarge(size, exact) => Read {
                bytes: Vec::new(),
                js: FromJs {
                    too_large: Some((size, exact)),
                    ..FromJs::default()
                },
            },
            Input::NoMemory(size, exact) => Read {
                bytes: Vec::new(),
                js: NoMemory::ForTheCopy.from_js(size, exact),
            },
        },
    )
}

/// A time given as ISO 8601 text (a Date arrives as its ISO text), or left out.
fn time(value: &JsValue, name: &str) -> Result<Option<Instant>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    let Some(text) = value.as_string() else {
        return Err(type_error(format!(
            "`{name}` of reconcile's input must be an ISO 8601 string or a Date, not {}",
            if value.is_null() {
                "null".into()
            } else {
                value.js_typeof().as_string().unwrap_or_default()
            }
        )));
    };
    Instant::from_iso(&text).map(Some).map_err(|e| {
        thrown(ThrownError::range_error(format!(
            "`{name}` is not an ISO 8601 instant: {e}"
        )))
    })
}
