//! Problems as they are found (byte spans), and their conversion to located [`Issue`]s.

use crate::diagnostics::codes::{IssueCode, Severity};
use crate::diagnostics::issue::FoundIssue;
pub(crate) use crate::diagnostics::issue::Text;
use crate::diagnostics::order::sort_by_rank;
use crate::diagnostics::problem::Problem;
use crate::text::position::{Cursor, LineIndex, Position};
use crate::text::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    pub code: IssueCode,
    pub severity: Severity,
    pub message: Text,
    pub hint: Option<Text>,
    pub path: String,
    pub span: Span,
}

/// Collects every problem in one payload; severity follows the caller's strictness.
///
/// With a `limit`, only the findings that can still be listed are kept (errors first, then by
/// position, as [`locate`] picks them) and the rest are counted in `dropped`, so that a payload
/// with millions of unknown members costs memory for `limit` findings, not millions.
pub(crate) struct Findings {
    strict: bool,
    pub list: Vec<Finding>,
    limit: usize,
    pub dropped: usize,
}

impl Findings {
    pub fn new(strict: bool) -> Self {
        Findings::with_limit(strict, usize::MAX)
    }

    pub fn with_limit(strict: bool, limit: usize) -> Self {
        Findings {
            strict,
            list: Vec::new(),
            limit: limit.max(1),
            dropped: 0,
        }
    }

    /// Most findings kept (the caller's `maxIssues`).
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Every finding, listed or not.
    pub fn total(&self) -> usize {
        self.list.len() + self.dropped
    }

    /// Keeps the `limit` findings that [`locate`] would list; amortised O(log n) per add.
    fn compact(&mut self) {
        sort_by_rank(&mut self.list, errors_first);
        self.dropped += self.list.len().saturating_sub(self.limit);
        self.list.truncate(self.limit);
    }

    pub fn add(
        &mut self,
        code: IssueCode,
        span: Span,
        path: impl Into<String>,
        message: impl Into<Text>,
    ) -> &mut Finding {
        self.add_owned(code, span, path.into(), message.into())
    }

    /// [`Self::add`] once the texts are made: one copy for every kind of text given (the
    /// module carried five, 1.6 KB).
    #[inline(never)]
    fn add_owned(
        &mut self,
        code: IssueCode,
        span: Span,
        path: String,
        message: Text,
    ) -> &mut Finding {
        let severity = if self.strict && code.strict_makes_error() {
            Severity::Error
        } else {
            code.default_severity()
        };
        if self.list.len() >= self.limit.saturating_mul(2).saturating_add(1024) {
            self.compact();
        }
        self.list.push(Finding {
            code,
            severity,
            message,
            hint: None,
            path,
            span,
        });
        self.list.last_mut().expect("just pushed")
    }

    /// A parser problem, whose path is a list of keys from `base`.
    pub fn add_problem(&mut self, p: &Problem, base: &str) {
        let mut path = base.to_string();
        for key in &p.path {
            push_pointer(&mut path, key);
        }
        let hint = p.hint.clone();
        self.add(p.code, p.span, path, p.detail.clone()).hint = hint;
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|f| f.severity == Severity::Error)
    }
}

impl Finding {
    pub fn hint(&mut self, hint: impl Into<Text>) {
        self.set_hint(hint.into());
    }

    /// [`Self::hint`] once the text is made. Never inlined: each of the rules' many hints
    /// carried a copy of the old hint's drop.
    #[inline(never)]
    fn set_hint(&mut self, hint: Text) {
        self.hint = Some(hint);
    }
}

/// Appends one RFC 6901 reference token (`~` as `~0`, `/` as `~1`).
pub(crate) fn push_pointer(path: &mut String, key: &str) {
    // A member name of a megabyte must not be copied into every issue under it.
    let key = crate::text::quote::cut(key, crate::diagnostics::issue::MAX_PATH_KEY);
    let key: &str = &key;
    path.push('/');
    if !key.bytes().any(|b| b == b'~' || b == b'/') {
        path.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// Where a member is: its object's pointer and its name. Made into a JSON Pointer only when a
/// problem is reported, so that checking a valid payload builds no paths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc<'a> {
    pub base: &'a str,
    pub key: &'a str,
}

impl From<Loc<'_>> for String {
    fn from(loc: Loc<'_>) -> String {
        pointer(loc.base, loc.key)
    }
}

pub(crate) fn loc<'a>(base: &'a str, key: &'a str) -> Loc<'a> {
    Loc { base, key }
}

pub(crate) fn pointer(base: &str, key: &str) -> String {
    let mut p = String::with_capacity(base.len() + key.len() + 1);
    p.push_str(base);
    push_pointer(&mut p, key);
    p
}

