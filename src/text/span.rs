//! Byte ranges in the text being read.

use super::slice::sub;

/// A half-open byte range `start..end` in the parsed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// A span covering one character (or nothing, at the end of the text).
    pub fn at(src: &str, pos: usize) -> Self {
        let len = sub(src, pos..).chars().next().map_or(0, char::len_utf8);
        Span::new(pos, pos + len)
    }
}
