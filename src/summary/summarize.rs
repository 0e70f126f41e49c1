//! What happened across a whole log of notifications.
//!
//! Items are judged one at a time and their parse trees dropped at once, so a 50 MB log costs
//! little more than its events. Duplicates (same `uuid`) count once; timelines are ordered by
//! timestamp, because RingCentral promises neither order nor exactly-once delivery.

use crate::checks::change::effect_of;
use crate::checks::fast::Clean;
use crate::checks::rules::is_digits;
use crate::checks::validate::judge;
use crate::diagnostics::codes::{Code, Severity};
use crate::diagnostics::findings::{locate, Findings};
use crate::diagnostics::issue::Issue;
use crate::diagnostics::order::{signed_rank, sort_by_rank};
use crate::json::input::{damage_in, decode, note_damage, Damage, FromJs};
use crate::json::map::HashMap;
use crate::json::Node;
use crate::model::timestamp::{self, Instant};
use crate::model::{Delivery, Effect, EventType, Kind, NumberType, Options, PhoneNumberInfo};
use crate::summary::log::{Items, Piece, Read};
use crate::text::position::LineIndex;
use crate::text::span::Span;
use std::borrow::Cow;
use std::collections::hash_map::Entry as Slot;

/// Options for [`summarize`](crate::summarize): those of `validate`, plus limits for whole logs and the
/// renderings to produce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryOptions {
    pub item: Options,
    /// Most items read from one log (default 1,000,000).
    pub max_items: usize,
    /// Most issues listed over the whole log (default 10,000); the rest are counted.
    pub max_log_issues: usize,
    /// Also render the summary as Markdown.
    pub markdown: bool,
    /// Also render the timelines as CSV.
    pub csv: bool,
    /// Most bytes of the summary's own JSON and of each rendering (text, Markdown, CSV);
    /// past it each is cut and says so. `None`: the input's size plus 1 MiB. Never more than
    /// [`crate::model::HARD_MAX_OUTPUT_BYTES`].
    pub max_output_bytes: Option<usize>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            item: Options {
                max_input_bytes: 256 << 20,
                ..Options::default()
            },
            max_items: 1_000_000,
            max_log_issues: 10_000,
            markdown: false,
            csv: false,
            max_output_bytes: None,
        }
    }
}

/// A broken item of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 0-based position of the item in the log; `None` for a problem with the input as a
    /// whole (its encoding or size).
    pub index: Option<usize>,
    /// 1-based line where the item starts.
    pub line: u32,
    pub kind: Kind,
    /// Errors first, then warnings; positions are in the whole input.
    pub issues: Vec<Issue>,
}

/// A notification seen again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub index: usize,
    pub line: u32,
    pub uuid: String,
    pub first_index: usize,
    pub first_line: u32,
    /// Whether the text is the same as the first copy's (a redelivery), not just the uuid.
    pub identical: bool,
}

/// An item whose timestamp is earlier than that of an item before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Late {
    pub index: usize,
    pub line: u32,
    pub uuid: String,
    pub time: Instant,
    /// The latest time seen before it, and the item that carried it.
    pub after: Instant,
    pub after_index: usize,
}

/// One field that differs from the number's previous event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// `status`, `type`, `location`, `contactCenterProvider.name`...
    pub field: &'static str,
    pub from: Option<String>,
    pub to: String,
}

/// One event in a number's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub time: Instant,
    pub uuid: String,
    pub event_type: EventType,
    pub effect: Effect,
    pub index: usize,
    pub line: u32,
    pub changes: Vec<FieldChange>,
}

/// Everything the log says about one phone number, in timestamp order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The [`Group`] this number belongs to.
    pub group: String,
    pub id: String,
    /// The E.164 number, as its latest event gives it.
    pub phone_number: String,
    pub entries: Vec<Entry>,
    /// Later entries left out because the summary reached `maxOutputBytes`.
    pub entries_not_listed: usize,
}

/// The net effect of a log on Contact Center numbers, as E.164 numbers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Net {
    /// Created or converted in, and not removed later.
    pub added: Vec<String>,
    /// Deleted or reassigned away, and not re-added.
    pub removed: Vec<String>,
    /// Contact Center numbers before and after, whose fields changed.
    pub changed: Vec<String>,
    /// Added and removed again within the log.
    pub transient: Vec<String>,
}

