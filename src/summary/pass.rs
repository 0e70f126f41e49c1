//! One pass over a log, item by item, each in named steps: its share of the input's repairs,
//! a read that failed, its identity (uuid and time) for duplicates and order, then its verdict,
//! counted and, for a valid event, kept for the timelines.

use crate::checks::validate::judge;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::problem::Problem as ReadProblem;
use crate::json::input::{damage_in, note_damage, Damage};
use crate::json::map::HashMap;
use crate::json::{Node, Value};
use crate::model::event_ref::EventRef;
use crate::model::formats::is_digits;
use crate::model::timestamp::{self, Instant};
use crate::model::{Delivery, EventType, Kind};
use crate::summary::listing::{Problems, LISTED_ITEM_BYTES};
use crate::summary::log::{Piece, Read};
use crate::summary::timelines::{finish, Held, Kept};
use crate::summary::NumberVisitor;
use crate::summary::{DuplicateItem, Group, Net, OutOfOrderItem, SummarizeOptions, Summary};
use crate::text::span::Span;
use std::borrow::Cow;
use std::collections::hash_map::Entry as Slot;

/// What reading a log has found so far.
pub(super) struct Pass<'a> {
    src: &'a str,
    options: &'a SummarizeOptions,
    summary: Summary,
    problems: Problems<'a>,
    /// Repairs of the input (invalid UTF-8, lone surrogates), in order, and the next one not
    /// yet given to an item.
    damage: &'a [Damage],
    damage_from: Option<Damage>,
    next_damage: usize,
    groups: Vec<Group>,
    /// Groups by owner id, then by account id.
    group_of: [HashMap<String, usize>; 2],
    /// Each uuid's first item: its index, start and end. SipHash under secret random keys
    /// (src/json/map.rs), so crafted uuids and ids cannot make these maps quadratic; a faster
    /// hash would save about 9% of a log's time.
    seen: HashMap<Cow<'a, str>, (usize, usize, usize)>,
    /// The latest time seen so far, and its item.
    latest: Option<(Instant, usize)>,
    kept: Vec<Kept<'a>>,
}

/// Who an item is, as far as it can be read without judging it.
struct Identity<'a> {
    uuid: Option<Cow<'a, str>>,
    time: Option<Instant>,
}

