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
use super::encoded::{Encoded, LANE_HEADER, LANE_WIDE};
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
    /// `out`'s text in UTF-16, when JavaScript asked for it and the text is not ASCII.
    wide: Vec<u16>,
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

/// `parse` (`which` 0) or `validate` (1, and [`LANE_WIDE`] besides) of the string of `units` UTF-16 units whose UTF-8,
/// `written` bytes, JavaScript wrote at the start of the input buffer: the address of the
/// header that says where the answer is, or 0 for the general route, taken before anything
/// is decided (a string over `maxInputBytes`, one that may hold a lone surrogate, a call
/// made while another reads its options: each is answered there as before).
#[no_mangle]
pub extern "C" fn ccne_lane(which: u32, units: usize, written: usize) -> *const u32 {
    let of = match which & 1 {
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
            wide,
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
            0,
        ];
        // A large text's (a long list of issues) is not kept past the next call.
        if wide.capacity() > 16384 {
            *wide = Vec::new();
        }
        if which & LANE_WIDE != 0 && widen(&answer.text, wide) {
            header[2] = wide.as_ptr() as u32;
            header[3] = 2 * wide.len() as u32;
            header[4] = 1;
        }
        // Kept until the next call, which keeps its buffers for the one after: one answer's
        // memory at most, and the spare one's.
        let done = core::mem::replace(out, answer);
        recycle(done.nums, done.text);
        header.as_ptr()
    })
}

/// `text` in UTF-16 into `out`, when it is not ASCII and this module has WebAssembly SIMD (the
/// full one): a clean report's text is its change sentence, which quotes a provider's name
/// between curly quotes in three of five real notifications, and V8 decoded such a text from
/// UTF-8 a byte at a time, about 1,700 instructions a call (callgrind, 2026-12-01). Here ASCII
/// is widened sixteen bytes at once and the other characters decoded one by one.
/// False (`out` holds anything) for ASCII, which V8 decodes fast.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn widen(text: &str, out: &mut Vec<u16>) -> bool {
    use core::arch::wasm32::{i8x16_bitmask, u16x8_extend_high_u8x16, u16x8_extend_low_u8x16};
    use core::arch::wasm32::{v128, v128_load, v128_store};
    out.clear();
    // No more units than bytes.
    out.reserve(text.len());
    let (bytes, to) = (text.as_bytes(), out.as_mut_ptr());
    let (mut at, mut w, mut ascii) = (0, 0, true);
    let byte = |k: usize| u32::from(bytes[k] & 0x3f);
    while at < bytes.len() {
        if let Some(chunk) = bytes[at..].first_chunk::<16>() {
            // SAFETY: `chunk` is 16 readable bytes, and `v128_load` reads them unaligned.
            let v: v128 = unsafe { v128_load(chunk.as_ptr().cast()) };
            // SAFETY: `w` units are written, at most one per byte before `at`, and 16 or more
            // bytes remain: 16 more units fit in the room reserved. Those after the ASCII
            // bytes that lead the chunk are written again below.
            unsafe {
                let to = to.add(w).cast::<v128>();
                v128_store(to, u16x8_extend_low_u8x16(v));
                v128_store(to.add(1), u16x8_extend_high_u8x16(v));
            }
            let lead = i8x16_bitmask(v).trailing_zeros().min(16) as usize;
            (at, w) = (at + lead, w + lead);
            if lead == 16 {
                continue;
            }
        }
        // One character, not ASCII or in the last 15 bytes, of valid UTF-8 (`text` is a `str`).
        let b = u32::from(bytes[at]);
        let (c, len) = match b {
            0..0x80 => (b, 1),
            0xc0..0xe0 => ((b & 0x1f) << 6 | byte(at + 1), 2),
            0xe0..0xf0 => ((b & 0x0f) << 12 | byte(at + 1) << 6 | byte(at + 2), 3),
            _ => (
                (b & 0x07) << 18 | byte(at + 1) << 12 | byte(at + 2) << 6 | byte(at + 3),
                4,
            ),
        };
        ascii &= len == 1;
        // SAFETY: as above: a character of `len` bytes gives at most `len` units.
        unsafe {
            if c >= 0x1_0000 {
                let c = c - 0x1_0000;
                to.add(w).write(0xd800 | (c >> 10) as u16);
                to.add(w + 1).write(0xdc00 | (c & 0x3ff) as u16);
                w += 2;
            } else {
                to.add(w).write(c as u16);
                w += 1;
            }
        }
        at += len;
    }
    // SAFETY: the first `w` units are written.
    unsafe { out.set_len(w) };
    !ascii
}

/// Without SIMD, the text crosses as UTF-8.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn widen(_: &str, _: &mut Vec<u16>) -> bool {
    false
}