/// Notifications of one account (or, where the filter names none, of one owner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// `account:37439510` or `owner:8475874957`.
    pub key: String,
    pub account_id: Option<String>,
    pub owner_id: Option<String>,
    /// Valid, distinct Contact Center events in this group.
    pub events: usize,
    pub numbers: usize,
    pub net: Net,
}

/// The summary of a log.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    /// Every item found, duplicates included.
    pub events: usize,
    pub valid: usize,
    pub invalid: usize,
    /// Items of other kinds: renewal reminders, other events, non-notification frames.
    pub other: usize,
    pub duplicates: usize,
    pub out_of_order: usize,
    /// Warnings on items that are otherwise valid.
    pub warnings: usize,
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub renewal_reminders: usize,
    pub other_events: usize,
    pub other_frames: usize,
    /// The log ends in the middle of its last item.
    pub truncated: bool,
    /// Reading stopped at the `maxItems` limit.
    pub limit_reached: bool,
    pub problems: Vec<Problem>,
    /// Issues left out of `problems` by the `maxLogIssues` limit.
    pub issues_not_listed: usize,
    pub duplicate_items: Vec<Duplicate>,
    pub out_of_order_items: Vec<Late>,
    pub groups: Vec<Group>,
    pub numbers: Vec<Timeline>,
    /// Numbers left out of `numbers` because the summary reached `maxOutputBytes`.
    pub numbers_not_listed: usize,
    /// Some output reached `maxOutputBytes` and was cut: listed items, `numbers`, or a
    /// rendering (which then ends with a line saying so).
    pub output_truncated: bool,
    pub net: Net,
    pub text: String,
    pub markdown: Option<String>,
    pub csv: Option<String>,
}

/// A valid event, as the timelines need it: borrowed from the log when the fast path read
/// it, moved out of the owned event otherwise. Copying every value of every event, then
/// freeing it, was a fifth of a log's time.
struct Kept<'a> {
    index: usize,
    line: u32,
    group: usize,
    time: Instant,
    uuid: Cow<'a, str>,
    event_type: EventType,
    info: Info<'a>,
}

/// The fields of `phoneNumberInfo` that a timeline compares ([`fields`]).
struct Info<'a> {
    id: Cow<'a, str>,
    phone_number: Cow<'a, str>,
    number_type: Option<NumberType>,
    usage_type: Option<Cow<'a, str>>,
    status: Option<Cow<'a, str>>,
    payment_type: Option<Cow<'a, str>>,
    location: Option<Cow<'a, str>>,
    /// The provider's id and name, when there is a provider.
    provider: Option<[Option<Cow<'a, str>>; 2]>,
}

impl<'a> Info<'a> {
    fn borrowed(c: &Clean<'a>) -> Self {
        let cow = |s: Option<&'a str>| s.map(Cow::Borrowed);
        Info {
            id: Cow::Borrowed(c.id),
            phone_number: Cow::Borrowed(c.phone_number),
            number_type: c.number_type,
            usage_type: cow(c.usage_type),
            status: cow(c.status),
            payment_type: cow(c.payment_type),
            location: cow(c.location),
            provider: c.provider.map(|(id, name)| [cow(id), cow(name)]),
        }
    }

    fn owned(info: PhoneNumberInfo) -> Self {
        let cow = |s: Option<String>| s.map(Cow::Owned);
        Info {
            id: Cow::Owned(info.id),
            phone_number: Cow::Owned(info.phone_number),
            number_type: info.number_type,
            usage_type: cow(info.usage_type),
            status: cow(info.status),
            payment_type: cow(info.payment_type),
            location: cow(info.location),
            provider: info
                .contact_center_provider
                .map(|p| [cow(p.id), cow(p.name)]),
        }
    }
}

