//! The core's functions as the JavaScript boundary calls them, in plain Rust so they are
//! tested natively: input from JavaScript (lone surrogates, too large, no memory), and the
//! errors thrown to JavaScript.
//!
//! `wasm` only moves values across; every decision is made here and in the core.

use crate::__private::{clip, summarize_from, summarize_split, validate_from, FromJs};
use crate::{Report, SummarizeOptions, Summary, ValidateOptions};

/// An error thrown to JavaScript as a real `TypeError` or `RangeError`. (`parse`'s
/// `InvalidEventError` crosses as [`Encoded::thrown`](super::encoded::Encoded::thrown).)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThrownError {
    /// The JavaScript error class: `"TypeError"` or `"RangeError"`.
    pub class: &'static str,
    pub message: String,
}

impl ThrownError {
    pub fn type_error(message: String) -> Self {
        ThrownError {
            class: "TypeError",
            message,
        }
    }
    pub fn range_error(message: String) -> Self {
        ThrownError {
            class: "RangeError",
            message,
        }
    }
}

/// [`crate::validate`] for input from JavaScript: `lone_surrogate` is the UTF-16 offset and
/// code unit of the string's first lone surrogate, if it had one.
pub fn validate_js(
    bytes: &[u8],
    options: &ValidateOptions,
    lone_surrogate: Option<(usize, u16)>,
) -> Report {
    let js = FromJs {
        lone_surrogates: lone_surrogate.into_iter().collect(),
        ..FromJs::default()
    };
    validate_from(bytes, options, &js)
}

/// [`validate_js`] for input on which [`fast_report`](super::encode::fast_report) has just given up (so it is valid UTF-8
/// without a lone surrogate): the fast path would give up again, so the parse tree runs
/// straight away.
pub fn validate_js_unclean(bytes: &[u8], options: &ValidateOptions) -> Report {
    crate::validate_tree(bytes, options)
}

/// Most lone surrogates of a string listed one by one; past them, every U+FFFD in the log
/// counts as one (a string with a million is not text).
pub const MAX_LONE_SURROGATES: usize = 1 << 20;

/// [`crate::summarize`] for input from JavaScript: `lone_surrogates` are the UTF-16 offset and
/// code unit of each of the string's lone surrogates, in order (each item holding one is
/// invalid), at most [`MAX_LONE_SURROGATES`]; then maybe one pair with code unit 0, where the
/// ones not listed begin.
pub fn summarize_js(
    bytes: &[u8],
    options: &SummarizeOptions,
    lone_surrogates: &[(usize, u16)],
) -> Summary {
    summarize_from(bytes, options, &with_lone_surrogates(lone_surrogates))
}

/// [`summarize_js`], the summary's `numbers` apart as their tokens unless a rendering
/// needs them (see [`crate::__private::summarize_split`]).
pub fn summarize_js_split(
    bytes: &[u8],
    options: &SummarizeOptions,
    lone_surrogates: &[(usize, u16)],
) -> (Summary, Option<(Vec<u32>, String)>) {
    summarize_split(bytes, options, &with_lone_surrogates(lone_surrogates))
}

/// What the boundary learned of a string log on its way in: its lone surrogates.
fn with_lone_surrogates(lone_surrogates: &[(usize, u16)]) -> FromJs {
    FromJs {
        lone_surrogates: lone_surrogates.to_vec(),
        ..FromJs::default()
    }
}

/// The report for an input too large to be copied into WebAssembly memory at all: `size`
/// bytes, or at least `size` when not `exact` (a string, counted in UTF-16 units).
pub fn validate_too_large(size: usize, exact: bool, options: &ValidateOptions) -> Report {
    let js = FromJs {
        too_large: Some((size, exact)),
        ..FromJs::default()
    };
    validate_from(&[], options, &js)
}

/// [`validate_too_large`] for `summarize`.
pub fn summarize_too_large(size: usize, exact: bool, options: &SummarizeOptions) -> Summary {
    let js = FromJs {
        too_large: Some((size, exact)),
        ..FromJs::default()
    };
    summarize_from(&[], options, &js)
}

