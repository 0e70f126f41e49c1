//! A valid notification's warnings as issue templates, for the JavaScript lane: what the rules
//! say of a remark depends only on the remark's inputs (its member, its text, the options and,
//! for a few values, the other members), never on where it is. So the issue's code, severity,
//! message, hint and path are worded once, held by JavaScript as a template, and from then on
//! a warning crosses as the template's slot and its position: no message or path is made,
//! looked up or sent again. Every payload with a field RingCentral added, and every copy of
//! the documentation's sample, has the same warnings call after call; wording, locating and
//! sending them took a fifth of such a call.

use crate::checks::remarks::{note_in, reads_context, Context, Remark};
use crate::diagnostics::codes::Severity;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::issue::FoundIssue;
use crate::model::event_ref::EventRef;
use crate::model::ValidateOptions;
use crate::text::position::{Cursor, Position};
use crate::text::push::push_short_bytes;
use crate::text::span::Span;

/// The templates JavaScript holds, as the lane's side knows them, by the key of the remark
/// they word (see `templated`).
pub trait Memo {
    /// How many templates it holds: a call with more remarks is not templated.
    fn capacity(&self) -> usize;
    /// Starts a call: the templates it looks up stay held until the next call starts.
    fn start(&mut self);
    /// The key to build, empty.
    fn key(&mut self) -> &mut Vec<u8>;
    /// The template held for the key built: its slot and its issue's span, from and to, as
    /// byte distances from the start of the remark's span.
    fn get(&mut self) -> Option<(u32, usize, usize)>;
    /// Holds the template of the key built, whose issue is at `from..to` of the remark's
    /// start (as [`Memo::get`] gives them back), in a slot that no template of this call
    /// holds: the slot.
    fn put(&mut self, from: usize, to: usize) -> u32;
}

/// What the lane templates a valid notification's warnings with: the templates JavaScript
/// holds, the list the warnings go in, and whether the text is ASCII (so that its byte offsets
/// are its UTF-16 offsets).
pub struct Templating<'m> {
    pub memo: &'m mut dyn Memo,
    pub out: &'m mut Vec<Templated>,
    pub ascii: bool,
}

/// A warning as the lane sends it: its template's slot, the issue itself where the template is
/// new (JavaScript keeps it from this one), and its line, column, offset and length.
pub struct Templated {
    pub slot: u32,
    /// Boxed: the issue is there only on a template's first call, and in place it made each
    /// warning a move of 150 bytes (a `memory.copy` in WebAssembly) on every call.
    pub fresh: Option<Box<FoundIssue>>,
    pub at: [u32; 4],
    /// The issue's span from the remark's start, for a new template.
    span: (usize, usize),
}

/// Whether every remark on `event` is one warning that `memo` holds the template of, or now
/// will: their warnings in `out`, in order, as the report's would be. False where the report
/// is not made of such warnings alone (an error, more issues than `maxIssues`, issues out of
/// the order of their spans), with `out` to be cleared: then the rules word them as always.
/// `plain`: `src` is ASCII and on one line, so that a byte offset is a column less one.
pub(crate) fn templated(
    src: &str,
    plain: bool,
    remarks: &[Remark],
    event: &EventRef,
    options: &ValidateOptions,
    memo: &mut dyn Memo,
    out: &mut Vec<Templated>,
) -> bool {
    if remarks.len() > options.max_issues.max(1) || remarks.len() >= memo.capacity() {
        return false;
    }
    // A clean notification (nearly every one): nothing to look up. Starting the memo, the
    // context and the cursor for it cost a clean call a hundred instructions (Node + wasm,
    // callgrind).
    if remarks.is_empty() {
        return true;
    }
    memo.start();
    let cx = Context::of(event);
    let mut cursor = Cursor::new(src);
    let mut last = 0;
    for remark in remarks {
        let Some(start) = key(remark, &cx, options.strict, memo.key()) else {
            return false;
        };
        let (slot, (from, to), fresh) = match memo.get() {
            Some((slot, from, to)) => (slot, (from, to), None),
            None => {
                let mut f = Findings::with_limit(options.strict, options.max_issues);
                note_in(core::slice::from_ref(remark), &cx, &mut f);
                let (1, 0) = (f.total(), f.dropped) else {
                    return false;
                };
                let Some(finding) = f.list.pop() else {
                    return false;
                };
                let span = finding.span;
                if finding.severity != Severity::Warning
                    || span.start < start
                    || span.end < span.start
                {
                    return false;
                }
                (
                    u32::MAX,
                    (span.start - start, span.end - start),
                    Some(finding),
                )
            }
        };
        let span = Span::new(start + from, start + to);
        if span.start < last {
            return false;
        }
        last = span.start;
        // Counting the units and line breaks up to a warning 470 bytes in took a third of what
        // the warning added to a clean call (natively, callgrind).
        let p = match plain {
            true => Position::plain(src, span),
            false => cursor.locate(span),
        };
        let fresh = fresh.map(|f| {
            Box::new(FoundIssue {
                code: f.code,
                severity: f.severity,
                message: f.message,
                hint: f.hint,
                path: f.path,
                line: Some(p.line),
                column: Some(p.column),
                offset: Some(p.offset),
                length: Some(p.length),
            })
        });
        let at = [p.line, p.column, p.offset, p.length];
        let span = (from, to);
        out.push(Templated {
            slot,
            fresh,
            at,
            span,
        });
    }
    // The new templates are held once nothing can fail: a slot handed out for a call that
    // then took the rules' route would name a template JavaScript never got.
    for (remark, t) in remarks.iter().zip(out.iter_mut()) {
        if t.fresh.is_some() {
            key(remark, &cx, options.strict, memo.key());
            t.slot = memo.put(t.span.0, t.span.1);
        }
    }
    true
}