/// Summarizes a log without renderings; the public functions in `crate::api` add them.
pub(crate) fn summarize_with(
    input: &[u8],
    options: &SummaryOptions,
    js: &FromJs,
    fast: bool,
) -> Summary {
    let mut summary = Summary::default();
    let mut f = Findings::new(options.item.strict);
    let text = decode(input, &mut f, options.item.max_input_bytes, js);
    let src: &str = text.as_ref().map_or("", |t| &t.text);
    let limit = output_limit(options, js.too_large.map_or(input.len(), |(n, _)| n));
    let mut problems = Problems::new(src, options, limit);
    // Problems with the input as a whole (encoding, size) belong to no item.
    if !f.list.is_empty() {
        problems.push(None, 1, Kind::Malformed, f);
    }
    if text.is_none() {
        finish(&mut summary, problems, Vec::new(), Vec::new());
        return summary;
    }
    let start = text.as_ref().map_or(0, |t| t.start);
    // Repairs (invalid UTF-8, lone surrogates) belong to the items that hold them.
    let damage: &[Damage] = text.as_ref().map_or(&[], |t| &t.damage);
    let damage_from = text.as_ref().and_then(|t| t.damage_from);
    let mut items = Items::new(src, start, options.item.max_depth, fast);
    summarize_items(src, &mut items, (damage, damage_from), problems, options)
}

