//! What happened across a whole log of notifications.
//!
//! Items are judged one at a time and their parse trees dropped at once, so a 50 MB log costs
//! little more than its events. Duplicates (same `uuid`) count once; timelines are ordered by
//! timestamp, because RingCentral promises neither order nor exactly-once delivery.

use crate::diagnostics::codes::Severity;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::issue::Issue;
use crate::json::input::{decode, FromJs};
use crate::model::timestamp::Instant;
use crate::model::{Effect, EventType, Kind, ValidateOptions};
use crate::summary::listing::{list, output_limit};
use crate::summary::numbers::ListedNumbers;
use crate::summary::pass::Part;
use crate::summary::reader::Reader;
use crate::summary::timelines::finish;
use crate::summary::visit::{visit_numbers, NumberVisitor};
use crate::summary::window::{Base, Window};

/// Options for [`summarize`](crate::summarize): those of `validate`, plus limits for whole logs and the
/// renderings to produce.
///
/// Deserialized from the flat object JavaScript callers pass (`{"maxItems": 10, "csv": true}`),
/// as [`ValidateOptions`] is; like it, written with `..SummarizeOptions::default()`, and not
/// `#[non_exhaustive]` for that reason.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(from = "crate::summary::options::Given")
)]
pub struct SummarizeOptions {
    /// `text`, `markdown` and `csv` are `validate`'s, and unused here.
    pub item: ValidateOptions,
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
    /// List each number's timeline (default). `false`: `numbers` lists each number without
    /// its entries, all counted in its `entries_not_listed`.
    pub timelines: bool,
    /// List only the last N entries of each number's timeline (by time); the earlier ones
    /// are counted in its `entries_not_listed`, and the first listed one's changes are still
    /// against the event before it. `None` (default): every entry.
    pub last_entries: Option<usize>,
    /// List in `numbers` only the numbers the log changes (those in `net`: added, removed,
    /// changed or transient); the others are counted in `numbers_not_listed`.
    pub changed_only: bool,
}

impl Default for SummarizeOptions {
    fn default() -> Self {
        SummarizeOptions {
            item: ValidateOptions {
                max_input_bytes: 256 << 20,
                ..ValidateOptions::default()
            },
            max_items: 1_000_000,
            max_log_issues: 10_000,
            markdown: false,
            csv: false,
            max_output_bytes: None,
            timelines: true,
            last_entries: None,
            changed_only: false,
        }
    }
}

/// A broken item of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Problem {
    /// 0-based position of the item in the log; `None` (`null`) for a problem with the input
    /// as a whole (its encoding or size).
    pub index: Option<usize>,
    /// 1-based line where the item starts.
    pub line: u32,
    pub kind: Kind,
    /// Errors first, then warnings; positions are in the whole input.
    pub issues: Vec<Issue>,
}

/// A notification seen again.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct DuplicateItem {
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
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct OutOfOrderItem {
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct FieldChange {
    /// `status`, `type`, `location`, `contactCenterProvider.name`...
    pub field: &'static str,
    /// `None` (`null`) when the previous event did not carry the field.
    pub from: Option<String>,
    pub to: String,
}

/// One event in a number's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct TimelineEntry {
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
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct NumberTimeline {
    /// The [`Group`] this number belongs to.
    pub group: String,
    pub id: String,
    /// The E.164 number, as its latest event gives it.
    pub phone_number: String,
    /// Entries left out of `timeline`: later ones because the summary reached
    /// `maxOutputBytes`, earlier ones for `lastEntries`, all of them for `timelines: false`.
    pub entries_not_listed: usize,
    pub timeline: Vec<TimelineEntry>,
}

/// The net effect of a log on Contact Center numbers, as E.164 numbers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
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
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct Group {
    /// `account:37439510` or `owner:8475874957`.
    pub key: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub account_id: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub owner_id: Option<String>,
    /// Valid, distinct Contact Center events in this group.
    pub events: usize,
    pub numbers: usize,
    pub net: Net,
}

/// Valid, distinct Contact Center events of each type.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ByEventType {
    #[cfg_attr(feature = "serde", serde(rename = "Created"))]
    pub created: usize,
    #[cfg_attr(feature = "serde", serde(rename = "Updated"))]
    pub updated: usize,
    #[cfg_attr(feature = "serde", serde(rename = "Deleted"))]
    pub deleted: usize,
}

