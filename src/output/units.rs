//! The lengths of the tokens' strings in UTF-16 units, which JavaScript slices the text by:
//! [`super::write::Tokens`] writes each in bytes, and they are made units here, only when they
//! differ.

use super::tags::{KEY, NEW_KEY, NUMBER, SHAPE, STRING};

/// Makes each string's length, written in bytes, its length in UTF-16 units (what JavaScript
/// slices its text by), walking the tokens in order as `assemble` reads them. Only for a text
/// that is not all ASCII, where the two differ: counted as each string was written, the
/// units took 3% of a summary's profile in WebAssembly. Out of line: one copy for every type
/// `write::tokens_of` is made for.
#[inline(never)]
pub(super) fn in_utf16_units(nums: &mut [u32], text: &str) {
    if text.is_ascii() {
        return;
    }
    let (bytes, mut at, mut i) = (text.as_bytes(), 0, 0);
    while i < nums.len() {
        i += match nums[i] {
            NUMBER => 3,
            STRING | NEW_KEY => {
                let len = nums[i + 1] as usize;
                nums[i + 1] = crate::text::position::utf16_units(&bytes[at..at + len]);
                at += len;
                2
            }
            KEY | SHAPE => 2,
            _ => 1,
        };
    }
}
