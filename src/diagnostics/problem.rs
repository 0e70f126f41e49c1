//! A problem met while reading the text, before it becomes a located issue.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::issue::Text;
use crate::text::span::Span;

/// A problem the parser met. Syntax errors end parsing; notes (duplicate keys, lone surrogates)
/// are collected on the way and parsing goes on.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: IssueCode,
    pub span: Span,
    pub detail: String,
    /// Fixed words, borrowed: a copy of each was an inlined allocation.
    pub hint: Option<Text>,
    /// Keys from the document root to the value concerned (for duplicate keys, the key itself).
    pub path: Vec<String>,
}