/// Summarizes the items of `src` (a log, or the text of items that were already parsed):
/// the part of [`summarize_with`] after decoding. One copy for both: the items come through
/// `dyn`, once per item, which costs nothing next to reading one.
#[inline(never)]
pub(crate) fn summarize_items<'a>(
    src: &'a str,
    items: &mut dyn Iterator<Item = Piece<'a>>,
    (damage, damage_from): (&[Damage], Option<Damage>),
    mut problems: Problems<'a>,
    options: &SummaryOptions,
) -> Summary {
    let mut summary = Summary::default();
    let mut next_damage = 0;

    let mut groups: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    // Groups by owner id, then by account id.
    let mut group_of: [HashMap<String, usize>; 2] = Default::default();
    // SipHash under secret random keys (src/map.rs), so crafted uuids and ids cannot make
    // these maps quadratic; a faster hash would save about 9% of a log's time.
    let mut seen: HashMap<Cow<str>, (usize, usize, usize)> = HashMap::default();
    let mut latest: Option<(Instant, usize)> = None;
    let mut kept: Vec<Kept> = Vec::new();
    for (i, piece) in items.enumerate() {
        if i >= options.max_items {
            let mut f = Findings::new(false);
            f.add(
                Code::TooManyItems,
                Span::at(src, piece.start),
                "",
                format!(
                    "the log holds more than {} items (`maxItems`); reading stopped here",
                    options.max_items
                ),
            )
            .hint("raise `maxItems`, or split the log");
            let line = problems.line_of(piece.start);
            problems.push(Some(i), line, Kind::Malformed, f);
            summary.limit_reached = true;
            break;
        }
        summary.events += 1;
        let line = problems.line_of(piece.start);
        let mut f = Findings::with_limit(options.item.strict, options.item.max_issues);
        let first_damage = next_damage;
        while damage.get(next_damage).is_some_and(|d| d.at < piece.end) {
            next_damage += 1;
        }
        let (mine, utf8) = damage_in(
            src,
            &damage[first_damage..next_damage],
            damage_from,
            (piece.start, piece.end),
        );
        let damaged = !mine.is_empty();
        note_damage(&mut f, src, &mine, utf8);
        let read = match piece.read {
            Ok(r) => r,
            Err(problem) => {
                // A last item broken at the very end of the text was cut off: either the
                // parser ran out of text, or it met the final line break inside a string.
                let at_end = problem.code == Code::JsonUnexpectedEnd
                    || src[problem.span.start..].trim().is_empty();
                if piece.truncated && at_end {
                    summary.truncated = true;
                    f.add(
                        Code::LogTruncated,
                        problem.span,
                        "",
                        format!(
                            "the log ends in the middle of this item: {}",
                            problem.detail
                        ),
                    )
                    .hint("the last line was cut off while the log was copied or written");
                } else {
                    f.add_problem(&problem, "");
                }
                summary.invalid += 1;
                problems.push(Some(i), line, Kind::Malformed, f);
                continue;
            }
        };
        let end = read.end();
        let (uuid, time) = match &read {
            Read::Clean(c, _) => (Some(Cow::Borrowed(c.uuid)), Some(c.time)),
            Read::Tree(parsed) => {
                let envelope = envelope_of(&parsed.root);
                let field = |key| envelope.and_then(|e| e.get(key));
                (
                    field("uuid").and_then(string),
                    field("timestamp")
                        .and_then(Node::as_str)
                        .and_then(|t| timestamp::parse(t).ok()),
                )
            }
        };
        // Duplicates are recognised before judging, so a redelivery counts once everywhere.
        if let Some(uuid) = &uuid {
            // One hash per item: a borrowed key costs nothing to clone.
            match seen.entry(uuid.clone()) {
                Slot::Occupied(first) => {
                    let &(first_index, first_start, first_end) = first.get();
                    summary.duplicates += 1;
                    if problems.budget.take(LISTED_ITEM_BYTES + uuid.len()) {
                        summary.duplicate_items.push(Duplicate {
                            index: i,
                            line,
                            uuid: uuid.to_string(),
                            first_index,
                            first_line: problems.line_of(first_start),
                            identical: src[first_start..first_end] == src[piece.start..end],
                        });
                    }
                    continue;
                }
                Slot::Vacant(slot) => {
                    slot.insert((i, piece.start, end));
                }
            }
        }
        if let Some(t) = time {
            match latest {
                Some((max, max_index)) if t < max => {
                    summary.out_of_order += 1;
                    let size = LISTED_ITEM_BYTES + uuid.as_deref().map_or(0, str::len);
                    if problems.budget.take(size) {
                        summary.out_of_order_items.push(Late {
                            index: i,
                            line,
                            uuid: uuid.as_deref().unwrap_or_default().to_string(),
                            time: t,
                            after: max,
                            after_index: max_index,
                        });
                    }
                }
                _ => latest = Some((t, i)),
            }
        }
        let analysis = match read {
            // The fast path reads the repaired text: an item that held something other than
            // text is invalid however well it reads.
            Read::Clean(..) if damaged => {
                summary.invalid += 1;
                problems.push(Some(i), line, Kind::ContactCenterPhoneNumber, f);
                continue;
            }
            Read::Clean(c, _) => {
                summary.valid += 1;
                count(&mut summary, c.event_type);
                let group = group_of_event(&mut group_of, &mut groups, c.account_id, c.owner_id);
                kept.push(Kept {
                    index: i,
                    line,
                    group,
                    time: c.time,
                    uuid: Cow::Borrowed(c.uuid),
                    event_type: c.event_type,
                    info: Info::borrowed(&c),
                });
                continue;
            }
            Read::Tree(parsed) => judge(&mut f, &parsed),
        };
        let other = match analysis.kind {
            Kind::SubscriptionRenewal => Some(&mut summary.renewal_reminders),
            Kind::OtherEvent => Some(&mut summary.other_events),
            Kind::NotANotification if analysis.delivery == Delivery::WebSocket => {
                Some(&mut summary.other_frames)
            }
            _ => None,
        };
        if let Some(counter) = other {
            *counter += 1;
            summary.other += 1;
            continue;
        }
        match analysis.event {
            Some(event) if analysis.kind == Kind::ContactCenterPhoneNumber => {
                summary.valid += 1;
                summary.warnings += f.total();
                count(&mut summary, event.body.event_type);
                let group = group_of_event(
                    &mut group_of,
                    &mut groups,
                    &event.account_id,
                    &event.owner_id,
                );
                kept.push(Kept {
                    index: i,
                    line,
                    group,
                    time: event.time,
                    uuid: Cow::Owned(event.uuid),
                    event_type: event.body.event_type,
                    info: Info::owned(event.body.phone_number_info),
                });
            }
            _ => {
                summary.invalid += 1;
                problems.push(Some(i), line, analysis.kind, f);
            }
        }
    }
    finish(&mut summary, problems, kept, groups);
    summary
}

/// What `maxOutputBytes` comes to for an input of `input_len` bytes.
pub(crate) fn output_limit(options: &SummaryOptions, input_len: usize) -> usize {
    options
        .max_output_bytes
        .unwrap_or_else(|| input_len.saturating_add(DEFAULT_OUTPUT_ROOM))
        .min(crate::model::HARD_MAX_OUTPUT_BYTES)
}

