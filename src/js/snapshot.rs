//! Reading the caller's options: src/js/options.js reads each known option once into a
//! snapshot, and serde-wasm-bindgen deserializes it into [`GivenOptions`], for
//! [`options_from_js`] to decide on.

use super::assemble::thrown;
use super::boundary::ThrownError;
use super::options::{
    options_from_js, options_object_error, unknown_option, GivenOptions, OptionsOf,
};
use crate::SummarizeOptions;
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};
use wasm_bindgen::prelude::*;

/// Set while `readOptions` runs the caller's getters and Proxy traps: a call they make into
/// the module is refused before it reads its own options or input.
static READING: AtomicBool = AtomicBool::new(false);

/// Whether a call is reading its options: a call from its getters must be refused (src/js/lane.rs
/// leaves it to [`read_options`]).
pub(super) fn reading() -> bool {
    READING.load(Relaxed)
}

const REENTERED: &str =
    "validate, parse and summarize cannot be called while another call reads its options";

/// The caller's options. Only plain objects are read: a `Map` or a class instance would hold
/// settings that would be silently ignored.
pub(super) fn read_options(opts: &JsValue, of: OptionsOf) -> Result<SummarizeOptions, JsValue> {
    if READING.load(Relaxed) {
        return Err(thrown(ThrownError::type_error(REENTERED.into())));
    }
    let mut given = GivenOptions::default();
    if !(opts.is_undefined() || opts.is_null()) {
        // No heap memory is held while the caller's getters run. `readOptions` catches what
        // they throw; should anything else throw, the same TypeError says the options could
        // not be read.
        READING.store(true, Relaxed);
        let read = read_options_js(opts, of as u32);
        READING.store(false, Relaxed);
        let found = read.map_err(|_| thrown(options_object_error(3.0)))?;
        if let Some(key) = found.as_string() {
            return Err(thrown(unknown_option(&key, of.names())));
        }
        if let Some(code) = found.as_f64() {
            return Err(thrown(options_object_error(code)));
        }
        // The snapshot is our own null-prototype object of booleans, numbers and labels (or
        // undefined when nothing was given: the defaults). Failing to read it would be a bug
        // here, said as options that could not be read.
        if !found.is_undefined() {
            given = serde_wasm_bindgen::from_value(found)
                .map_err(|_| thrown(options_object_error(0.0)))?;
        }
    }
    options_from_js(of, &given).map_err(thrown)
}

#[wasm_bindgen(module = "/src/js/options.js")]
extern "C" {
    /// The snapshot of the options of function `which` (see `readOptions`), an unknown key or
    /// a code.
    #[wasm_bindgen(catch, js_name = readOptions)]
    fn read_options_js(options: &JsValue, which: u32) -> Result<JsValue, JsValue>;
}
