//! Every WebAssembly export both modules have (the full module's own, summarize and reconcile,
//! are in `summarize.rs` and `stream.rs`), and nothing else: values are moved across here (by
//! the modules beside this one and the `.js` files they import), decisions are made in
//! [`boundary`](super::boundary), [`options`](super::options) and the core.
//!
//! Values cross as the plain objects the engine's `JSON.parse` would make of their JSON (never
//! `Map`s), built in JavaScript from slices and numbers, and keys such as `__proto__` stay
//! ordinary own properties.

use super::assemble::{thrown, to_js, to_js_from};
use super::boundary::{
    validate_js, validate_js_unclean, validate_too_large, validate_without_memory, NoMemory,
};
use super::encode::{fast_report_held, Values};
use super::encoded::Encoded;
use super::held::Held;
use super::input::{check_input, read_input, Given, Input};
use super::objects;
use super::options::OptionsOf;
use super::snapshot::read_options;
use super::templates::Templates;
use super::thrown::one_value;
use crate::__private::{
    admit, carries_validation_token, draw_keys_with, hash_keys as map_keys, settle,
};
use crate::__private::{FoundIssue, Templating};
use crate::{Issue, SummarizeOptions};
use core::sync::atomic::{AtomicU32, Ordering::Relaxed};
use js_sys::JsString;
#[cfg(feature = "js-summarize")]
use js_sys::JSON;
use wasm_bindgen::prelude::*;

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = super::TYPESCRIPT;

#[wasm_bindgen(typescript_custom_section)]
const RECEIVE_TYPES: &str = include_str!("receive.d.ts");

/// Names where the hash maps' keys come from, once per module instance (a restarted module
/// starts again from here). The first map made draws them: `validate`, `parse` and
/// `receive` make none (only summaries and reconciliations do), so they never load Web Crypto
/// (3-4 ms of a cold start in Node). Named in the validate-only module too, where nothing
/// makes a map today (78 B): a map a later change adds there is keyed all the same.
pub(super) fn name_key_source() {
    draw_keys_with(draw_keys);
}

/// Two fresh keys from `crypto.getRandomValues`.
fn draw_keys() -> (u64, u64) {
    let mut words = [0u32; 4];
    random_words(&mut words);
    let word = |i: usize| u64::from(words[i]) << 32 | u64::from(words[i + 1]);
    (word(0), word(2))
}

#[wasm_bindgen(module = "/src/js/random.js")]
extern "C" {
    /// Secure random numbers (`crypto.getRandomValues`; `Math.random` where there is none).
    #[wasm_bindgen(js_name = randomWords)]
    fn random_words(out: &mut [u32]);
}

/// What every export does first: read the options, then check the input. Options first: a
/// getter in them is the only code of the caller's that runs, and it runs before the input's
/// length is read and while Rust holds no memory.
pub(super) fn begin(
    input: &JsValue,
    opts: &JsValue,
    of: OptionsOf,
) -> Result<(Given, SummarizeOptions), JsValue> {
    name_key_source();
    let options = read_options(opts, of)?;
    Ok((check_input(input)?, options))
}

/// [`read_input`], then the test hook's trap if one is armed: the input copied, Rust holding it.
pub(super) fn read(
    input: &JsValue,
    given: Given,
    max_bytes: usize,
    lone_wanted: usize,
) -> Result<Input, JsValue> {
    let read = read_input(input, given, max_bytes, lone_wanted);
    trap_if_armed();
    read
}

fn report(
    input: &JsValue,
    given: Given,
    options: &crate::ValidateOptions,
) -> Result<crate::Report, JsValue> {
    Ok(match read(input, given, options.max_input_bytes, 1)? {
        Input::Ascii(bytes) => validate_js(&bytes, options, None),
        Input::Bytes(bytes, lone) => validate_js(&bytes, options, lone.first().copied()),
        Input::TooLarge(size, exact) => validate_too_large(size, exact, options),
        Input::NoMemory(size, exact) => {
            validate_without_memory(size, exact, NoMemory::ForTheCopy, options)
        }
    })
}

/// What `validate`, `parse` and `reportJson` are given: text or bytes still to be read, or a
/// value already parsed from JSON (see [`super::objects`]) with its options.
enum Payload {
    Raw(JsValue),
    Parsed(JsValue, crate::ValidateOptions),
}