/// What `maxOutputBytes` adds to the input's size by default: room for the fixed parts of a
/// summary of a small input.
const DEFAULT_OUTPUT_ROOM: usize = 1 << 20;

/// What a listed duplicate or out-of-order item costs in the summary's JSON, besides its uuid.
const LISTED_ITEM_BYTES: usize = 128;

/// What is left of `maxOutputBytes` for the summary's lists (problems, duplicates,
/// out-of-order items, timelines), charged as each item is listed; counts are never charged.
struct Budget {
    left: usize,
    /// Something was left out for want of room.
    exhausted: bool,
}

impl Budget {
    /// Charges `bytes` if they fit; once something did not, nothing more is listed.
    fn take(&mut self, bytes: usize) -> bool {
        if self.exhausted || bytes > self.left {
            self.exhausted = true;
            return false;
        }
        self.left -= bytes;
        true
    }
}

/// `kept` (in item order) ordered by group, then by time, ties in item order. Groups are
/// small numbers, so a bucket per group costs one pass, and only a group whose events are out
/// of time order is sorted: one merge sort over a whole log of many accounts was its one
/// step that grew faster than the log.
fn by_group_then_time(kept: Vec<Kept<'_>>, groups: usize) -> Vec<Kept<'_>> {
    let total = kept.len();
    let mut buckets: Vec<Vec<Kept>> = (0..groups).map(|_| Vec::new()).collect();
    for k in kept {
        buckets[k.group].push(k);
    }
    let mut out = Vec::with_capacity(total);
    for mut bucket in buckets {
        if !bucket.windows(2).all(|w| w[0].time <= w[1].time) {
            sort_by_rank(&mut bucket, |k| (signed_rank(k.time.0), 0));
        }
        out.append(&mut bucket);
    }
    out
}

/// An entry's size in the summary's JSON, near enough to charge it to the [`Budget`].
fn entry_size(e: &Entry) -> usize {
    let changes: usize = e
        .changes
        .iter()
        .map(|c| 40 + c.field.len() + c.from.as_ref().map_or(4, String::len) + c.to.len())
        .sum();
    150 + e.uuid.len() + changes
}

/// What a timeline costs in the summary's JSON besides its entries.
fn timeline_size(t: &Timeline) -> usize {
    80 + t.group.len() + t.id.len() + t.phone_number.len()
}

/// A timeline as listed: its entries with their changes (`infos` are its events' fields, in
/// order) while they fit in `budget`; the rest counted in `entries_not_listed`. `None` once
/// nothing more fits.
fn listed(mut t: Timeline, infos: &[Info], budget: &mut Budget) -> Option<Timeline> {
    if !budget.take(timeline_size(&t)) {
        return None;
    }
    let mut fit = 0;
    for (k, entry) in t.entries.iter_mut().enumerate() {
        if k > 0 {
            entry.changes = diff(&infos[k - 1], &infos[k]);
        }
        if !budget.take(entry_size(entry)) {
            entry.changes = Vec::new();
            break;
        }
        fit += 1;
    }
    t.entries_not_listed = t.entries.len() - fit;
    t.entries.truncate(fit);
    Some(t)
}

/// An issue's size in the summary's JSON, near enough to charge it to the [`Budget`].
fn issue_size(i: &Issue) -> usize {
    120 + i.message.len() + i.hint.as_ref().map_or(0, String::len) + i.path.len()
}

/// The envelope of an item, whatever its delivery.
fn envelope_of<'n, 'a>(root: &'n Node<'a>) -> Option<&'n Node<'a>> {
    match &root.value {
        crate::json::Value::Array(items) if items.len() == 2 => Some(&items[1]),
        crate::json::Value::Object(_) => root.get("pn_apns").or(Some(root)),
        _ => None,
    }
}

/// A string value as the tree holds it (borrowed from the log unless it had escapes).
fn string<'a>(node: &Node<'a>) -> Option<Cow<'a, str>> {
    match &node.value {
        crate::json::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn count(summary: &mut Summary, event_type: EventType) {
    match event_type {
        EventType::Created => summary.created += 1,
        EventType::Updated => summary.updated += 1,
        EventType::Deleted => summary.deleted += 1,
    }
}

/// The index of an event's group (its account, or its owner when the filter names none),
/// added to `groups` as `(key, account id, owner id)` when it is new.
fn group_of_event(
    group_of: &mut [HashMap<String, usize>; 2],
    groups: &mut Vec<(String, Option<String>, Option<String>)>,
    account_id: &str,
    owner_id: &str,
) -> usize {
    let by_account = is_digits(account_id);
    let (id, map) = if by_account {
        (account_id, &mut group_of[1])
    } else {
        (owner_id, &mut group_of[0])
    };
    // Looked up by `&str`: only a new group allocates.
    if let Some(&group) = map.get(id) {
        return group;
    }
    groups.push(if by_account {
        (format!("account:{id}"), Some(id.to_string()), None)
    } else {
        (format!("owner:{id}"), None, Some(id.to_string()))
    });
    map.insert(id.to_string(), groups.len() - 1);
    groups.len() - 1
}

/// Broken items as they are found, located in the whole input, within the log's issue budget.
pub(crate) struct Problems<'a> {
    lines: LineIndex<'a>,
    /// Whether issues have positions: not when the items were already parsed, and `src` is
    /// only their text made again, one line each.
    positions: bool,
    per_item: usize,
    /// Issues that `maxLogIssues` still lets through.
    issues_left: usize,
    /// Bytes that `maxOutputBytes` still lets through, shared with the other lists.
    budget: Budget,
    list: Vec<Problem>,
    not_listed: usize,
}

