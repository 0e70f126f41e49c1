//! Issues as they cross to JavaScript, for `assemble` (src/js/assemble.js): an invalid
//! report's, a valid report's warnings (after its spans, [`super::encode`]) and `parse`'s
//! error's, each issue as the lengths (or held slots, see [`Held`]) of its five strings and
//! its four positions.

use super::encode::ABSENT;
use super::held::{Held, Key};
use crate::__private::{utf16_units, FoundIssue};
use crate::{Issue, IssueCode, Report, Severity};
use std::borrow::Cow;

/// An invalid report as numbers and text for `assemble` (src/js/assemble.js), which builds
/// the objects `JSON.parse` would make of its JSON: the lengths of kind and delivery, the
/// numbers of errors and warnings, then for each issue the lengths of code, severity,
/// message, hint ([`ABSENT`] when it has none) and path, and its line, column, offset and
/// length ([`ABSENT`] for none). Lengths are in UTF-16 units, of strings that follow each other
/// in the text.
pub fn invalid_report(report: &Report) -> Option<(Vec<u32>, String)> {
    invalid_report_held(report, None)
}

/// [`invalid_report`], the strings JavaScript holds named by their slots (see [`Held`]).
pub(super) fn invalid_report_held(
    report: &Report,
    mut held: Option<&mut Held>,
) -> Option<(Vec<u32>, String)> {
    // A control frame's report crosses as tokens: rare, and its `frame` has no slot here.
    if report.has_renderings()
        || report.valid
        || report.event.is_some()
        || report.change.is_some()
        || report.frame.is_some()
    {
        return None;
    }
    let count = report.errors.len() + report.warnings.len();
    let mut nums = Vec::with_capacity(4 + 9 * count);
    let mut text = String::with_capacity(64 + 160 * count);
    for word in [report.kind.as_str(), report.delivery.as_str()] {
        match held.as_deref_mut() {
            Some(held) => held.put(Key::Word(word), &mut nums, &mut text),
            None => put(&mut nums, &mut text, Some(word)),
        }
    }
    nums.push(report.errors.len() as u32);
    nums.push(report.warnings.len() as u32);
    push_issues(
        report.errors.iter().chain(&report.warnings),
        &mut nums,
        &mut text,
        held,
    );
    Some((nums, text))
}

/// `issues` as numbers and text for `assembleWarned` (src/js/assemble.js): their number, then
/// each encoded as in [`invalid_report`].
pub fn issues(issues: &[Issue]) -> (Vec<u32>, String) {
    let mut nums = Vec::with_capacity(1 + 9 * issues.len());
    let mut text = String::with_capacity(160 * issues.len());
    nums.push(issues.len() as u32);
    push_issues(issues.iter(), &mut nums, &mut text, None);
    (nums, text)
}

pub(super) fn put(nums: &mut Vec<u32>, text: &mut String, s: Option<&str>) {
    match s {
        Some(s) => {
            text.push_str(s);
            nums.push(utf16_units(s.as_bytes()));
        }
        None => nums.push(ABSENT),
    }
}

/// What [`push_issues`] sends of an issue: its code, severity, message, hint, path and
/// position. A [`FoundIssue`]'s fixed texts are the crate's own words ([`Key::Word`]):
/// JavaScript's held strings are found by their address, with no copy and no look at their
/// bytes.
pub trait Crossing {
    fn parts(&self) -> (IssueCode, Severity, Key<'_>, Option<Key<'_>>, &str);
    fn position(&self) -> [Option<u32>; 4];
}

impl Crossing for Issue {
    fn parts(&self) -> (IssueCode, Severity, Key<'_>, Option<Key<'_>>, &str) {
        let hint = self.hint.as_deref().map(Key::Text);
        (
            self.code,
            self.severity,
            Key::Text(&self.message),
            hint,
            &self.path,
        )
    }
    fn position(&self) -> [Option<u32>; 4] {
        [self.line, self.column, self.offset, self.length]
    }
}

impl Crossing for FoundIssue {
    fn parts(&self) -> (IssueCode, Severity, Key<'_>, Option<Key<'_>>, &str) {
        let (message, hint) = (text_key(&self.message), self.hint.as_ref().map(text_key));
        (self.code, self.severity, message, hint, &self.path)
    }
    fn position(&self) -> [Option<u32>; 4] {
        [self.line, self.column, self.offset, self.length]
    }
}

/// How a found issue's text is looked up among JavaScript's held strings: a word by its
/// address (never freed, never changed), other text by its bytes. The `Cow` itself, not the
/// `&str` it derefs to: which of the two it is decides.
#[allow(clippy::ptr_arg)]
fn text_key<'a>(t: &'a Cow<'static, str>) -> Key<'a> {
    match t {
        Cow::Borrowed(word) => Key::Word(word),
        Cow::Owned(text) => Key::Text(text),
    }
}

/// Each issue's strings' lengths (or slots: see [`Held`]) and its positions.
pub(super) fn push_issues<'a, I: Crossing + 'a>(
    issues: impl Iterator<Item = &'a I>,
    nums: &mut Vec<u32>,
    text: &mut String,
    mut held: Option<&mut Held>,
) {
    let mut string = |s: Option<Key>, nums: &mut Vec<u32>| match (s, held.as_deref_mut()) {
        (Some(s), Some(held)) => held.put(s, nums, text),
        (s, None) => put(nums, text, s.map(Key::text)),
        (None, _) => nums.push(ABSENT),
    };
    for i in issues {
        let (code, severity, message, hint, path) = i.parts();
        // A code and a severity are words of the crate's, which `Held` finds by address.
        string(Some(Key::Word(code.as_str())), nums);
        string(Some(Key::Word(severity.as_str())), nums);
        string(Some(message), nums);
        string(hint, nums);
        string(Some(Key::Text(path)), nums);
        // A position is absent for a value that was already parsed (JavaScript's null).
        nums.extend(i.position().map(|n| n.unwrap_or(ABSENT)));
    }
}