/// `input` as a [`Payload`]: a parsed value's options are read first, as for any input.
fn payload(input: JsValue, opts: &JsValue, of: OptionsOf) -> Result<Payload, JsValue> {
    Ok(match objects::given(input).map_err(thrown)? {
        objects::Given::Raw(input) => Payload::Raw(input),
        objects::Given::Parsed(input) => {
            name_key_source();
            Payload::Parsed(input, read_options(opts, of)?.item)
        }
    })
}

#[wasm_bindgen(skip_typescript, js_name = validate)]
pub fn validate_export(input: JsValue, opts: JsValue) -> JsValue {
    one_value(validate(input, opts))
}

/// `validate` as Rust calls it (tests/wasm.rs); the export, `validate_export`, returns its error
/// as a value (see `super::thrown`).
pub fn validate(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    answer_js(input, opts, OptionsOf::Validate)
}

/// `validate` or `parse`, as `of` says, of any input and options (src/js/lane.js answers a
/// string without options itself, through [`super::lane`]).
fn answer_js(input: JsValue, opts: JsValue, of: OptionsOf) -> Result<JsValue, JsValue> {
    let input = match payload(input, &opts, of)? {
        Payload::Raw(input) => input,
        Payload::Parsed(input, options) if of == OptionsOf::Validate => {
            return objects::validate_to_js(&input, &options)
        }
        Payload::Parsed(input, options) => {
            let report = objects::validate(&input, &options).map_err(thrown)?;
            return to_js_from(&JsValue::NULL, Encoded::parsed(report, None));
        }
    };
    let (given, options) = begin(&input, &opts, of)?;
    let options = options.item;
    let (bytes, lone, ascii) = match read(&input, given, options.max_input_bytes, 1)? {
        Input::Ascii(bytes) => (bytes, None, true),
        // One payload reports its first lone surrogate.
        // A string arrives as `Bytes` only when it is not all ASCII.
        Input::Bytes(bytes, lone) => {
            let ascii = given != Given::Text && bytes.is_ascii();
            (bytes, lone.first().copied(), ascii)
        }
        Input::TooLarge(size, exact) => {
            return to_js_from(
                &input,
                finish(of, validate_too_large(size, exact, &options), None),
            )
        }
        Input::NoMemory(size, exact) => {
            let report = validate_without_memory(size, exact, NoMemory::ForTheCopy, &options);
            return to_js_from(&input, finish(of, report, None));
        }
    };
    // Values are sliced from the caller's string or, when the caller passed bytes, copied
    // into the text that crosses.
    let (sliced, values) = match given {
        Given::Text => (&input, Values::Sliced),
        _ => (&JsValue::NULL, Values::Copied),
    };
    to_js_from(
        sliced,
        answer(of, &bytes, lone, ascii, values, &options, None, None),
    )
}

/// What `validate` (or `parse`, as `of` says) answers for `bytes`, the input read (`ascii`
/// when it is all ASCII; `lone`, a string's first lone surrogate). The clean route, when
/// decoding has nothing to report (no lone surrogate, valid UTF-8, and, since a string's
/// UTF-8 can be longer than its length, within the limit): the report is made from slices
/// of the input, read once. Renderings are made from the full report, and so is a redacted
/// one (the clean report's change sentence quotes the number). `held` and `templates`: the
/// strings and issue templates JavaScript holds (the lane's).
// The lane's two stores (`held`, `templates`) apart: the spans borrow one while the rules'
// templates borrow the other.
#[allow(clippy::too_many_arguments)]
pub(super) fn answer(
    of: OptionsOf,
    bytes: &[u8],
    lone: Option<(usize, u16)>,
    ascii: bool,
    values: Values,
    options: &crate::ValidateOptions,
    mut held: Option<&mut Held>,
    templates: Option<&mut Templates>,
) -> Result<Encoded, String> {
    let renderings = options.text || options.markdown || options.csv || options.redact;
    let text = match lone {
        _ if renderings || bytes.len() > options.max_input_bytes => None,
        None if ascii => Some(unsafe {
            // SAFETY: ASCII is UTF-8.
            core::str::from_utf8_unchecked(bytes)
        }),
        None => core::str::from_utf8(bytes).ok(),
        Some(_) => None,
    };
    // `parse` sends no warnings: it must not make templates that JavaScript would never get.
    let mut templates = templates.filter(|_| of == OptionsOf::Validate);
    let mut templated = templates
        .as_deref_mut()
        .map_or_else(Vec::new, Templates::spare);
    let memo = templates.as_deref_mut().map(|memo| Templating {
        memo,
        out: &mut templated,
        ascii,
    });
    // The answer's numbers, which a valid report's spans are written straight into.
    let mut nums = Vec::new();
    let fast = match text {
        Some(text) => fast_report_held::<FoundIssue>(
            text,
            options,
            ascii,
            values,
            held.as_deref_mut(),
            memo,
            true,
            &mut nums,
        ),
        None => Err(None),
    };
    let report = match fast {
        Ok((made, warnings)) => {
            let encoded = match of {
                OptionsOf::Parse => Encoded::valid_after(nums, made, &[] as &[Issue], held).event(),
                _ if !templated.is_empty() => Encoded::templated(nums, made, &templated, held),
                _ => Encoded::valid_after(nums, made, &warnings, held),
            };
            if let Some(t) = templates {
                t.keep_spare(templated);
            }
            return Ok(encoded);
        }
        // An invalid payload the fast path read whole, its report made without a tree.
        Err(Some(report)) => *report,
        Err(None) if text.is_some() => validate_js_unclean(bytes, options),
        Err(None) => validate_js(bytes, options, lone),
    };
    finish(of, report, held)
}

