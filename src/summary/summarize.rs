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
use crate::model::{Effect, EventType, Kind, Options};
use crate::summary::listing::{output_limit, Problems};
use crate::summary::log::Items;
use crate::summary::pass::Pass;
use crate::summary::timelines::finish;

/// Options for [`summarize`]: those of `validate`, plus limits for whole logs and the
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

/// Summarizes a log without renderings; the public functions in `crate::api` add them.
pub(crate) fn summarize_with(
    input: &[u8],
    options: &SummaryOptions,
    js: &FromJs,
    fast: bool,
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
        finish(&mut summary, problems, Vec::new(), Vec::new());
        return summary;
    };
    let mut pass = Pass::new(src, text, options, problems);
    let items = Items::new(src, text.start, options.item.max_depth, fast);
    for (i, piece) in items.enumerate() {
        if i >= options.max_items {
            pass.stop_at(i, &piece);
            break;
        }
        pass.item(i, piece);
    }
    pass.finish()
}

impl Problem {
    /// Whether any of the item's issues is an error.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}
