//! What reconciliation takes and returns.

use crate::diagnostics::issue::Issue;
use crate::model::timestamp::Instant;
use crate::model::ContactCenterProvider;
use crate::summary::SummarizeOptions;

/// The three texts to reconcile, each as UTF-8 bytes (`str::as_bytes` for text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReconcileInput<'a> {
    /// The phone-number list as it was before the log began, if it was saved.
    pub before: Option<&'a [u8]>,
    /// The notifications, in any form [`crate::summarize`] reads.
    pub log: &'a [u8],
    /// The phone-number list as it is now (or when the log ends).
    pub after: &'a [u8],
}

/// Options for [`crate::reconcile`]: the log's (and each snapshot's) limits and renderings, as
/// for [`crate::summarize`], and when the snapshots were taken.
///
/// Deserialized from the flat object JavaScript callers pass (`{"afterTime":
/// "2023-04-19T00:00:00Z", "markdown": true}`); written in Rust with
/// `..ReconcileOptions::default()`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(from = "crate::reconcile::options::Given")
)]
pub struct ReconcileOptions {
    /// Limits for the log and for each snapshot (`maxInputBytes`, `maxDepth`, `maxIssues`),
    /// the log's own (`maxItems`, `maxLogIssues`), `maxOutputBytes` for the findings and each
    /// rendering, and which renderings to add (`markdown`, `csv`).
    pub log: SummarizeOptions,
    /// When `before` was taken: events at or before it are already in it.
    pub before_time: Option<Instant>,
    /// When `after` was taken: later events are not counted against it.
    pub after_time: Option<Instant>,
}

/// What kind of disagreement a [`ReconcileFinding`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FindingKind {
    /// A Contact Center number in `after` that the log never added: a missed `Created` or
    /// converting `Updated`.
    MissedAdd,
    /// A number the log left in Contact Center, absent from `after` or no longer Contact
    /// Center there: a missed `Deleted` or reassigning `Updated`.
    MissedRemoval,
    /// A number the log removed that `after` still lists as a Contact Center number.
    RemovedButPresent,
    /// A notification whose starting state contradicts `before` (`Created` for a number
    /// `before` already lists, `Deleted` for one it does not hold as Contact Center).
    ContradictsBefore,
    /// A field whose last value in the log differs from `after`.
    FieldDrift,
    /// A field that changed between `before` and `after` with no notification saying so.
    UnexplainedChange,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::MissedAdd => "missedAdd",
            FindingKind::MissedRemoval => "missedRemoval",
            FindingKind::RemovedButPresent => "removedButPresent",
            FindingKind::ContradictsBefore => "contradictsBefore",
            FindingKind::FieldDrift => "fieldDrift",
            FindingKind::UnexplainedChange => "unexplainedChange",
        }
    }

    /// Whether the finding is a notification that never arrived (or arrived out of step),
    /// rather than a field that drifted.
    pub fn is_missed(self) -> bool {
        !matches!(
            self,
            FindingKind::FieldDrift | FindingKind::UnexplainedChange
        )
    }
}

/// One record of a phone-number list, as the evidence of a finding: its values as the list
/// gives them, and where it stands in the snapshot's text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct SnapshotRecord {
    /// 1-based line and UTF-16 column of the record's `{` in the snapshot.
    pub line: u32,
    pub column: u32,
    /// Always a string, though v1 lists give an int64 number.
    pub id: String,
    pub phone_number: String,
    pub usage_type: String,
    /// As the list gives it: `VoiceOnly`, `FaxOnly` or `VoiceFax` (compared as the event's
    /// `Voice`, `Fax`, `VoiceFax`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none")
    )]
    pub number_type: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub status: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub payment_type: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub location: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub contact_center_provider: Option<ContactCenterProvider>,
    /// v2 only: `Toll` or `TollFree`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub toll_type: Option<String>,
}