/// Items of other kinds, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct OtherKinds {
    /// Subscription renewal reminders.
    pub subscription_renewal: usize,
    /// Notifications of other RingCentral events.
    pub other_event: usize,
    /// WebSocket frames that are not notifications.
    pub websocket_frame: usize,
}

/// The summary of a log.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
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
    pub by_event_type: ByEventType,
    pub other_kinds: OtherKinds,
    /// The log ends in the middle of its last item.
    pub truncated: bool,
    /// Reading stopped at the `maxItems` limit.
    pub limit_reached: bool,
    pub problems: Vec<Problem>,
    /// Issues left out of `problems` by the `maxLogIssues` limit.
    pub issues_not_listed: usize,
    pub duplicate_items: Vec<DuplicateItem>,
    pub out_of_order_items: Vec<OutOfOrderItem>,
    pub groups: Vec<Group>,
    pub numbers: Vec<NumberTimeline>,
    /// Numbers left out of `numbers` because the summary reached `maxOutputBytes`, or left
    /// unchanged by the log when the options ask for `changedOnly`.
    pub numbers_not_listed: usize,
    /// Some output reached `maxOutputBytes` and was cut: listed items, `numbers`, or a
    /// rendering (which then ends with a line saying so).
    pub output_truncated: bool,
    pub net: Net,
    pub text: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub markdown: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub csv: Option<String>,
}

/// Summarizes a log without renderings; the public functions in `crate::api` add them. The
/// whole text goes through the same reader as a stream's chunks (see
/// [`crate::summary::stream`]), in one window.
pub(crate) fn summarize_with(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
    fast: bool,
) -> Summary {
    summarize_visiting(input, options, js, fast, None)
}

/// [`summarize_with`], and `visit` sees every number the log holds before the summary's
/// lists are cut (see [`NumberVisitor`]).
pub(crate) fn summarize_visiting(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
    fast: bool,
    visit: Option<&mut NumberVisitor>,
) -> Summary {
    let (mut summary, numbers) = summarize_listing(input, options, js, fast, visit);
    summary.numbers = numbers.timelines(&summary.groups);
    summary
}

/// [`summarize_visiting`], the summary's `numbers` left to be made of the [`ListedNumbers`].
pub(crate) fn summarize_listing(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
    fast: bool,
    visit: Option<&mut NumberVisitor>,
) -> (Summary, ListedNumbers) {
    let mut f = Findings::new(options.item.strict);
    let text = decode(input, &mut f, options.item.max_input_bytes, js);
    let src: &str = text.as_ref().map_or("", |t| &t.text);
    let mut part = Part::new(options);
    // Problems with the input as a whole (encoding, size) belong to no item.
    if !f.list.is_empty() {
        let w = Window::new(src, Base::default(), true, &[], None);
        part.problem(None, 1, Kind::Malformed, f, &w, options);
    }
    if let Some(text) = &text {
        let mut reader = Reader::new(false);
        reader.fast = fast;
        let damage = (&text.damage[..], text.damage_from);
        reader.read_text(src, text.start, damage, &mut part, options);
    }
    if let Some(visit) = visit {
        visit_numbers(&part.records, visit);
    }
    finish_part_listing(part, options, js.too_large.map_or(input.len(), |(n, _)| n))
}

/// The summary of what `part` read, its lists within the limits for an input of
/// `input_len` bytes.
pub(super) fn finish_part(part: Part, options: &SummarizeOptions, input_len: usize) -> Summary {
    let (mut summary, numbers) = finish_part_listing(part, options, input_len);
    summary.numbers = numbers.timelines(&summary.groups);
    summary
}

/// [`finish_part`], the summary's `numbers` left to be made of the [`ListedNumbers`].
pub(super) fn finish_part_listing(
    part: Part,
    options: &SummarizeOptions,
    input_len: usize,
) -> (Summary, ListedNumbers) {
    let limit = output_limit(options, input_len);
    let mut summary = part.counts;
    let budget = list(&mut summary, part.listing, &part.records, options, limit);
    let numbers = finish(&mut summary, part.records, budget, options);
    (summary, numbers)
}

impl Problem {
    /// Whether any of the item's issues is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}
