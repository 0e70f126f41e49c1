//! One pass over (a part of) a log, item by item, each in named steps: its share of the
//! input's repairs, a read that failed, its identity (uuid and time) for duplicates, then its
//! verdict, counted and, for a valid event, kept as a few integers for the timelines. Nothing
//! borrows the text: [`Part`] outlives each window of it (see [`crate::summary::reader`]).

use crate::checks::remarks::note;
use crate::checks::validate::judge;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::problem::Problem as ReadProblem;
use crate::json::input::note_damage;
use crate::json::{Node, Value};
use crate::model::event_ref::EventRef;
use crate::model::formats::is_digits;
use crate::model::timestamp::{self, Instant};
use crate::model::{Delivery, EventType, Kind};
use crate::summary::listing::{DupListed, Listing};
use crate::summary::log::{Piece, Read};
use crate::summary::records::{hash_of, Entry, OtherKind, Records, TextKey, Verdict, FIELDS};
use crate::summary::window::Window;
use crate::summary::{SummarizeOptions, Summary};
use crate::text::slice::sub;
use crate::text::span::Span;
use std::borrow::Cow;

/// What reading (a part of) a log has found so far.
pub(super) struct Part {
    /// The counts and flags; its lists are filled at the end (see [`crate::summary::listing`]).
    pub counts: Summary,
    pub records: Records,
    pub listing: Listing,
    /// The log is read whole, in one window that stays in memory until the summary is made
    /// (see [`TextKey::At`]).
    pub whole: bool,
}

/// Who an item is, as far as it can be read without judging it.
struct Identity<'a> {
    uuid: Option<Cow<'a, str>>,
    time: Option<Instant>,
}

impl Part {
    pub fn new(options: &SummarizeOptions) -> Self {
        Part {
            counts: Summary::default(),
            records: Records::default(),
            listing: Listing::new(options),
            whole: false,
        }
    }