impl<'a> Problems<'a> {
    pub(crate) fn new(src: &'a str, options: &SummaryOptions, limit: usize) -> Self {
        Problems {
            lines: LineIndex::new(src),
            positions: true,
            per_item: options.item.max_issues,
            issues_left: options.max_log_issues,
            budget: Budget {
                left: limit,
                exhausted: false,
            },
            list: Vec::new(),
            not_listed: 0,
        }
    }

    /// Problems of items that were already parsed (see [`Problems::positions`]).
    pub(crate) fn without_positions(self) -> Self {
        Problems {
            positions: false,
            ..self
        }
    }

    fn line_of(&self, byte: usize) -> u32 {
        self.lines.line_of(byte) as u32
    }

    fn push(&mut self, index: Option<usize>, line: u32, kind: Kind, f: Findings) {
        let count = f.total();
        if self.issues_left == 0 || self.budget.exhausted {
            self.not_listed += count;
            return;
        }
        let (mut issues, warnings) = locate(
            f,
            self.positions.then_some(&self.lines),
            self.per_item.min(self.issues_left),
        );
        issues.extend(warnings);
        if !self.budget.take(issues.iter().map(issue_size).sum()) {
            self.not_listed += count;
            return;
        }
        self.issues_left = self.issues_left.saturating_sub(issues.len());
        self.not_listed += count.saturating_sub(issues.len());
        self.list.push(Problem {
            index,
            line,
            kind,
            issues,
        });
    }
}

/// The fields compared between a number's consecutive events.
fn fields<'i>(info: &'i Info) -> [(&'static str, Option<&'i str>); 8] {
    let provider = info.provider.as_ref();
    [
        ("phoneNumber", Some(&info.phone_number)),
        ("type", info.number_type.map(|t| t.as_str())),
        ("usageType", info.usage_type.as_deref()),
        ("status", info.status.as_deref()),
        ("paymentType", info.payment_type.as_deref()),
        ("location", info.location.as_deref()),
        (
            "contactCenterProvider.id",
            provider.and_then(|[id, _]| id.as_deref()),
        ),
        (
            "contactCenterProvider.name",
            provider.and_then(|[_, name]| name.as_deref()),
        ),
    ]
}

/// What changed from one event's fields to the next; a field a later event leaves out is not
/// a change (deletions often carry only the id and number).
fn diff(before: &Info, after: &Info) -> Vec<FieldChange> {
    fields(before)
        .into_iter()
        .zip(fields(after))
        .filter_map(|((field, old), (_, new))| {
            let new = new?;
            (old != Some(new)).then(|| FieldChange {
                field,
                from: old.map(str::to_string),
                to: new.to_string(),
            })
        })
        .collect()
}

