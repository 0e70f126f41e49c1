//! Problems as they are found (byte spans), and their conversion to located [`Issue`]s.

use crate::codes::{Code, Severity};
use crate::json::{Problem, Span};
use crate::model::Issue;
use crate::position::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
    pub path: String,
    pub span: Span,
}

/// Collects every problem in one payload; severity follows the caller's strictness.
pub(crate) struct Findings {
    strict: bool,
    pub list: Vec<Finding>,
}

impl Findings {
    pub fn new(strict: bool) -> Self {
        Findings {
            strict,
            list: Vec::new(),
        }
    }

    pub fn add(
        &mut self,
        code: Code,
        span: Span,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Finding {
        let severity = if self.strict && code.strict_makes_error() {
            Severity::Error
        } else {
            code.default_severity()
        };
        self.list.push(Finding {
            code,
            severity,
            message: message.into(),
            hint: None,
            path: path.into(),
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
    pub fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }
}

/// Appends one RFC 6901 reference token (`~` as `~0`, `/` as `~1`).
pub(crate) fn push_pointer(path: &mut String, key: &str) {
    path.push('/');
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

pub(crate) fn pointer(base: &str, key: &str) -> String {
    let mut p = base.to_string();
    push_pointer(&mut p, key);
    p
}

/// Turns findings into located issues, in document order, split by severity and capped at
/// `max_issues` (one `too-many-issues` warning says how many were left out).
pub(crate) fn locate(
    mut list: Vec<Finding>,
    index: &LineIndex,
    max_issues: usize,
) -> (Vec<Issue>, Vec<Issue>) {
    list.sort_by_key(|f| f.span.start);
    let total = list.len();
    let max_issues = max_issues.max(1);
    if total > max_issues {
        // Keep errors before warnings so a capped list still explains why it is invalid.
        list.sort_by_key(|f| (f.severity != Severity::Error, f.span.start));
        list.truncate(max_issues);
        list.sort_by_key(|f| f.span.start);
    }
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for f in list {
        let p = index.locate(f.span);
        let issue = Issue {
            code: f.code,
            severity: f.severity,
            message: f.message,
            hint: f.hint,
            path: f.path,
            line: p.line,
            column: p.column,
            offset: p.offset,
            length: p.length,
        };
        match f.severity {
            Severity::Error => errors.push(issue),
            Severity::Warning => warnings.push(issue),
        }
    }
    if total > max_issues {
        warnings.push(Issue {
            code: Code::TooManyIssues,
            severity: Severity::Warning,
            message: format!(
                "{} more issues were found but not listed (limit `maxIssues` = {max_issues})",
                total - max_issues
            ),
            hint: Some("fix the first ones, or raise `maxIssues`".into()),
            path: String::new(),
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
        });
    }
    (errors, warnings)
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