/// One disagreement about one number, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct ReconcileFinding {
    pub kind: FindingKind,
    pub id: String,
    pub phone_number: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// For `fieldDrift` and `unexplainedChange`: `status`, `type`, `location`, `paymentType`,
    /// `contactCenterProvider.id` or `contactCenterProvider.name`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub field: Option<&'static str>,
    /// The field's value as the log leaves it (`fieldDrift`) or as `before` gives it
    /// (`unexplainedChange`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub expected: Option<String>,
    /// The field's value in `after`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub actual: Option<String>,
    /// The log lines (1-based) of the notifications concerned, at most
    /// [`MAX_EVIDENCE_LINES`]; empty when the log says nothing of the number.
    pub lines: Vec<u32>,
    /// The number's record in `before`, when the finding rests on it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub before: Option<SnapshotRecord>,
    /// The number's record in `after`, when it has one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub after: Option<SnapshotRecord>,
}

/// Most log lines listed as one finding's evidence.
pub const MAX_EVIDENCE_LINES: usize = 10;

/// What was read of one snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct SnapshotReport {
    /// Read without errors (warnings aside).
    pub valid: bool,
    /// `v1` (`/restapi/v1.0/account/{accountId}/phone-number`) or `v2`
    /// (`/restapi/v2/accounts/{accountId}/phone-numbers`), as far as the pages tell.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub version: Option<&'static str>,
    /// The account, from a v1 page's `uri`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub account_id: Option<String>,
    /// List responses (pages) read.
    pub pages: usize,
    /// Distinct records read.
    pub records: usize,
    /// Records whose `usageType` is `ContactCenterNumber`.
    pub contact_center: usize,
    /// Every page and record that `paging` announces is there, and nothing failed to read:
    /// a number missing from the list is really gone.
    pub complete: bool,
    /// Only `DirectNumber` records: the list was taken without admin rights, and is not
    /// compared.
    pub direct_numbers_only: bool,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

impl SnapshotReport {
    /// Whether numbers can be looked up in it at all.
    pub fn usable(&self) -> bool {
        !self.direct_numbers_only && (self.pages > 0)
    }
}

/// How many of each finding, and what was compared.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct ReconcileCounts {
    /// Numbers compared: every number of the log and of the snapshots.
    pub numbers: usize,
    /// Numbers on which log and snapshots agree.
    pub in_agreement: usize,
    pub missed_adds: usize,
    pub missed_removals: usize,
    pub removed_but_present: usize,
    pub contradictions: usize,
    pub field_drift: usize,
    pub unexplained_changes: usize,
    /// Valid, distinct Contact Center events in the log.
    pub log_events: usize,
    /// Items of the log that are not valid events (see [`crate::summarize`] for why).
    pub invalid_items: usize,
    /// Events at or before `beforeTime`: already in `before`, not compared.
    pub events_before_snapshot: usize,
    /// Events after `afterTime`: not counted against `after`.
    pub events_after_snapshot: usize,
    /// Numbers of the log on another account than the snapshots', left out.
    pub other_accounts: usize,
}

/// The log reconciled against RingCentral's phone-number lists.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct Reconciliation {
    /// Whether `after` could be compared: read, and not taken without admin rights.
    pub compared: bool,
    pub after: SnapshotReport,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub before: Option<SnapshotReport>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub before_time: Option<Instant>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub after_time: Option<Instant>,
    pub counts: ReconcileCounts,
    /// Missed notifications first, then contradictions, then drift; each kind in the order
    /// its numbers first appear (in the log, then in `after`, then in `before`).
    pub findings: Vec<ReconcileFinding>,
    /// Findings left out of `findings` because they reached `maxOutputBytes`.
    pub findings_not_listed: usize,
    /// Something reached `maxOutputBytes` and was cut: findings, or a rendering (which then
    /// ends with a line saying so).
    pub output_truncated: bool,
    pub text: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub markdown: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub csv: Option<String>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for FindingKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