fn finish(
    summary: &mut Summary,
    problems: Problems,
    kept: Vec<Kept<'_>>,
    groups: Vec<(String, Option<String>, Option<String>)>,
) {
    summary.problems = problems.list;
    summary.issues_not_listed = problems.not_listed;
    let mut budget = problems.budget;
    let kept = by_group_then_time(kept, groups.len());
    let mut group_stats: Vec<Group> = groups
        .into_iter()
        .map(|(key, account_id, owner_id)| Group {
            key,
            account_id,
            owner_id,
            events: 0,
            numbers: 0,
            net: Net::default(),
        })
        .collect();
    // Timelines in order of each number's first appearance in its group's time order.
    // Keyed by (group, number id), borrowed from the log where the event was: cloning a
    // borrowed key allocates nothing.
    // Sized once: growing it would hash every key again, each read from far back in the log.
    let mut timeline_of: HashMap<(usize, Cow<str>), usize> =
        HashMap::with_capacity_and_hasher(kept.len(), Default::default());
    let mut timelines: Vec<(usize, Timeline, Vec<Info>)> = Vec::new();
    for k in kept {
        let info = k.info;
        let slot = *timeline_of
            .entry((k.group, info.id.clone()))
            .or_insert_with(|| {
                timelines.push((
                    k.group,
                    Timeline {
                        group: group_stats[k.group].key.clone(),
                        id: info.id.to_string(),
                        phone_number: info.phone_number.to_string(),
                        entries: Vec::new(),
                        entries_not_listed: 0,
                    },
                    Vec::new(),
                ));
                timelines.len() - 1
            });
        let (_, timeline, infos) = &mut timelines[slot];
        let mut effect = effect_of(k.event_type, info.usage_type.as_deref());
        // Converted into Contact Center when the log already has it there: a field update.
        if effect == Effect::ConvertedIn
            && timeline
                .entries
                .last()
                .is_some_and(|e| e.effect.leaves_number_in())
        {
            effect = Effect::Updated;
        }
        if timeline.phone_number != info.phone_number {
            timeline.phone_number = info.phone_number.to_string();
        }
        timeline.entries.push(Entry {
            time: k.time,
            uuid: k.uuid.into_owned(),
            event_type: k.event_type,
            effect,
            index: k.index,
            line: k.line,
            // Filled in by `listed`, for the entries the output has room for: copying both
            // sides of every change of a log whose values are long cost twice the log.
            changes: Vec::new(),
        });
        infos.push(info);
    }
    for (group, timeline, infos) in &timelines {
        let g = &mut group_stats[*group];
        g.events += timeline.entries.len();
        g.numbers += 1;
        let (Some(first), Some(last)) = (timeline.entries.first(), timeline.entries.last()) else {
            continue;
        };
        let in_before = !matches!(first.effect, Effect::Added | Effect::ConvertedIn);
        let in_after = last.effect.leaves_number_in();
        let number = timeline.phone_number.clone();
        let list = match (in_before, in_after) {
            (false, true) => &mut g.net.added,
            (true, false) => &mut g.net.removed,
            (false, false) => &mut g.net.transient,
            (true, true) => {
                let (Some(a), Some(b)) = (infos.first(), infos.last()) else {
                    continue;
                };
                if diff(a, b).is_empty() && infos.windows(2).all(|w| diff(&w[0], &w[1]).is_empty())
                {
                    continue;
                }
                &mut g.net.changed
            }
        };
        list.push(number);
    }
    for g in &group_stats {
        summary.net.added.extend(g.net.added.iter().cloned());
        summary.net.removed.extend(g.net.removed.iter().cloned());
        summary.net.changed.extend(g.net.changed.iter().cloned());
        summary
            .net
            .transient
            .extend(g.net.transient.iter().cloned());
    }
    // Timelines while they fit: the first that does not is cut, and every later one is
    // counted instead of listed.
    let total = timelines.len();
    summary.numbers = timelines
        .into_iter()
        .map_while(|(_, t, infos)| listed(t, &infos, &mut budget))
        .collect();
    summary.numbers_not_listed = total - summary.numbers.len();
    summary.groups = group_stats;
    let cut = budget.exhausted;
    summary.output_truncated = cut;
}

impl Problem {
    /// Whether any of the item's issues is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}
