//! The located problem handed to callers.

use crate::diagnostics::codes::{IssueCode, Severity};
use std::borrow::Cow;

/// A text of an issue as found: the crate's own when it is fixed (most hints, many messages).
pub type Text = Cow<'static, str>;

/// Longest member name kept whole in a problem's path; longer ones are cut and end in `…`, so
/// that notes under a megabyte-long key do not each copy it.
pub const MAX_PATH_KEY: usize = 100;

/// One located problem. Positions are in UTF-16 code units (1-based lines; columns and offsets count UTF-16 code units, as JavaScript does).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Issue {
    pub code: IssueCode,
    pub severity: Severity,
    pub message: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub hint: Option<String>,
    /// RFC 6901 JSON Pointer to the value (for a missing member, the member's would-be path).
    pub path: String,
    /// 1-based line; `None` for a value that was already parsed (no text to point into), as
    /// are the other three.
    pub line: Option<u32>,
    /// 1-based column, in UTF-16 code units.
    pub column: Option<u32>,
    /// UTF-16 offset of the value's first character.
    pub offset: Option<u32>,
    /// Length in UTF-16 code units.
    pub length: Option<u32>,
}

/// An [`Issue`] as the rules found it, before it is handed out: the same fields, its fixed
/// texts borrowed from the crate rather than copied. The JavaScript lane sends it as it is:
/// JavaScript holds those texts, found by their address, where each copy cost an allocation,
/// its release and a lookup by its bytes on every warned call.
#[derive(Clone, Debug, PartialEq, Eq)]
#[doc(hidden)]
pub struct FoundIssue {
    pub code: IssueCode,
    pub severity: Severity,
    pub message: Text,
    pub hint: Option<Text>,
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub offset: Option<u32>,
    pub length: Option<u32>,
}

impl From<FoundIssue> for Issue {
    fn from(i: FoundIssue) -> Issue {
        Issue {
            code: i.code,
            severity: i.severity,
            message: i.message.into_owned(),
            hint: i.hint.map(Cow::into_owned),
            path: i.path,
            line: i.line,
            column: i.column,
            offset: i.offset,
            length: i.length,
        }
    }
}

impl Issue {
    /// `line:column`, or, for an issue without a position, its path (`/` for the root): where
    /// renderings say the issue is.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{line}:{column}"),
            _ if self.path.is_empty() => "/".to_string(),
            _ => self.path.clone(),
        }
    }
}

// Here rather than in `codes`, next to the one type that carries them: a code and a severity
// are written as their stable names, the strings callers match on.
#[cfg(feature = "serde")]
impl serde::Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
