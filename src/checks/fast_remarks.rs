//! What the tree-free reader ([`super::fast`]) keeps of what the rules would report as it reads,
//! and how it reads a value whose rule may refuse it: a string, an id, a value of the wrong
//! type (skipped, and remarked on).

use crate::checks::members::{numeric_id_ok, Object};
use crate::checks::remarks::Remark;
use crate::checks::scan::Reader;
use crate::text::span::Span;
use core::cell::Cell;

/// How the reader takes what the rules would report.
#[derive(Clone, Copy)]
pub(super) struct Mode {
    pub strict: bool,
    /// Whether it keeps errors and reads on (else it gives up at the first).
    pub errors: bool,
}

impl Mode {
    pub(super) fn new(strict: bool, errors: bool) -> Self {
        Mode { strict, errors }
    }
}

/// What a remark is in a report.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Warning,
    /// A warning that `strict` makes an error.
    StrictError,
    Error,
}

/// What the rules would report so far.
pub(super) struct Remarks<'a, 'r> {
    pub list: &'r mut Vec<Remark<'a>>,
    /// Most remarks kept: past them, the fast path gives up.
    pub cap: usize,
    pub mode: Mode,
    /// Whether one of them is an error.
    pub invalid: bool,
}

thread_local! {
    /// The allocation of the last list of remarks given back ([`give_back`]), for the next
    /// list's first remark: allocating and freeing it was about 250 of the 2,800 instructions
    /// (Node + wasm, callgrind) that one warning added to a clean call.
    static SPARE: Cell<Vec<Remark<'static>>> = const { Cell::new(Vec::new()) };
}

/// Keeps the allocation of `remarks`, a list the reader filled, for the next one.
pub(crate) fn give_back(remarks: Vec<Remark>) {
    if remarks.capacity() != 0 {
        SPARE.set(relabel(remarks));
    }
}

/// `remarks`' allocation, emptied, as a list of remarks on another text: collected in place
/// (the two types are one layout), so the allocation is kept.
// `filter` would keep the lifetime: the `filter_map` to another type is the point.
#[allow(clippy::unnecessary_filter_map)]
fn relabel<'b>(mut remarks: Vec<Remark>) -> Vec<Remark<'b>> {
    remarks.clear();
    remarks.into_iter().filter_map(|_| None).collect()
}

impl<'a> Remarks<'a, '_> {
    /// Keeps `remark`, unless there are too many or it is an error the mode gives up at.
    pub(super) fn add(&mut self, remark: Remark<'a>, level: Level) -> Option<()> {
        let error = match level {
            Level::Warning => false,
            Level::StrictError => self.mode.strict,
            Level::Error => true,
        };
        (self.list.len() < self.cap && (self.mode.errors || !error)).then(|| {
            self.invalid |= error;
            // The first remark takes the spare allocation, if any: a clean payload, which
            // has none, never looks for it.
            if self.list.capacity() == 0 {
                *self.list = relabel(SPARE.take());
            }
            self.list.push(remark)
        })
    }

    /// Member `key` of `object`, which it does not know, its value skipped.
    pub(super) fn unknown(
        &mut self,
        object: Object,
        key: &'a str,
        r: &mut Reader<'a>,
    ) -> Option<()> {
        // `pn_apns` makes the envelope an APNS wrapper, judged on the full path.
        (object != Object::Envelope || key != "pn_apns").then_some(())?;
        let mut n = 0;
        for remark in self.list.iter() {
            if let Remark::Unknown {
                object: o, key: k, ..
            } = *remark
            {
                // A duplicate key is the parser's error.
                (o != object || k != key).then_some(())?;
                n += usize::from(o == object);
            }
        }
        let span = r.span_of(key);
        self.add(
            Remark::Unknown {
                object,
                n,
                key,
                span,
            },
            Level::StrictError,
        )?;
        r.skip(depth(object))
    }

    /// The value of member `key` of `object`, which is not a `want`: remarked on and skipped.
    #[cold]
    pub(super) fn wrong_type(
        &mut self,
        object: Object,
        key: &'static str,
        want: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<()> {
        self.mode.errors.then_some(())?;
        r.ws();
        let start = r.pos;
        let found = match *r.bytes.get(start)? {
            b'"' => "string",
            b'{' => "object",
            b'[' => "array",
            b't' | b'f' => "boolean",
            b'n' => "null",
            b'-' | b'0'..=b'9' => "number",
            _ => return None,
        };
        r.skip(depth(object))?;
        let span = Span::new(start, r.pos);
        let remark = Remark::WrongType {
            object,
            key,
            want,
            found,
            span,
        };
        self.add(remark, Level::Error)
    }

    /// The string value of member `key` of `object`, or `None` when it holds another type
    /// (remarked on). A string the reader cannot borrow (an escape) is the tree's.
    #[inline(always)]
    pub(super) fn string(
        &mut self,
        object: Object,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        if r.peek() == Some(b'"') {
            r.pos += 1;
            return r.string_rest().map(Some);
        }
        self.wrong_type(object, key, "string", r).map(|()| None)
    }

    /// An id of `object` that is not a string (strings are the caller's, which checks them as
    /// any string member, `Fields::string_id`): an integer, remarked on and returned where its
    /// rule takes it, or another type, remarked on (`None` inside).
    #[inline]
    pub(super) fn other_id(
        &mut self,
        object: Object,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        if !matches!(r.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.wrong_type(object, key, "string", r).map(|()| None);
        }
        let text = r.number()?;
        let span = Span::new(r.pos - text.len(), r.pos);
        let ok = numeric_id_ok(text);
        let (remark, level) = if ok {
            let remark = Remark::NumericId {
                object,
                key,
                text,
                span,
            };
            (remark, Level::Warning)
        } else {
            let remark = Remark::BadId {
                object,
                key,
                text,
                number: true,
                span,
            };
            (remark, Level::Error)
        };
        self.add(remark, level)?;
        Some(Some(text).filter(|_| ok))
    }
}

/// The nesting of `object`'s members' values.
pub(super) fn depth(object: Object) -> usize {
    match object {
        Object::Envelope => 1,
        Object::Body => 2,
        Object::Info => 3,
        Object::Provider => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::remarks::Field;

    #[test]
    fn a_list_given_back_lends_its_allocation_to_the_next() {
        let text = String::from("x");
        let remark = Remark::Value {
            field: Field::Uri,
            text: &text,
            span: Span::new(0, 1),
        };
        let mut list = Vec::with_capacity(5);
        list.push(remark);
        let at = list.as_ptr() as usize;
        let again: Vec<Remark> = relabel(list);
        assert_eq!((again.as_ptr() as usize, again.capacity()), (at, 5));
        give_back(again);
        let mut next = Vec::new();
        let mut remarks = Remarks {
            list: &mut next,
            cap: 16,
            mode: Mode::new(false, true),
            invalid: false,
        };
        remarks.add(remark, Level::Warning).unwrap();
        assert_eq!((next.as_ptr() as usize, next.capacity()), (at, 5));
        assert_eq!(next, [remark]);
    }
}
