//! One form for every value that crosses to JavaScript ([`Encoded`]): what it is, numbers,
//! and one text, which `assemble` (src/js/assemble.js) builds the value from, whether the
//! numbers come as an import's argument or are read out of WebAssembly memory by the lane
//! (src/js/lane.js).

use super::encode::{compact_valid, Spans};
use super::held::Held;
use super::issues::{invalid_report_held, push_issues, put, Crossing};
use super::spare::spare_nums;
use super::templates::{NEW_TEMPLATE, TEMPLATE};
use crate::__private::{to_tokens, Templated};
use crate::{InvalidEventError, Issue, Report};

/// What an [`Encoded`] value holds, for `assemble` (src/js/assemble.js declares the same
/// numbers; tests/js_layout.rs checks): a valid report ([`Encoded::valid`]), an invalid one
/// (as [`invalid_report`](super::issues::invalid_report)), `parse`'s error
/// ([`Encoded::thrown`]), any value as its tokens (`write::Tokens`), or `parse`'s event out of
/// a valid report.
pub const VALID: u32 = 1;
pub const INVALID: u32 = 2;
pub const THROWN: u32 = 3;
pub const TOKENS: u32 = 4;
/// A valid report laid out as [`VALID`], of which `parse` answers the event.
pub const EVENT: u32 = 5;
/// A summary: its numbers as `output::numbers` writes them, then the rest as its tokens.
pub const SUMMARY: u32 = 6;

/// What the header whose address `ccne_lane` (src/js/lane.rs) returns holds: where
/// src/js/lane.js finds the answer, in this order (it reads them in the same order;
/// tests/js_layout.rs checks): the [`Encoded`] answer's kind, the index of its numbers among
/// WebAssembly memory's 32-bit words, and the address and length in bytes of its text.
pub const LANE_HEADER: [&str; 4] = ["kind", "at", "from", "bytes"];

/// A value as it crosses to JavaScript, whichever way it goes there (an import's arguments,
/// or WebAssembly memory that src/js/lane.js reads): what it is ([`VALID`]...), numbers, and
/// one text of which each string is a slice. `assemble` builds the value from them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    pub kind: u32,
    pub nums: Vec<u32>,
    pub text: String,
}

impl Encoded {
    /// A valid report: its [`Spans`] over `text` (its made values), then the number of its
    /// warnings and each as [`invalid_report`](super::issues::invalid_report) lays out
    /// issues, their strings after the made values in the one text.
    /// `held`: the strings JavaScript holds (the lane's; see [`Held`]).
    pub fn valid(
        spans: &Spans,
        text: String,
        warnings: &[impl Crossing],
        held: Option<&mut Held>,
    ) -> Self {
        let mut nums = spare_nums(spans.len() + 1 + 9 * warnings.len());
        nums.extend_from_slice(spans);
        Self::valid_after(nums, text, warnings, held)
    }

    /// [`Encoded::valid`] whose spans are already in `nums`, written there by the lane.
    // Run on every call: inlined at the validate-only build's threshold too (Makefile).
    #[inline]
    pub fn valid_after(
        mut nums: Vec<u32>,
        mut text: String,
        warnings: &[impl Crossing],
        held: Option<&mut Held>,
    ) -> Self {
        nums.push(warnings.len() as u32);
        push_issues(warnings.iter(), &mut nums, &mut text, held);
        Encoded {
            kind: VALID,
            nums,
            text,
        }
    }

    /// [`Encoded::valid`] of warnings sent as issue templates (see
    /// [`Templates`](super::templates::Templates)): each as its template's slot and its
    /// positions, or as the whole issue (`push_issues`) where JavaScript is to keep its
    /// template. The spans are in `nums` already (the lane's).
    pub fn templated(
        mut nums: Vec<u32>,
        mut text: String,
        warnings: &[Templated],
        mut held: Option<&mut Held>,
    ) -> Self {
        nums.push(warnings.len() as u32);
        for w in warnings {
            match &w.fresh {
                Some(issue) => {
                    nums.push(NEW_TEMPLATE + w.slot);
                    let one = core::slice::from_ref(&**issue);
                    push_issues(one.iter(), &mut nums, &mut text, held.as_deref_mut());
                }
                None => {
                    nums.push(TEMPLATE + w.slot);
                    nums.extend_from_slice(&w.at);
                }
            }
        }
        Encoded {
            kind: VALID,
            nums,
            text,
        }
    }

    /// Any report: compact when it is valid or invalid without renderings (nearly every
    /// one), else as its tokens. The error is for what the tokens cannot carry (a float, a
    /// map), which no report holds.
    pub fn report(report: &Report, held: Option<&mut Held>) -> Result<Self, String> {
        if let Some((spans, text)) = compact_valid(report) {
            return Ok(Self::valid(&spans, text, &report.warnings, held));
        }
        match invalid_report_held(report, held) {
            Some((nums, text)) => Ok(Encoded {
                kind: INVALID,
                nums,
                text,
            }),
            None => Self::tokens(report),
        }
    }

    /// Any value, as its tokens.
    pub fn tokens(value: &(impl serde::Serialize + ?Sized)) -> Result<Self, String> {
        let (nums, text) = to_tokens(value).map_err(|e| e.to_string())?;
        Ok(Encoded {
            kind: TOKENS,
            nums,
            text,
        })
    }

