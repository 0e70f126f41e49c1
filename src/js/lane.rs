//! The lane of `validate` and `parse` for a string without options, nearly every call a
//! webhook handler makes: src/js/lane.js (appended to each glue by scripts/package.mjs)
//! encodes the string straight into a buffer this module keeps ([`ccne_lane_reserve`]), one
//! call ([`ccne_lane`]) answers it and leaves the [`Encoded`] answer in place, and JavaScript
//! builds the objects out of WebAssembly memory. No import is called on the way, and nothing
//! but the answer is allocated for the crossing. Before, the same call crossed into
//! JavaScript eight times (the input's kind and length, the options, the memory, the copy, the
//! report) and allocated its input, its encoding and a typed array view for each.
//!
//! Plain `extern "C"` exports, not `#[wasm_bindgen]` ones: they take and return numbers, need
//! no glue, and stay out of the package's exports.

use super::encode::Values;
use super::encoded::{Encoded, LANE_HEADER};
use super::held::Held;
use super::input::holds_replacement_char;
use super::options::{options_from_js, GivenOptions, OptionsOf};
use super::snapshot::reading;
use super::spare::recycle;
use super::templates::Templates;
use super::wasm::{answer, name_key_source, trap_if_armed};
use crate::ValidateOptions;
use core::cell::RefCell;

#[derive(Default)]
struct Lane {
    /// The string's UTF-8, written by `encodeInto` in JavaScript.
    input: Vec<u8>,
    /// The last answer, until the next call.
    out: Encoded,
    /// `out` as [`LANE_HEADER`] says: its kind, the index of its numbers among WebAssembly
    /// memory's 32-bit words, and the address and length of its text.
    header: [u32; LANE_HEADER.len()],
    /// The default options of `parse` and `validate` (`[0]` and `[1]`), read once.
    defaults: [Option<ValidateOptions>; 2],
    /// The strings src/js/lane.js holds.
    held: Held,
    /// The issue templates it holds.
    templates: Templates,
}

thread_local! {
    static LANE: RefCell<Lane> = RefCell::default();
}

/// The address of the input buffer, with room for `bytes` bytes from it; 0 when WebAssembly
/// memory cannot give them (JavaScript then takes the general route). It stays where it is
/// until the next call of this function; src/js/lane.js bounds what it asks for. The strings
/// and issue templates JavaScript held are forgotten: it calls this first, and again after anything went wrong
/// while it read an answer.
#[no_mangle]
pub extern "C" fn ccne_lane_reserve(bytes: usize) -> *mut u8 {
    LANE.with_borrow_mut(|lane| {
        lane.held.clear();
        lane.templates.clear();
        lane.input.clear();
        if lane.input.try_reserve_exact(bytes).is_err() {
            return core::ptr::null_mut();
        }
        lane.input.as_mut_ptr()
    })
}

/// `parse` (`which` 0) or `validate` (1) of the string of `units` UTF-16 units whose UTF-8,
/// `written` bytes, JavaScript wrote at the start of the input buffer: the address of the
/// header that says where the answer is, or 0 for the general route, taken before anything
/// is decided (a string over `maxInputBytes`, one that may hold a lone surrogate, a call
/// made while another reads its options: each is answered there as before).
#[no_mangle]
pub extern "C" fn ccne_lane(which: u32, units: usize, written: usize) -> *const u32 {
    let of = match which {
        0 => OptionsOf::Parse,
        _ => OptionsOf::Validate,
    };
    if reading() {
        return core::ptr::null();
    }
    name_key_source();
    LANE.with_borrow_mut(|lane| {
        let Lane {
            input,
            out,
            header,
            defaults,
            held,
            templates,
        } = lane;
        let options = &mut defaults[usize::from(of == OptionsOf::Validate)];
        if options.is_none() {
            *options = options_from_js(of, &GivenOptions::default())
                .ok()
                .map(|o| o.item);
        }
        let Some(options) = options.as_ref() else {
            return core::ptr::null();
        };
        if written > input.capacity() || units > options.max_input_bytes {
            return core::ptr::null();
        }
        // SAFETY: `encodeInto` wrote `written` bytes of UTF-8 at the start of the buffer,
        // within its capacity (checked).
        unsafe { input.set_len(written) };
        // Every unit gave one byte: all ASCII (a lone surrogate gives three).
        let ascii = written == units;
        // `encodeInto` writes a lone surrogate as U+FFFD, so only a string holding U+FFFD
        // can hold one: the general route asks JavaScript which it is.
        if !ascii && holds_replacement_char(input) {
            return core::ptr::null();
        }
        trap_if_armed();
        let Ok(answer) = answer(
            of,
            input,
            None,
            ascii,
            Values::Sliced,
            options,
            Some(held),
            Some(templates),
        ) else {
            return core::ptr::null();
        };
        *header = [
            answer.kind,
            answer.nums.as_ptr() as u32 / 4,
            answer.text.as_ptr() as u32,
            answer.text.len() as u32,
        ];
        // Kept until the next call, which keeps its buffers for the one after: one answer's
        // memory at most, and the spare one's.
        let done = core::mem::replace(out, answer);
        recycle(done.nums, done.text);
        header.as_ptr()
    })
}