/// Errors before warnings, each in document order.
fn errors_first(f: &Finding) -> (u64, u64) {
    (
        u64::from(f.severity != Severity::Error),
        f.span.start as u64,
    )
}

/// Turns findings into located issues, in document order, split by severity and capped at
/// `max_issues` (one `too-many-issues` warning says how many were left out). Without an
/// `index` (a value that was already parsed, with no text) issues have no position, and spans
/// only order them.
pub(crate) fn locate<I: From<FoundIssue>>(
    findings: Findings,
    index: Option<&LineIndex>,
    max_issues: usize,
) -> (Vec<I>, Vec<I>) {
    match index {
        Some(index) => locate_by(findings, Some(&mut |span| index.locate(span)), max_issues),
        None => locate_by(findings, None, max_issues),
    }
}

/// [`locate`] in `src`, one payload's text. In WebAssembly, where nothing vectorises
/// [`LineIndex::new`]'s scan and it took a tenth of an invalid payload's call, a [`Cursor`]
/// counts up to the last issue instead, unless the issues' spans add up to more than the text
/// (they overlap, as only hostile input has them do). Natively the index's scan is vectorised
/// and costs less than the cursor's (callgrind: a doc-sample payload's two warnings, 19,447
/// instructions a call with the index, 20,035 with the cursor).
pub(crate) fn locate_in<I: From<FoundIssue>>(
    findings: Findings,
    src: &str,
    max_issues: usize,
) -> (Vec<I>, Vec<I>) {
    if !cfg!(target_arch = "wasm32") {
        return locate(findings, Some(&LineIndex::new(src)), max_issues);
    }
    let spans: usize = findings
        .list
        .iter()
        .map(|f| f.span.end.saturating_sub(f.span.start))
        .fold(0, usize::saturating_add);
    if spans > src.len() {
        return locate(findings, Some(&LineIndex::new(src)), max_issues);
    }
    let mut cursor = Cursor::new(src);
    locate_by(findings, Some(&mut |span| cursor.locate(span)), max_issues)
}

/// [`locate`], with `position` saying where a span is, taken in the order of their starts.
/// Each issue is made an `I`: an [`Issue`](crate::Issue), or the [`FoundIssue`] that the JavaScript lane
/// sends as it is. Only the loop that makes them is generic: the module carried the whole of
/// the work twice (1.8 KB each).
fn locate_by<I: From<FoundIssue>>(
    findings: Findings,
    mut position: Option<&mut dyn FnMut(Span) -> Position>,
    max_issues: usize,
) -> (Vec<I>, Vec<I>) {
    let located = position.is_some();
    let (list, left_out) = listed(findings, max_issues);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for f in list {
        let p = position.as_mut().map(|position| position(f.span));
        let issue = I::from(FoundIssue {
            code: f.code,
            severity: f.severity,
            message: f.message,
            hint: f.hint,
            path: f.path,
            line: p.map(|p| p.line),
            column: p.map(|p| p.column),
            offset: p.map(|p| p.offset),
            length: p.map(|p| p.length),
        });
        match f.severity {
            Severity::Error => errors.push(issue),
            Severity::Warning => warnings.push(issue),
        }
    }
    if left_out > 0 {
        warnings.push(I::from(too_many(left_out, max_issues, located)));
    }
    (errors, warnings)
}

/// The findings [`locate_by`] lists, in order, and how many it leaves out.
fn listed(findings: Findings, max_issues: usize) -> (Vec<Finding>, usize) {
    let total = findings.total();
    let mut list = findings.list;
    let max_issues = max_issues.max(1);
    if total > max_issues {
        // Keep errors before warnings so a capped list still explains why it is invalid.
        sort_by_rank(&mut list, errors_first);
        list.truncate(max_issues);
    }
    // Findings nearly always come in document order already: then the sort's ranks (an
    // allocation of a warned payload's call) are not even made.
    if !list.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        sort_by_rank(&mut list, |f| (f.span.start as u64, 0));
    }
    (list, total.saturating_sub(max_issues))
}

/// The warning that ends a capped list: `left_out` issues were not listed. Where issues have
/// positions (`located`), it points at the start.
#[cold]
#[inline(never)]
fn too_many(left_out: usize, max_issues: usize, located: bool) -> FoundIssue {
    FoundIssue {
        code: IssueCode::TooManyIssues,
        severity: Severity::Warning,
        message: Text::Owned(format!(
            "{left_out} more issues were found but not listed (limit `maxIssues` = {})",
            max_issues.max(1)
        )),
        hint: Some(Text::Borrowed("fix the first ones, or raise `maxIssues`")),
        path: String::new(),
        line: located.then_some(1),
        column: located.then_some(1),
        offset: located.then_some(0),
        length: located.then_some(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_pointer_tokens() {
        assert_eq!(pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer("", ""), "/");
    }
}
