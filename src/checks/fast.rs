//! The fast path: a WebHook notification of this event, read without a parse tree.
//!
//! Nearly all real traffic is one compact, valid envelope. This reader walks it once, borrowing
//! each value (`fast_read`), and checks each with the same predicates as the rules of
//! `checks::envelope` and `checks::body` (`fast_fields`, `fast_checked`; the checks a parsed
//! value's members pass too, `fast_value`). What those rules would report that it can
//! locate without a tree it keeps as a [`Remark`] and reads on (`fast_remarks`): the warnings
//! (a member it does not know, an id sent as a number, the `{accountId}` placeholder, an empty
//! `uri`, an undocumented value) and, where its caller takes them, the errors (a member missing,
//! of the wrong type, or a value its rule refuses). The rules then word them from the remarks
//! (`checks::remarks`). It gives up (`None`) at anything else: broken JSON, an escape in a
//! string, a member seen twice, another delivery or kind of notification, too many remarks.
//! The full validator then runs and explains. So the fast path answers with the full one's
//! report; `tests` hold the two equal on every fixture and on mutated payloads.

use crate::checks::fast_fields::Fields;
use crate::checks::fast_remarks::{Mode, Remarks};
use crate::checks::remarks::{Context, Remark};
use crate::checks::scan::{Reader, MAX_SKIP_DEPTH};
use crate::json::skip_whitespace;
use crate::model::event_ref::EventRef;

/// Nesting the fast path needs: envelope, body, phoneNumberInfo, contactCenterProvider. A
/// caller's `maxDepth` below this sends every payload down the full path, which reports it.
pub(crate) const DEPTH: usize = 4;

/// Most remarks one notification may carry on the fast path; a payload with more (rare, and
/// perhaps hostile) is left to the full one.
pub(crate) const MAX_REMARKS: usize = 16;

/// The event in `src` (from byte `start`), borrowed, when `src` is exactly one clean WebHook
/// notification of this event, with nothing for any rule to report under `max_depth`.
pub fn clean(src: &str, start: usize, max_depth: usize) -> Option<EventRef<'_>> {
    let (clean, end) = read_at(src, start, max_depth, false, 0, &mut Vec::new())?;
    (skip_whitespace(src, end) == src.len()).then_some(clean)
}

/// What the reader made of a whole WebHook notification of this event whose issues it could
/// all locate: its event when every member the rules need was read without an error, else
/// what the rules of one member take from the others. (No bigger than the event: a larger
/// answer was copied with `memcpy` on every clean call.)
// Boxing the event would cost every clean call an allocation.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Judged<'a> {
    Event(EventRef<'a>),
    Invalid(Context<'a>),
}

/// What the reader makes of `src` (from byte `start`) when it is exactly one WebHook
/// notification of this event whose every issue it can locate without a tree, with those
/// issues in `remarks` (as `strict` has them): warnings, and errors where a member is
/// missing, of the wrong type, or refused by its rule. `None` leaves it to the parse tree:
/// broken JSON, an escape, a member seen twice, another delivery or kind, too many remarks.
/// `one_line` is set to whether the text from `start` to the notification's end holds no line
/// break, so that every remark's line is the first.
pub(crate) fn read<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    remarks: &mut Vec<Remark<'a>>,
    one_line: &mut bool,
) -> Option<Judged<'a>> {
    let mode = Mode::new(strict, true);
    read_with(
        src,
        start,
        max_depth,
        mode,
        MAX_REMARKS,
        remarks,
        |end, broke| {
            *one_line = !broke;
            (skip_whitespace(src, end) == src.len()).then_some(())
        },
    )
}

/// How many warnings an item of a log that starts at `start` gets on the fast path (as
/// `summarize` reads it), or `None` where the parse tree must read it: for tests that hold
/// which items stay on the fast path. Not part of the API.
pub fn log_item_warnings(src: &str, start: usize, max_depth: usize, strict: bool) -> Option<usize> {
    let mut remarks = Vec::new();
    read_at(src, start, max_depth, strict, MAX_REMARKS, &mut remarks).map(|_| remarks.len())
}