    /// `parse`'s error, an `InvalidEventError`: the lengths of its kind and message, the
    /// number of its issues, and each issue as
    /// [`invalid_report`](super::issues::invalid_report) lays them out.
    pub fn thrown(e: &InvalidEventError, held: Option<&mut Held>) -> Self {
        let mut nums = Vec::with_capacity(3 + 9 * e.issues.len());
        let mut text = String::with_capacity(64 + 160 * e.issues.len());
        put(&mut nums, &mut text, Some(e.kind.as_str()));
        put(&mut nums, &mut text, Some(&e.to_string()));
        nums.push(e.issues.len() as u32);
        push_issues(e.issues.iter(), &mut nums, &mut text, held);
        Encoded {
            kind: THROWN,
            nums,
            text,
        }
    }

    /// What `parse` answers for `report`: its event, or the error to throw.
    pub fn parsed(report: Report, held: Option<&mut Held>) -> Result<Self, String> {
        if report.valid {
            if let Some((spans, text)) = compact_valid(&report) {
                return Ok(Self::valid(&spans, text, &[] as &[Issue], held).event());
            }
        }
        match crate::__private::event_or_error(report) {
            Ok(event) => Self::tokens(&event),
            Err(e) => Ok(Self::thrown(&e, held)),
        }
    }

    /// This valid report as `parse`'s answer, its event (anything else as it is).
    pub fn event(self) -> Self {
        match self.kind {
            VALID => Encoded {
                kind: EVENT,
                ..self
            },
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::{invalid_report, issues, ABSENT};
    use crate::ValidateOptions;

    /// A valid notification with no warnings, non-ASCII in one value.
    const VALID_FOR_TESTS: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","location":"Zürich 🇨🇭"}}}"#;

    /// The strings of `nums` (lengths from `at`, each [`ABSENT`] or one string) as they
    /// follow each other in `text`, by UTF-16 length.
    fn strings(text: &str, lengths: &[u32]) -> Vec<Option<String>> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut at = 0;
        let out = lengths
            .iter()
            .map(|&n| {
                (n != ABSENT).then(|| {
                    at += n as usize;
                    String::from_utf16(&units[at - n as usize..at]).unwrap()
                })
            })
            .collect();
        assert_eq!(at, units.len(), "the text holds nothing else");
        out
    }

    #[test]
    fn encodes_parses_error_with_its_kind_message_and_every_issue() {
        let report = crate::validate(
            r#"{"uuid": "x", "note": "Zürich"}"#,
            &ValidateOptions::default(),
        );
        let issues = report.errors.len() + report.warnings.len();
        assert!(report.errors.len() > 1 && !report.warnings.is_empty());
        let e = crate::__private::event_or_error(report.clone()).unwrap_err();
        let thrown = Encoded::parsed(report.clone(), None).unwrap();
        assert_eq!(thrown, Encoded::thrown(&e, None));
        assert_eq!(thrown.kind, THROWN);
        assert_eq!(thrown.nums.len(), 3 + 9 * issues);
        assert_eq!(thrown.nums[2] as usize, issues);
        let mut lengths = vec![thrown.nums[0], thrown.nums[1]];
        for issue in thrown.nums[3..].chunks(9) {
            lengths.extend(&issue[..5]);
        }
        let strings = strings(&thrown.text, &lengths);
        assert_eq!(strings[0].as_deref(), Some(e.kind.as_str()));
        assert_eq!(strings[1].as_deref(), Some(e.to_string().as_str()));
        // Errors first, then warnings, as the error's issues are.
        assert_eq!(strings[2].as_deref(), Some(e.issues[0].code.as_str()));
        let last = &e.issues[issues - 1];
        assert_eq!(
            strings[2 + 5 * (issues - 1)].as_deref(),
            Some(last.code.as_str())
        );
        assert_eq!(last.severity, crate::Severity::Warning);
        // The same report through validate: invalid, laid out as `invalid_report`.
        let invalid = Encoded::report(&report, None).unwrap();
        let (nums, text) = invalid_report(&report).unwrap();
        assert_eq!(
            (invalid.kind, invalid.nums, invalid.text),
            (INVALID, nums, text)
        );
    }

    #[test]
    fn encodes_a_valid_report_as_its_spans_then_its_warnings() {
        let warned = crate::validate(
            VALID_FOR_TESTS.replace("\"3\"", "3"),
            &ValidateOptions::default(),
        );
        assert!(warned.valid && !warned.warnings.is_empty());
        let (spans, made) = compact_valid(&warned).unwrap();
        let e = Encoded::report(&warned, None).unwrap();
        assert_eq!(e.kind, VALID);
        assert_eq!(e.nums[..spans.len()], spans);
        assert_eq!(e.nums[spans.len()] as usize, warned.warnings.len());
        let (issue_nums, issues_text) = issues(&warned.warnings);
        assert_eq!(e.nums[spans.len()..], issue_nums);
        assert_eq!(e.text, made + &issues_text);
        // parse's answer: the same values, no warnings, read as the event.
        let parsed = Encoded::parsed(warned.clone(), None).unwrap();
        assert_eq!(parsed.kind, EVENT);
        assert_eq!(parsed.nums[..spans.len()], spans);
        assert_eq!(parsed.nums[spans.len()..], [0]);
        // A report that is neither (a control frame) crosses as tokens.
        let frame = crate::validate(
            r#"[{"type":"Heartbeat","messageId":"1","timestamp":"2023-04-18T20:25:24.611Z"}]"#,
            &ValidateOptions::default(),
        );
        assert!(frame.frame.is_some(), "{frame:?}");
        let tokens = Encoded::report(&frame, None).unwrap();
        let (nums, text) = crate::__private::to_tokens(&frame).unwrap();
        assert_eq!(
            (tokens.kind, tokens.nums, tokens.text),
            (TOKENS, nums, text)
        );
    }
}
