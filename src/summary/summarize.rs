//! What happened across a whole log of notifications.
//!
//! Items are judged one at a time and their parse trees dropped at once, so a 50 MB log costs
//! little more than its events. Duplicates (same `uuid`) count once; timelines are ordered by
//! timestamp, because RingCentral promises neither order nor exactly-once delivery.

use crate::diagnostics::codes::Severity;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::issue::Issue;
use crate::json::input::{decode, Damage, FromJs};
use crate::model::event_ref::EventRef;
use crate::model::timestamp::Instant;
use crate::model::{Effect, EventType, Kind, ValidateOptions};
use crate::summary::listing::{output_limit, Problems};
use crate::summary::log::{Items, Piece};
use crate::summary::pass::Pass;
use crate::summary::timelines::finish;

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
    /// Later entries left out of `timeline` because the summary reached `maxOutputBytes`.
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
    /// Numbers left out of `numbers` because the summary reached `maxOutputBytes`.
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

/// What a caller of [`summarize_with`] may see of each number before the summary's lists are
/// cut to `maxOutputBytes`: its whole timeline (entries without their changes) and its events,
/// in the same order, borrowed while the log is still held. Reconciliation folds them; copying
/// every event out of the summary instead would cost the log's size again.
pub(crate) type NumberVisitor<'v> = dyn FnMut(&NumberTimeline, &[EventRef<'_>]) + 'v;

/// Summarizes a log without renderings; the public functions in `crate::api` add them.
/// `visit`, when given, sees every number (see [`NumberVisitor`]).
pub(crate) fn summarize_with(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
    fast: bool,
    visit: Option<&mut NumberVisitor>,
) -> Summary {
    let mut f = Findings::new(options.item.strict);
    let text = decode(input, &mut f, options.item.max_input_bytes, js);
    let src: &str = text.as_ref().map_or("", |t| &t.text);
    let limit = output_limit(options, js.too_large.map_or(input.len(), |(n, _)| n));
    let mut problems = Problems::new(src, options, limit);
    // Problems with the input as a whole (encoding, size) belong to no item.
    if !f.list.is_empty() {
        problems.push(None, 1, Kind::Malformed, f);
    }
    let Some(text) = &text else {
        let mut summary = Summary::default();
        finish(&mut summary, problems, Vec::new(), Vec::new(), visit);
        return summary;
    };
    let mut items = Items::new(src, text.start, options.item.max_depth, fast);
    summarize_items(
        src,
        &mut items,
        (&text.damage, text.damage_from),
        problems,
        options,
        visit,
    )
}

/// Summarizes the items of `src` (a log, or the text of items that were already parsed):
/// the part of [`summarize_with`] after decoding. One copy for both: the items come through
/// `dyn`, once per item, which costs nothing next to reading one.
#[inline(never)]
pub(super) fn summarize_items<'a>(
    src: &'a str,
    items: &mut dyn Iterator<Item = Piece<'a>>,
    damage: (&'a [Damage], Option<Damage>),
    problems: Problems<'a>,
    options: &'a SummarizeOptions,
    visit: Option<&mut NumberVisitor>,
) -> Summary {
    let mut pass = Pass::new(src, damage, options, problems);
    for (i, piece) in items.enumerate() {
        if i >= options.max_items {
            pass.stop_at(i, &piece);
            break;
        }
        pass.item(i, piece);
    }
    pass.finish(visit)
}

impl Problem {
    /// Whether any of the item's issues is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}