/// `report` as `validate` (or `parse`, as `of` says) answers it.
fn finish(
    of: OptionsOf,
    report: crate::Report,
    held: Option<&mut Held>,
) -> Result<Encoded, String> {
    match of {
        OptionsOf::Parse => Encoded::parsed(report, held),
        _ => Encoded::report(&report, held),
    }
}

/// Diagnostic, not part of the API: `validate`'s report as JSON text, always from its tokens,
/// so tests can check that the reports assembled from slices are exactly the same objects.
/// `JSON.stringify` writes the text: a JSON writer of its own would cost the module size.
/// The full module's only, as `summaryJson`: the validate-only one, which webhook handlers
/// load, would carry it for tests alone (0.5 KB gzip); the tests hold its reports to the full
/// module's, whose tree route is the same code.
#[cfg(feature = "js-summarize")]
#[wasm_bindgen(skip_typescript, js_name = reportJson)]
pub fn report_json(input: JsValue, opts: JsValue) -> JsValue {
    one_value(report_json_of(input, opts))
}

/// [`report_json`]'s answer.
#[cfg(feature = "js-summarize")]
fn report_json_of(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let input = match payload(input, &opts, OptionsOf::Validate)? {
        Payload::Raw(input) => input,
        Payload::Parsed(input, options) => {
            return json_text(&objects::validate(&input, &options).map_err(thrown)?)
        }
    };
    let (given, options) = begin(&input, &opts, OptionsOf::Validate)?;
    json_text(&report(&input, given, &options.item)?)
}

/// `value`'s JSON text, from the objects its tokens make.
#[cfg(feature = "js-summarize")]
fn json_text(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    Ok(JSON::stringify(&to_js(value)?)?.into())
}

#[wasm_bindgen(skip_typescript, js_name = parse)]
pub fn parse_export(input: JsValue, opts: JsValue) -> JsValue {
    one_value(parse(input, opts))
}

/// `parse` as Rust calls it (tests/wasm.rs); the export, `parse_export`, returns its error
/// as a value (see `super::thrown`).
pub fn parse(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    answer_js(input, opts, OptionsOf::Parse)
}