/// The notification that starts at `start` (after white space) and where it ends (for logs,
/// whose items follow each other), when the rules would give it warnings at most, with what
/// they would remark on in `remarks` (at most `cap` things, each a warning under `strict`).
/// Out of the way of the event, which is returned by value: a `Vec` beside it in the answer
/// cost a tenth of a clean call in copies.
pub(crate) fn read_at<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    cap: usize,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<(EventRef<'a>, usize)> {
    let mut at = 0;
    let mode = Mode::new(strict, false);
    let ended = |end, _| {
        at = end;
        Some(())
    };
    match read_with(src, start, max_depth, mode, cap, remarks, ended)? {
        Judged::Event(event) => Some((event, at)),
        Judged::Invalid(_) => None,
    }
}

/// [`read_at`] in either [`Mode`], `ended` told where the notification ended and whether the
/// white space it skipped held a line break, before the event is made (`None` from it gives
/// up). The event is the function's own result, which it is made in: each move of it on the
/// way out (through a tuple, through `then_some`) was a `memory.copy` call in WebAssembly.
#[inline(always)]
fn read_with<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    mode: Mode,
    cap: usize,
    remarks: &mut Vec<Remark<'a>>,
    ended: impl FnOnce(usize, bool) -> Option<()>,
) -> Option<Judged<'a>> {
    if max_depth < DEPTH {
        return None;
    }
    let mut r = Reader {
        src,
        bytes: src.as_bytes(),
        pos: start,
        max_depth: max_depth.min(MAX_SKIP_DEPTH),
        skipped: 0,
        broke: false,
    };
    let remarks = Remarks {
        list: remarks,
        cap,
        mode,
        invalid: false,
    };
    r.ws();
    let mut f = Fields::in_text(src, r.pos, remarks);
    r.object(|key, r| f.envelope_member(key, r))?;
    ended(r.pos, r.broke)?;
    f.checked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::validate::validate_with;
    use crate::json::input::FromJs;
    use crate::model::ValidateOptions;
    use std::path::Path;

    const DEFAULT_DEPTH: usize = 64;

    fn clean_event(
        src: &str,
        start: usize,
        max_depth: usize,
    ) -> Option<crate::model::ContactCenterEvent> {
        clean(src, start, max_depth).map(|c| c.to_event())
    }

    fn fixture(name: &str) -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn reads_clean_webhook_notifications_without_a_tree() {
        for name in ["webhook-created.json", "deleted-valid.json"] {
            let text = fixture(name);
            let event = clean_event(&text, 0, DEFAULT_DEPTH).unwrap_or_else(|| panic!("{name}"));
            let full = crate::validate_tree(&text, &ValidateOptions::default());
            assert_eq!(Some(event), full.event, "{name}");
        }
    }

    #[test]
    fn leaves_every_other_delivery_and_every_warning_to_the_full_validator() {
        for name in [
            "websocket-frame-updated.json",
            "apns-wrapper.json",
            "owner-id-as-number-valid.json",
            "unknown-field.json",
        ] {
            assert_eq!(
                clean_event(&fixture(name), 0, DEFAULT_DEPTH),
                None,
                "{name}"
            );
        }
        let valid = fixture("webhook-created.json");
        for (from, to) in [
            ("\"Created\"", "\"Cr\\u0065ated\""),
            ("\"uuid\"", "\"uu\\u0069d\""),
            ("{", "{\"uuid\": \"x\","),
            ("\"ContactCenterNumber\"", "\"DirectNumber\""),
            ("\"id\": \"1\"", "\"id\": \"\""),
        ] {
            let text = valid.replacen(from, to, 1);
            assert_ne!(text, valid);
            assert_eq!(clean_event(&text, 0, DEFAULT_DEPTH), None, "{to}");
        }
        assert_eq!(
            clean_event(&format!("{valid} {{}}"), 0, DEFAULT_DEPTH),
            None
        );
    }

    #[test]
    fn gives_the_full_validators_report_on_every_fixture() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        let mut answered = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "expected") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            for strict in [false, true] {
                let options = ValidateOptions {
                    strict,
                    ..ValidateOptions::default()
                };
                let fast = validate_with(&bytes, &options, &FromJs::default(), true);
                let tree = validate_with(&bytes, &options, &FromJs::default(), false);
                assert_eq!(fast, tree, "{}", path.display());
            }
            let text = String::from_utf8_lossy(&bytes);
            answered += usize::from(clean_event(&text, 0, DEFAULT_DEPTH).is_some());
        }
        // Enough fixtures are clean WebHook notifications for the comparison to mean something.
        assert!(
            answered >= 10,
            "only {answered} fixtures took the fast path"
        );
    }
}