    /// Reads `pieces` of window `w`, the next items of the log, up to `maxItems`; whether
    /// reading stopped there.
    pub fn read<'a>(
        &mut self,
        pieces: &mut dyn Iterator<Item = Piece<'a>>,
        w: &Window<'a>,
        options: &SummarizeOptions,
    ) -> bool {
        for piece in pieces {
            let i = self.counts.events;
            if i >= options.max_items {
                self.stop_at(i, &piece, w, options);
                return true;
            }
            self.item(i, piece, w, options);
        }
        false
    }

    /// Reports a problem of item `i` (or of the input as a whole), from `f`.
    pub fn problem(
        &mut self,
        index: Option<usize>,
        line: u32,
        kind: Kind,
        f: Findings,
        w: &Window,
        options: &SummarizeOptions,
    ) {
        let (issues, total) = w.locate(f, options.item.max_issues);
        self.listing.problem(crate::summary::listing::Listed {
            index,
            line,
            kind,
            issues,
            total,
        });
    }

    /// Reports item `i`, at `piece`, as one too many, and stops there.
    fn stop_at(&mut self, i: usize, piece: &Piece, w: &Window, options: &SummarizeOptions) {
        let mut f = Findings::new(false);
        f.add(
            IssueCode::TooManyItems,
            Span::at(w.src, piece.start),
            "",
            format!(
                "the log holds more than {} items (`maxItems`); reading stopped here",
                options.max_items
            ),
        )
        .hint("raise `maxItems`, or split the log");
        let line = w.line_of(piece.start);
        self.problem(Some(i), line, Kind::Malformed, f, w, options);
        self.counts.limit_reached = true;
    }

    /// Item `i` of the log.
    fn item<'a>(&mut self, i: usize, piece: Piece<'a>, w: &Window<'a>, options: &SummarizeOptions) {
        self.counts.events += 1;
        let line = w.line_of(piece.start);
        let item = &options.item;
        let mut f = Findings::with_limit(item.strict, item.max_issues);
        let damaged = note_repairs(&mut f, &piece, w);
        let read = match piece.read {
            Ok(r) => r,
            Err(problem) => {
                return self.unreadable(i, line, f, &problem, piece.truncated, w, options)
            }
        };
        let identity = identify(&read);
        let (start, end) = (piece.start, read.end());
        let hash = |(start, end): (usize, usize)| hash_of(&w.src.as_bytes()[start..end]);
        // Hashing every item's text took a twentieth of a summary in WebAssembly.
        let text = match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) if self.whole => TextKey::At(start, end),
            _ => TextKey::Hash(hash((start, end))),
        };
        // Duplicates are recognised before judging, so a redelivery counts once everywhere.
        let mut sought = None;
        if let Some(uuid) = &identity.uuid {
            let seek = self.records.seek(uuid);
            if let Ok(first) = seek {
                self.counts.duplicates += 1;
                let rec = self.records.items.rec_mut(first);
                if let Some(at) = rec.text_at() {
                    rec.set_text_hash(hash(at));
                }
                let d = DupListed {
                    index: i,
                    line,
                    first,
                    text: match text {
                        TextKey::Hash(hash) => hash,
                        TextKey::At(..) => hash((start, end)),
                    },
                };
                self.listing.dup(d, uuid.len());
                return;
            }
            sought = seek.err();
        }
        let slot = (identity.uuid.is_some() || identity.time.is_some())
            .then(|| self.records.add(i, line, sought, identity.time, text));
        let verdict = match read {
            // The fast path reads the repaired text: an item that held something other than
            // text is invalid however well it reads.
            Read::Clean(event, _, remarks) if damaged => {
                note(&remarks, &event, &mut f);
                self.invalid(i, line, Kind::ContactCenterPhoneNumber, f, w, options)
            }
            // A valid item's warnings are counted, not listed.
            Read::Clean(event, _, remarks) => {
                self.counts.warnings += remarks.len();
                self.keep(slot, event, remarks.len() as u32)
            }
            // A parsed log has no text repaired: nothing is damaged.
            Read::Parsed(event, _) => {
                self.counts.warnings += 1;
                self.keep(slot, event, 1)
            }
            Read::Tree(parsed) => {
                let analysis = judge(&mut f, &parsed);
                // A frame broken in shape (`meta.type` not a string, no envelope object) is a
                // broken item, not a frame of another kind.
                let broken_frame = f.list.iter().any(|x| x.code == IssueCode::WebSocketFrame);
                let other = match broken_frame {
                    false => self.other_kind(analysis.kind, analysis.delivery),
                    true => None,
                };
                if let Some(other) = other {
                    Verdict::Other(other)
                } else {
                    match analysis.event {
                        Some(event) if analysis.kind == Kind::ContactCenterPhoneNumber => {
                            let warnings = f.total();
                            self.counts.warnings += warnings;
                            self.keep(slot, event, warnings.min(u32::MAX as usize) as u32)
                        }
                        _ => self.invalid(i, line, analysis.kind, f, w, options),
                    }
                }
            }
        };
        if let Some(slot) = slot {
            self.records.items.rec_mut(slot).set_verdict(verdict);
        }
    }

    fn invalid(
        &mut self,
        i: usize,
        line: u32,
        kind: Kind,
        f: Findings,
        w: &Window,
        options: &SummarizeOptions,
    ) -> Verdict {
        self.counts.invalid += 1;
        let issues = f.total().min(u32::MAX as usize) as u32;
        self.problem(Some(i), line, kind, f, w, options);
        Verdict::Invalid { issues }
    }

    /// An item that could not be read: broken JSON, or the log's cut-off end.
    #[allow(clippy::too_many_arguments)]
    fn unreadable(
        &mut self,
        i: usize,
        line: u32,
        mut f: Findings,
        problem: &ReadProblem,
        truncated: bool,
        w: &Window,
        options: &SummarizeOptions,
    ) {
        // A last item broken at the very end of the text was cut off: either the parser ran
        // out of text, or it met the final line break inside a string.
        let at_end = problem.code == IssueCode::JsonUnexpectedEnd
            || sub(w.src, problem.span.start..).trim().is_empty();
        if truncated && at_end {
            self.counts.truncated = true;
            f.add(
                IssueCode::LogTruncated,
                problem.span,
                "",
                format!(
                    "the log ends in the middle of this item: {}",
                    problem.detail
                ),
            )
            .hint("the last line was cut off while the log was copied or written");
        } else {
            f.add_problem(problem, "");
        }
        self.invalid(i, line, Kind::Malformed, f, w, options);
    }

    /// Counts an item of another kind (renewal reminder, other event, other WebSocket frame).
    fn other_kind(&mut self, kind: Kind, delivery: Delivery) -> Option<OtherKind> {
        let (counter, other) = match kind {
            Kind::SubscriptionRenewal => (
                &mut self.counts.other_kinds.subscription_renewal,
                OtherKind::Renewal,
            ),
            Kind::OtherEvent => (
                &mut self.counts.other_kinds.other_event,
                OtherKind::OtherEvent,
            ),
            Kind::WebSocketControl => (
                &mut self.counts.other_kinds.websocket_frame,
                OtherKind::Frame,
            ),
            Kind::NotANotification if delivery == Delivery::WebSocket => (
                &mut self.counts.other_kinds.websocket_frame,
                OtherKind::Frame,
            ),
            _ => return None,
        };
        *counter += 1;
        self.counts.other += 1;
        Some(other)
    }

    /// Counts a valid event and keeps what its timeline needs.
    fn keep(&mut self, slot: Option<usize>, event: EventRef, warnings: u32) -> Verdict {
        self.counts.valid += 1;
        let event_type = event.event_type();
        match event_type {
            EventType::Created => self.counts.by_event_type.created += 1,
            EventType::Updated => self.counts.by_event_type.updated += 1,
            EventType::Deleted => self.counts.by_event_type.deleted += 1,
        }
        // A valid event has a uuid and a time, so it has its record.
        let Some(item) = slot else {
            return Verdict::Pending;
        };
        let by_account = is_digits(event.account_id);
        let number = self.records.number_in(
            by_account,
            if by_account {
                event.account_id
            } else {
                event.owner_id
            },
            event.info().id,
        );
        let fields = self.records.fields_of(number, fields(&event));
        self.records.push_entry(
            number,
            Entry {
                item,
                fields,
                event_type,
            },
        );
        Verdict::Valid {
            warnings,
            event_type,
        }
    }
}