/// Not part of the API: the decision of `receive()` (src/js/receive.js adapts the request).
/// `headers` is a flat list of names and values. With `body_empty` undefined the body is not
/// read yet: the answer is `undefined` when it must be (the request carries a
/// `Validation-Token`, or passed the verification token), so that a forged request is refused
/// before its body is even read; otherwise `body` is the raw body (or a parsed value).
#[wasm_bindgen(skip_typescript, js_name = receiveDecision)]
pub fn receive_decision(
    method: String,
    headers: Vec<String>,
    body_empty: Option<bool>,
    token: Option<String>,
    body: JsValue,
    opts: JsValue,
) -> JsValue {
    // A closure, for `?`: its answer is one value (see `super::thrown`).
    let answer = move || -> Result<JsValue, JsValue> {
        name_key_source();
        let options = read_options(&opts, OptionsOf::Validate)?.item;
        let pairs: Vec<(&str, &str)> = headers
            .chunks_exact(2)
            .map(|p| (p[0].as_str(), p[1].as_str()))
            .collect();
        let empty = match body_empty {
            Some(empty) => empty,
            None if carries_validation_token(&pairs) => return Ok(JsValue::UNDEFINED),
            None => false,
        };
        let echo = match admit(&method, &pairs, empty, token.as_deref()) {
            Err(answer) => return to_js(&answer),
            Ok(_) if body_empty.is_none() => return Ok(JsValue::UNDEFINED),
            Ok(echo) => echo,
        };
        let report = match objects::given(body).map_err(thrown)? {
            objects::Given::Parsed(body) => objects::validate(&body, &options).map_err(thrown)?,
            objects::Given::Raw(body) => report(&body, check_input(&body)?, &options)?,
        };
        to_js(&settle(report, echo))
    };
    one_value(answer())
}

/// Not part of the API: what `parse` (0), `validate` (1) or `summarize` (2) answers for
/// `input` when the call trapped (`reason` is the `RuntimeError`'s message). The package's
/// entry points (scripts/package.mjs) call it on the fresh module that replaced the one that
/// trapped, so the caller gets a report saying so instead of a raw `RuntimeError`. Default
/// options: the caller's object is not read a second time.
#[wasm_bindgen(skip_typescript, js_name = trappedReport)]
pub fn trapped_report(which: u32, input: JsValue, reason: String) -> JsValue {
    one_value(trapped_report_of(which, input, reason))
}

/// [`trapped_report`]'s answer.
fn trapped_report_of(which: u32, input: JsValue, reason: String) -> Result<JsValue, JsValue> {
    name_key_source();
    let why = NoMemory::Trapped(&reason);
    let (size, exact) = match check_input(&input) {
        Ok(Given::Bytes(n)) => (n, true),
        Ok(Given::Text) => (input.unchecked_ref::<JsString>().length() as usize, false),
        Err(_) => (0, true),
    };
    let options = SummarizeOptions::default();
    match which {
        0 => to_js_from(
            &JsValue::NULL,
            Encoded::parsed(
                validate_without_memory(size, exact, why, &options.item),
                None,
            ),
        ),
        1 => to_js(&validate_without_memory(
            size,
            exact,
            why,
            &crate::ValidateOptions::default(),
        )),
        #[cfg(feature = "js-summarize")]
        _ => to_js(&super::boundary::summarize_without_memory(
            size, exact, why, &options,
        )),
        // The validate-only module has no summarize for the package to guard.
        #[cfg(not(feature = "js-summarize"))]
        _ => Err(js_sys::RangeError::new("this module has no summarize").into()),
    }
}

/// How many more export calls run before one traps, for [`trap_for_tests`]; 0 when none will.
static TRAP_AFTER: AtomicU32 = AtomicU32::new(0);

/// Traps the module in the middle of a call (the input copied, Rust holding it) when a test
/// armed it: one relaxed load per call otherwise.
pub(super) fn trap_if_armed() {
    if TRAP_AFTER.load(Relaxed) != 0 && TRAP_AFTER.fetch_sub(1, Relaxed) == 1 {
        core::arch::wasm32::unreachable();
    }
}

/// Test hook, not part of the API: `__trapForTests(0)` traps at once; `__trapForTests(n)`
/// makes the n-th next call of validate, parse or summarize trap once its input is copied,
/// so that tests can check what a trap does to the package (tests/js/boundary.test.mjs).
#[doc(hidden)]
#[wasm_bindgen(skip_typescript, js_name = __trapForTests)]
pub fn trap_for_tests(calls: u32) {
    if calls == 0 {
        core::arch::wasm32::unreachable();
    }
    TRAP_AFTER.store(calls, Relaxed);
}

/// The hash maps' keys (src/json/map.rs), for the test that the first map draws them. Not
/// exported to JavaScript, not part of the API.
#[doc(hidden)]
pub fn hash_keys() -> (u64, u64) {
    map_keys()
}

/// Diagnostic, not part of the API: the size of this module's WebAssembly memory in bytes,
/// for the leak test (`tests/js/leak.test.mjs`).
#[wasm_bindgen(skip_typescript, js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
