//! What an export that can throw returns: one value, never a `Result`. wasm-bindgen returns a
//! `Result` as three values, and V8 11.3 (Node 20) compiles a wrapper with TurboFan, as the
//! module is compiled, for every exported signature with more than one result; a single value
//! takes V8's generic wrapper. The validate-only module had three such signatures: compiling
//! it took 2.69 ms, 2.50 ms without them (medians of 12 fresh processes each, alternating;
//! 2.3 million instructions of TurboFan less, callgrind; 2026-12-02). So the error is
//! returned too, inside an object that only it makes, and the package's JavaScript around each
//! export (scripts/package.mjs `__ccneAnswer`) throws what it holds.

use wasm_bindgen::JsValue;

/// The registered symbol whose property holds a returned error. scripts/package.mjs reads it
/// from this file, so the two never disagree.
pub const THROWN: &str = "cc-number-events.thrown";

/// `answer` as the one value an export returns: the value, or its error held by
/// `{ [Symbol.for(THROWN)]: error }`.
pub fn one_value(answer: Result<JsValue, JsValue>) -> JsValue {
    answer.unwrap_or_else(|error| {
        let thrown = js_sys::Object::new();
        // A property of a new plain object: setting it cannot fail.
        let _ = js_sys::Reflect::set(&thrown, &js_sys::Symbol::for_(THROWN), &error);
        thrown.into()
    })
}