/// Notes the repairs of the input that fall in `piece`; whether there were any.
fn note_repairs(f: &mut Findings, piece: &Piece, w: &Window) -> bool {
    let (mine, utf8) = w.damage_in(piece.start, piece.end);
    note_damage(f, w.src, &mine, utf8);
    !mine.is_empty()
}

/// The fields compared between a number's consecutive events, as
/// [`crate::summary::records::FIELD_NAMES`] names them.
fn fields<'e>(event: &EventRef<'e>) -> [Option<&'e str>; FIELDS] {
    let info = event.info();
    let provider = info.contact_center_provider;
    [
        Some(info.phone_number),
        info.number_type.map(|t| t.as_str()),
        info.usage_type,
        info.status,
        info.payment_type,
        info.location,
        provider.and_then(|p| p.id),
        provider.and_then(|p| p.name),
    ]
}

/// An item's uuid and time, read before judging it.
fn identify<'a>(read: &Read<'a>) -> Identity<'a> {
    match read {
        Read::Clean(event, ..) | Read::Parsed(event, _) => Identity {
            uuid: Some(Cow::Borrowed(event.uuid)),
            time: Some(event.time),
        },
        Read::Tree(parsed) => {
            let envelope = envelope_of(&parsed.root);
            let field = |key| envelope.and_then(|e| e.get(key));
            Identity {
                uuid: field("uuid").and_then(string),
                time: field("timestamp")
                    .and_then(Node::as_str)
                    .and_then(|t| timestamp::parse(t).ok()),
            }
        }
    }
}

/// The envelope of an item, whatever its delivery.
fn envelope_of<'n, 'a>(root: &'n Node<'a>) -> Option<&'n Node<'a>> {
    match &root.value {
        Value::Array(items) if items.len() == 2 => Some(&items[1]),
        Value::Object(_) => root.get("pn_apns").or(Some(root)),
        _ => None,
    }
}

/// A string value as the tree holds it (borrowed from the log unless it had escapes).
fn string<'a>(node: &Node<'a>) -> Option<Cow<'a, str>> {
    match &node.value {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}