/// Why an input got no verdict of its own, said in place of the too-large message: it fits
/// `maxInputBytes`, but WebAssembly could not give the memory to check it.
#[derive(Clone, Copy, Debug)]
pub enum NoMemory<'a> {
    /// Copying the input into WebAssembly memory failed (`Vec::try_reserve_exact`).
    ForTheCopy,
    /// The module trapped while checking it (the reason is the `RuntimeError`'s message) and
    /// was replaced by a fresh one, which made this report.
    Trapped(&'a str),
}

impl NoMemory<'_> {
    /// What the boundary tells the core about an input it could not copy for this reason.
    pub fn from_js(self, size: usize, exact: bool) -> FromJs {
        FromJs {
            no_memory: Some(self.message(size, exact)),
            ..FromJs::default()
        }
    }

    fn message(self, size: usize, exact: bool) -> (String, &'static str) {
        let at_least = if exact { "" } else { "at least " };
        match self {
            NoMemory::ForTheCopy => (
                format!(
                    "the input has {at_least}{size} bytes, and copying it needed more memory \
                     than WebAssembly could give"
                ),
                "free memory (or pass smaller pieces of the log) and try again",
            ),
            NoMemory::Trapped(reason) => (
                format!(
                    "the check ran out of WebAssembly memory ({}, on an input of \
                     {at_least}{size} bytes); the module was restarted",
                    clip(reason)
                ),
                "pass smaller pieces of the log; if the input is small, please report it",
            ),
        }
    }
}

/// The report for an input within `maxInputBytes` that could not be checked for want of
/// WebAssembly memory: the same shape as [`validate_too_large`]'s (malformed, one
/// `input-too-large` error at 1:1), saying why.
pub fn validate_without_memory(
    size: usize,
    exact: bool,
    why: NoMemory,
    options: &ValidateOptions,
) -> Report {
    let js = FromJs {
        no_memory: Some(why.message(size, exact)),
        ..FromJs::default()
    };
    validate_from(&[], options, &js)
}

/// [`validate_without_memory`] for `summarize`.
pub fn summarize_without_memory(
    size: usize,
    exact: bool,
    why: NoMemory,
    options: &SummarizeOptions,
) -> Summary {
    let js = FromJs {
        no_memory: Some(why.message(size, exact)),
        ..FromJs::default()
    };
    summarize_from(&[], options, &js)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    #[test]
    fn reports_an_input_without_memory_in_the_too_large_shape() {
        let with_text = ValidateOptions {
            text: true,
            markdown: true,
            ..ValidateOptions::default()
        };
        let r = validate_without_memory(1000, true, NoMemory::ForTheCopy, &with_text);
        assert!(!r.valid);
        assert_eq!(r.kind, Kind::Malformed);
        assert_eq!(r.errors.len(), 1);
        let e = &r.errors[0];
        assert_eq!(
            (e.code, e.line, e.column),
            (crate::IssueCode::InputTooLarge, Some(1), Some(1))
        );
        assert_eq!(
            e.message,
            "the input has 1000 bytes, and copying it needed more memory than WebAssembly could give"
        );
        let text = r.text.unwrap();
        assert!(
            text.contains(&e.message) && !text.contains("maxInputBytes"),
            "{text}"
        );
        let r = validate_without_memory(
            0,
            false,
            NoMemory::Trapped("unreachable"),
            &ValidateOptions::default(),
        );
        assert!(r.errors[0].message.starts_with("the check ran out of WebAssembly memory (unreachable, on an input of at least 0 bytes)"));
        let s = summarize_without_memory(
            5,
            true,
            NoMemory::Trapped("unreachable"),
            &SummarizeOptions::default(),
        );
        assert_eq!(s.problems.len(), 1);
        let message = &s.problems[0].issues[0].message;
        assert!(message.ends_with("the module was restarted"), "{message}");
        assert!(s.text.contains(message.as_str()), "{}", s.text);
    }
}