impl<'a> Pass<'a> {
    pub fn new(
        src: &'a str,
        (damage, damage_from): (&'a [Damage], Option<Damage>),
        options: &'a SummarizeOptions,
        problems: Problems<'a>,
    ) -> Self {
        Pass {
            src,
            options,
            summary: Summary::default(),
            problems,
            damage,
            damage_from,
            next_damage: 0,
            groups: Vec::new(),
            group_of: Default::default(),
            seen: HashMap::default(),
            latest: None,
            kept: Vec::new(),
        }
    }

    /// The summary of what was read.
    /// `visit`, when given, sees every number (see [`NumberVisitor`]).
    pub fn finish(mut self, visit: Option<&mut NumberVisitor>) -> Summary {
        finish(
            &mut self.summary,
            self.problems,
            self.kept,
            self.groups,
            visit,
        );
        self.summary
    }

    /// Reports item `i`, at `piece`, as one too many, and stops there.
    pub fn stop_at(&mut self, i: usize, piece: &Piece) {
        let mut f = Findings::new(false);
        f.add(
            IssueCode::TooManyItems,
            Span::at(self.src, piece.start),
            "",
            format!(
                "the log holds more than {} items (`maxItems`); reading stopped here",
                self.options.max_items
            ),
        )
        .hint("raise `maxItems`, or split the log");
        let line = self.problems.line_of(piece.start);
        self.problems.push(Some(i), line, Kind::Malformed, f);
        self.summary.limit_reached = true;
    }

    /// Item `i` of the log.
    pub fn item(&mut self, i: usize, piece: Piece<'a>) {
        self.summary.events += 1;
        let line = self.problems.line_of(piece.start);
        let item = &self.options.item;
        let mut f = Findings::with_limit(item.strict, item.max_issues);
        let damaged = self.note_repairs(&mut f, &piece);
        let read = match piece.read {
            Ok(r) => r,
            Err(problem) => return self.unreadable(i, line, f, &problem, piece.truncated),
        };
        let identity = identify(&read);
        // Duplicates are recognised before judging, so a redelivery counts once everywhere.
        if self.is_duplicate(i, line, &identity, (piece.start, read.end())) {
            return;
        }
        self.note_order(i, line, &identity);
        match read {
            // The fast path reads the repaired text: an item that held something other than
            // text is invalid however well it reads.
            Read::Clean(..) if damaged => {
                self.summary.invalid += 1;
                self.problems
                    .push(Some(i), line, Kind::ContactCenterPhoneNumber, f);
            }
            Read::Clean(event, _) => self.keep(i, line, event, Held::Borrowed(event)),
            Read::Tree(parsed) => {
                let analysis = judge(&mut f, &parsed);
                if self.other_kind(analysis.kind, analysis.delivery) {
                    return;
                }
                match analysis.event {
                    Some(event) if analysis.kind == Kind::ContactCenterPhoneNumber => {
                        self.summary.warnings += f.total();
                        // The tree goes with this item: the event is copied out of it.
                        let owned = Held::Owned(Box::new(event.to_event()));
                        self.keep(i, line, event, owned);
                    }
                    _ => {
                        self.summary.invalid += 1;
                        self.problems.push(Some(i), line, analysis.kind, f);
                    }
                }
            }
        }
    }

    /// Notes the repairs of the input that fall in `piece`; whether there were any.
    fn note_repairs(&mut self, f: &mut Findings, piece: &Piece) -> bool {
        let first = self.next_damage;
        while self
            .damage
            .get(self.next_damage)
            .is_some_and(|d| d.at < piece.end)
        {
            self.next_damage += 1;
        }
        let (mine, utf8) = damage_in(
            self.src,
            &self.damage[first..self.next_damage],
            self.damage_from,
            (piece.start, piece.end),
        );
        note_damage(f, self.src, &mine, utf8);
        !mine.is_empty()
    }

    /// An item that could not be read: broken JSON, or the log's cut-off end.
    fn unreadable(
        &mut self,
        i: usize,
        line: u32,
        mut f: Findings,
        problem: &ReadProblem,
        truncated: bool,
    ) {
        // A last item broken at the very end of the text was cut off: either the parser ran
        // out of text, or it met the final line break inside a string.
        let at_end = problem.code == IssueCode::JsonUnexpectedEnd
            || self.src[problem.span.start..].trim().is_empty();
        if truncated && at_end {
            self.summary.truncated = true;
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
        self.summary.invalid += 1;
        self.problems.push(Some(i), line, Kind::Malformed, f);
    }

    /// Whether item `i`, spanning `(start, end)`, repeats an earlier item's uuid; listed if so.
    fn is_duplicate(
        &mut self,
        i: usize,
        line: u32,
        id: &Identity<'a>,
        (start, end): (usize, usize),
    ) -> bool {
        let Some(uuid) = &id.uuid else {
            return false;
        };
        // One hash per item: a borrowed key costs nothing to clone.
        match self.seen.entry(uuid.clone()) {
            Slot::Occupied(first) => {
                let &(first_index, first_start, first_end) = first.get();
                self.summary.duplicates += 1;
                if self.problems.budget.take(LISTED_ITEM_BYTES + uuid.len()) {
                    self.summary.duplicate_items.push(DuplicateItem {
                        index: i,
                        line,
                        uuid: uuid.to_string(),
                        first_index,
                        first_line: self.problems.line_of(first_start),
                        identical: self.src[first_start..first_end] == self.src[start..end],
                    });
                }
                true
            }
            Slot::Vacant(slot) => {
                slot.insert((i, start, end));
                false
            }
        }
    }

    /// Lists item `i` if its time is earlier than an item's before it.
    fn note_order(&mut self, i: usize, line: u32, id: &Identity) {
        let Some(t) = id.time else {
            return;
        };
        match self.latest {
            Some((max, max_index)) if t < max => {
                self.summary.out_of_order += 1;
                let size = LISTED_ITEM_BYTES + id.uuid.as_deref().map_or(0, str::len);
                if self.problems.budget.take(size) {
                    self.summary.out_of_order_items.push(OutOfOrderItem {
                        index: i,
                        line,
                        uuid: id.uuid.as_deref().unwrap_or_default().to_string(),
                        time: t,
                        after: max,
                        after_index: max_index,
                    });
                }
            }
            _ => self.latest = Some((t, i)),
        }
    }

    /// Counts an item of another kind (renewal reminder, other event, other WebSocket frame);
    /// whether it was one.
    fn other_kind(&mut self, kind: Kind, delivery: Delivery) -> bool {
        let counter = match kind {
            Kind::SubscriptionRenewal => &mut self.summary.other_kinds.subscription_renewal,
            Kind::OtherEvent => &mut self.summary.other_kinds.other_event,
            Kind::NotANotification if delivery == Delivery::WebSocket => {
                &mut self.summary.other_kinds.websocket_frame
            }
            _ => return false,
        };
        *counter += 1;
        self.summary.other += 1;
        true
    }

    /// Counts a valid event and keeps it, as `held`, for the timelines.
    fn keep(&mut self, index: usize, line: u32, event: EventRef, held: Held<'a>) {
        self.summary.valid += 1;
        match event.event_type() {
            EventType::Created => self.summary.by_event_type.created += 1,
            EventType::Updated => self.summary.by_event_type.updated += 1,
            EventType::Deleted => self.summary.by_event_type.deleted += 1,
        }
        let group = self.group_of(event.account_id, event.owner_id);
        self.kept.push(Kept {
            index,
            line,
            group,
            event: held,
        });
    }

    /// The index of an event's group (its account, or its owner when the filter names none),
    /// added when it is new.
    fn group_of(&mut self, account_id: &str, owner_id: &str) -> usize {
        let by_account = is_digits(account_id);
        let (id, map) = if by_account {
            (account_id, &mut self.group_of[1])
        } else {
            (owner_id, &mut self.group_of[0])
        };
        // Looked up by `&str`: only a new group allocates.
        if let Some(&group) = map.get(id) {
            return group;
        }
        let (key, account_id, owner_id) = if by_account {
            (format!("account:{id}"), Some(id.to_string()), None)
        } else {
            (format!("owner:{id}"), None, Some(id.to_string()))
        };
        self.groups.push(Group {
            key,
            account_id,
            owner_id,
            events: 0,
            numbers: 0,
            net: Net::default(),
        });
        map.insert(id.to_string(), self.groups.len() - 1);
        self.groups.len() - 1
    }
}

/// An item's uuid and time, read before judging it.
fn identify<'a>(read: &Read<'a>) -> Identity<'a> {
    match read {
        Read::Clean(event, _) => Identity {
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
