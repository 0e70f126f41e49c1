//! Every WebAssembly export, and nothing else: values are moved across here, decisions are
//! made in [`crate::boundary`] and the core.
//!
//! Reports cross as JSON text parsed by the engine's `JSON.parse`, so callers get plain
//! objects (never `Map`s), and keys such as `__proto__` stay ordinary own properties.

use crate::boundary::{options_from_json, summary_options_from_json, ThrownError};
use crate::write::ToJson;
use js_sys::{Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = crate::boundary::TYPESCRIPT;

fn thrown(e: ThrownError) -> JsValue {
    let error: js_sys::Error = match e.class {
        "TypeError" => js_sys::TypeError::new(&e.message).into(),
        "RangeError" => js_sys::RangeError::new(&e.message).into(),
        _ => js_sys::Error::new(&e.message),
    };
    error.set_name(e.name);
    if let Some(kind) = e.kind {
        let _ = Reflect::set(&error, &"kind".into(), &kind.as_str().into());
    }
    if let Some(issues) = e.issues_json {
        let issues = JSON::parse(&issues).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &"issues".into(), &issues);
    }
    error.into()
}

fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = input.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    Err(thrown(ThrownError {
        class: "TypeError",
        name: "TypeError",
        message: format!(
            "input must be a string or a Uint8Array, not {}",
            input.js_typeof().as_string().unwrap_or_default()
        ),
        kind: None,
        issues_json: None,
    }))
}

/// The caller's options object as JSON text ("" when absent), for the boundary to read.
/// Only plain objects are read: a `Map` or a class instance would stringify to `{}` and its
/// settings would be silently ignored.
fn options_text(options: &JsValue) -> Result<String, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(String::new());
    }
    let plain = options.is_object() && !js_sys::Array::is_array(options) && {
        let proto = js_sys::Object::get_prototype_of(options);
        proto.is_null() || js_sys::Object::get_prototype_of(&proto).is_null()
    };
    if !plain {
        return Err(thrown(ThrownError::type_error(
            "options must be a plain object such as { strict: true }".into(),
        )));
    }
    Ok(JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default())
}

fn options(options: &JsValue) -> Result<crate::Options, JsValue> {
    options_from_json(&options_text(options)?).map_err(thrown)
}

fn to_js(value: &impl ToJson) -> JsValue {
    JSON::parse(&value.to_json()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(skip_typescript)]
pub fn validate(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let bytes = input_bytes(&input)?;
    let options = options(&opts)?;
    Ok(to_js(&crate::validate(&bytes, &options)))
}

#[wasm_bindgen(skip_typescript)]
pub fn parse(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let bytes = input_bytes(&input)?;
    let options = options(&opts)?;
    match crate::parse(&bytes, &options) {
        Ok(event) => Ok(to_js(&event)),
        Err(e) => Err(thrown(e.into())),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn summarize(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let bytes = input_bytes(&input)?;
    let options = summary_options_from_json(&options_text(&opts)?).map_err(thrown)?;
    Ok(to_js(&crate::summarize(&bytes, &options)))
}