/// Writes into `out` what the rules word `remark` from (its kind, member and text, the options,
/// and the other members where they read them), and gives the start of its span; `None` for
/// a remark that is an error whatever its words.
fn key(remark: &Remark, cx: &Context, strict: bool, out: &mut Vec<u8>) -> Option<usize> {
    // `n`, the how-manieth unknown member it is, only counts past `maxIssues`, which a
    // templated call never reaches.
    let (kind, of, texts) = match *remark {
        Remark::Unknown { object, key, .. } => (1, object as u8, [Some(key), None, None]),
        Remark::NumericId {
            object, key, text, ..
        } => (2, object as u8, [Some(key), Some(text), None]),
        Remark::Value { field, text, .. } if reads_context(field, text) => {
            let event_type = cx.event_type.map_or(0, |e| e as u8 + 1);
            (3 + event_type, field as u8, [Some(text), cx.id, cx.account])
        }
        Remark::Value { field, text, .. } => (7, field as u8, [Some(text), None, None]),
        Remark::BadId { .. } | Remark::WrongType { .. } | Remark::Missing { .. } => return None,
    };
    out.extend([u8::from(strict), kind, of]);
    for text in texts {
        push_text(out, text);
    }
    Some(remark.span().start)
}

/// `text`'s length and bytes (a length no text has for none).
#[inline(never)]
fn push_text(out: &mut Vec<u8>, text: Option<&str>) {
    let n = text.map_or(u32::MAX, |s| s.len() as u32);
    out.extend_from_slice(&n.to_le_bytes());
    // Nothing more for none or an empty text: an empty copy was still a `memory.copy` call in
    // WebAssembly, and most keys have two texts that are none. A short one (a member's name)
    // is copied in the module, not by a `memory.copy` call.
    if let Some(s) = text.filter(|s| !s.is_empty()) {
        push_short_bytes(out, s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::validate::validate_fast_or;
    use crate::diagnostics::issue::Issue;
    use std::path::Path;

    /// A memo as the lane's, with the issues of its templates kept beside it (JavaScript's).
    #[derive(Default)]
    struct Kept {
        slots: Vec<(Vec<u8>, u64, usize, usize)>,
        key: Vec<u8>,
        call: u64,
        issues: Vec<Option<FoundIssue>>,
    }

    impl Memo for Kept {
        fn capacity(&self) -> usize {
            8
        }
        fn start(&mut self) {
            self.call += 1;
            self.slots.resize(8, (Vec::new(), 0, 0, 0));
            self.issues.resize(8, None);
        }
        fn key(&mut self) -> &mut Vec<u8> {
            self.key.clear();
            &mut self.key
        }
        fn get(&mut self) -> Option<(u32, usize, usize)> {
            let k = self
                .slots
                .iter()
                .position(|s| s.1 != 0 && s.0 == self.key)?;
            self.slots[k].1 = self.call;
            Some((k as u32, self.slots[k].2, self.slots[k].3))
        }
        fn put(&mut self, from: usize, to: usize) -> u32 {
            let call = self.call;
            let k = (0..8)
                .filter(|&k| self.slots[k].1 != call)
                .min_by_key(|&k| self.slots[k].1)
                .unwrap();
            self.slots[k] = (self.key.clone(), call, from, to);
            k as u32
        }
    }

    /// The warnings as JavaScript builds them from `out`.
    fn read(kept: &mut Kept, out: &[Templated]) -> Vec<Issue> {
        out.iter()
            .map(|t| {
                if let Some(fresh) = &t.fresh {
                    kept.issues[t.slot as usize] = Some(FoundIssue::clone(fresh));
                }
                let held = kept.issues[t.slot as usize].clone().expect("held");
                let [line, column, offset, length] = t.at.map(Some);
                Issue::from(FoundIssue {
                    line,
                    column,
                    offset,
                    length,
                    ..held
                })
            })
            .collect()
    }

    /// `text` as it is (pretty-printed), on one line, on one line with a non-ASCII letter or a
    /// tab before most warnings or a line break after them all, and with CRLF line breaks:
    /// each counted differently on the way to a warning's line and column.
    fn forms(text: &str) -> [String; 6] {
        let line = text.replace('\n', "");
        [
            text.to_string(),
            line.replace("Washington", "Montréal"),
            line.replace("\"location\":", "\"location\":\t"),
            format!("{line}\n"),
            text.replace('\n', "\r\n"),
            line,
        ]
    }

    /// Payloads with every warning the fast path words, in many contexts (ids, accounts,
    /// event types), several of them sharing a template.
    fn payloads() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        let base = std::fs::read_to_string(dir.join("webhook-created.json")).unwrap();
        let mut out = Vec::new();
        let contexts = [("987654321", "37439510"), ("5", "37439510"), ("5", "6")];
        let types = ["Updated", "Created", "Deleted"];
        for ((id, account), event_type) in contexts.iter().flat_map(|c| types.map(|t| (c, t))) {
            let event = base
                .replace("987654321", id)
                .replace(
                    "37439510/phone-number?",
                    &format!("{account}/phone-number?"),
                )
                .replace("\"Created\"", &format!("\"{event_type}\""));
            for (from, to) in [
                ("\"Local\"", "\"Locall\""),
                ("\"Normal\"", "\"Pending2\""),
                ("\"ContactCenterNumber\"", "\"DirectNumber\""),
                ("\"ContactCenterNumber\"", "\"MadeUpNumber\""),
                ("\"status\"", "\"tollType\": \"Toll\", \"status\""),
                ("\"status\"", "\"statuss\""),
                ("\"ownerId\": \"8475874957\"", "\"ownerId\": 8475874957"),
                ("\"id\": \"1\"", "\"id\": 1"),
                (
                    "account/37439510/phone-number?",
                    "account/{accountId}/phone-number?",
                ),
                ("\"uri\": \"https", "\"uri\": \"\", \"x\": \"https"),
                ("phone-number/987654321", "phone-number/12"),
                (
                    "v1.0/account/37439510/phone-number/",
                    "v1.0/account/1/phone-number/",
                ),
                (
                    "\"subscriptionId\"",
                    "\"extra\": [1, {\"a\": null}], \"subscriptionId\"",
                ),
            ] {
                let once = event.replacen(from, to, 1);
                let both = once.replacen("\"type\"", "\"type2\": 1, \"type\"", 1);
                out.extend([once, both]);
            }
            out.push(event);
        }
        out
    }

    #[test]
    fn templated_warnings_are_the_rules_own_call_after_call() {
        let mut kept = Kept::default();
        let (mut fresh, mut held, mut untemplated) = (0, 0, 0);
        for strict in [false, true] {
            let options = ValidateOptions {
                strict,
                ..ValidateOptions::default()
            };
            for round in 0..3 {
                for text in payloads().iter().flat_map(|t| forms(t)) {
                    let plain = validate_fast_or::<_, Issue>(&text, &options, |_| (), None);
                    let mut out = Vec::new();
                    let templating = Templating {
                        memo: &mut kept,
                        out: &mut out,
                        ascii: text.is_ascii(),
                    };
                    let got =
                        validate_fast_or::<_, Issue>(&text, &options, |_| (), Some(templating));
                    match (plain, got) {
                        (Ok(((), warnings)), Ok(((), rules))) => {
                            // Not templated (or clean): the rules' warnings, as always.
                            if out.is_empty() {
                                assert_eq!(rules, warnings, "{text}");
                                untemplated += usize::from(!warnings.is_empty());
                                continue;
                            }
                            assert!(rules.is_empty());
                            fresh += out.iter().filter(|t| t.fresh.is_some()).count();
                            held += out.iter().filter(|t| t.fresh.is_none()).count();
                            assert_eq!(read(&mut kept, &out), warnings, "round {round}: {text}");
                        }
                        (plain, got) => {
                            assert!(out.is_empty());
                            assert_eq!(plain.is_ok(), got.is_ok(), "{text}");
                        }
                    }
                }
            }
        }
        // Both ways were taken, templates evicted and made again.
        assert!(
            fresh > 20 && held > 100 && untemplated > 0,
            "{fresh} new, {held} held, {untemplated} untemplated"
        );
    }
}
