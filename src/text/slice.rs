//! Text sliced without core's message for a cut off a character boundary: that message
//! shows the character cut through with `Debug`, which brought Rust's Unicode tables and
//! `Debug` formatting into the WebAssembly module, only to describe a bug. Every cut made
//! here is at a boundary the caller found; a bad one still panics, with a plain message.
//! Texts are searched for a text with [`find`], not `str::find`, whose searcher (for an empty
//! needle) slices with that same message.

use core::slice::SliceIndex;

/// `&s[range]`.
#[inline(always)]
pub(crate) fn sub<R: SliceIndex<str, Output = str>>(s: &str, range: R) -> &str {
    match s.get(range) {
        Some(t) => t,
        None => off_boundary(),
    }
}

/// `s.split_at(at)`.
#[inline(always)]
pub(crate) fn split_at(s: &str, at: usize) -> (&str, &str) {
    match s.split_at_checked(at) {
        Some(halves) => halves,
        None => off_boundary(),
    }
}

/// Where `needle` (not empty) first starts in `s`: for the few searches outside hot paths.
pub(crate) fn find(s: &str, needle: &str) -> Option<usize> {
    s.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

#[cold]
#[inline(never)]
fn off_boundary() -> ! {
    panic!("a text was cut off a character boundary")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_finds_as_str_does() {
        let s = "ab/Zürich 🇨🇭/x";
        for at in 0..=s.len() {
            if s.is_char_boundary(at) {
                assert_eq!(sub(s, at..), &s[at..]);
                assert_eq!(sub(s, ..at), &s[..at]);
                assert_eq!(split_at(s, at), s.split_at(at));
            }
        }
        for needle in ["/", "ü", "🇨🇭", "/x", "ab/Z", "zz", "x/"] {
            assert_eq!(find(s, needle), s.find(needle), "{needle}");
        }
    }

    #[test]
    #[should_panic(expected = "off a character boundary")]
    fn a_cut_inside_a_character_panics() {
        sub("ü", 1..);
    }
}
