//! A phone-number list as a user saves it: one REST response, several concatenated (NDJSON or
//! back to back), or several in a JSON array; v1 (`{uri, records, paging, navigation}`, int64
//! ids) or v2 (`{records, paging}`, string ids). Read with the crate's own parser, so that what
//! is wrong is located as in a payload, and normalised: ids as strings, records by id.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{locate, Findings};
use crate::json::input::{decode, note_damage, FromJs};
use crate::json::map::HashMap;
use crate::json::{skip_whitespace, Node, Parser, Value};
use crate::model::vocab::CONTACT_CENTER;
use crate::reconcile::owned;
use crate::reconcile::snapshot_record::{a, member, page_facts, record_of, PageFacts};
use crate::reconcile::{SnapshotRecord, SnapshotReport};
use crate::summary::SummarizeOptions;
use crate::text::position::LineIndex;
use crate::text::span::Span;

/// A snapshot read: what callers see of it, and its records in the order read, found by id.
#[derive(Default)]
pub(crate) struct Snapshot {
    pub report: SnapshotReport,
    pub records: Vec<SnapshotRecord>,
    /// Keyed as the summary's maps are (`Box<str>` to an index): one copy of the map's code
    /// in the WebAssembly module serves both.
    by_id: HashMap<Box<str>, usize>,
}

/// What a snapshot says of one number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Listed<'s> {
    /// Listed, as a Contact Center number or not.
    Record(&'s SnapshotRecord),
    /// Not listed, and the list is complete: not a Contact Center number.
    Absent,
    /// Not listed, but the list is incomplete or unusable: nothing can be said.
    Unknown,
}

impl Snapshot {
    /// What the snapshot says of number `id`.
    pub fn listed(&self, id: &str) -> Listed<'_> {
        if !self.report.usable() {
            return Listed::Unknown;
        }
        match index_of(&self.by_id, id) {
            Some(i) => Listed::Record(&self.records[i]),
            None if self.report.complete => Listed::Absent,
            None => Listed::Unknown,
        }
    }
}

/// Where `id` is in a map of ids (a snapshot's, or the numbers `compare` has met). Out of
/// line: the map's search, inlined at each of four calls, cost the module 1.3 KB (0.6 KB gzip).
#[inline(never)]
pub(crate) fn index_of(map: &HashMap<Box<str>, usize>, id: &str) -> Option<usize> {
    map.get(id).copied()
}

/// Whether a record is a Contact Center number. Out of line: its compare with the 19 bytes
/// of `ContactCenterNumber` was inlined at each call.
#[inline(never)]
pub(crate) fn is_contact_center(r: &SnapshotRecord) -> bool {
    r.usage_type == CONTACT_CENTER
}

/// Reads a snapshot. Never fails: what cannot be read is an issue in its report.
pub(crate) fn read(bytes: &[u8], options: &SummarizeOptions, js: &FromJs) -> Snapshot {
    let item = &options.item;
    let mut f = Findings::with_limit(item.strict, item.max_issues);
    let mut snapshot = Snapshot::default();
    let Some(text) = decode(bytes, &mut f, item.max_input_bytes, js) else {
        let (errors, warnings) = locate(f, Some(&LineIndex::new("")), item.max_issues);
        snapshot.report.errors = errors;
        snapshot.report.warnings = warnings;
        return snapshot;
    };
    let src: &str = &text.text;
    note_damage(&mut f, src, &text.damage, text.utf8_count);
    let lines = LineIndex::new(src);
    let mut reader = Reader {
        src,
        lines: &lines,
        f: &mut f,
        snapshot: &mut snapshot,
        facts: Vec::new(),
        broken: false,
    };
    reader.values(text.start, item.max_depth);
    let facts = std::mem::take(&mut reader.facts);
    let broken = reader.broken;
    completeness(&mut snapshot, &facts, broken, &mut f, src);
    let r = &mut snapshot.report;
    r.direct_numbers_only = r.records > 0
        && snapshot
            .records
            .iter()
            .all(|r| r.usage_type == "DirectNumber");
    if r.direct_numbers_only {
        f.add(
            IssueCode::SnapshotDirectNumbersOnly,
            Span::at(src, text.start),
            "",
            format!(
                "every one of the {} records is a `DirectNumber`: RingCentral lists only those to a caller without admin rights, whatever was asked",
                r.records
            ),
        )
        .hint("take the list again with an admin's token; this one is not compared");
    }
    r.valid = !f.has_errors();
    // An error anywhere (a repeated `records`, a record that could not be read) leaves
    // records unknown: a number missing from the list is not taken as gone.
    r.complete &= r.valid;
    let (errors, warnings) = locate(f, Some(&lines), item.max_issues);
    r.errors = errors;
    r.warnings = warnings;
    snapshot
}

struct Reader<'r, 'a> {
    src: &'a str,
    lines: &'r LineIndex<'a>,
    f: &'r mut Findings,
    snapshot: &'r mut Snapshot,
    facts: Vec<PageFacts>,
    /// Something could not be read: the list is not known whole.
    broken: bool,
}

impl Reader<'_, '_> {
    /// Every value of the text, back to back: each a page, or an array of pages.
    fn values(&mut self, start: usize, max_depth: usize) {
        let mut pos = skip_whitespace(self.src, start);
        if pos >= self.src.len() {
            self.f
                .add(
                    IssueCode::SnapshotNotAList,
                    Span::at(self.src, pos),
                    "",
                    "the snapshot is empty",
                )
                .hint("paste the JSON that `GET /restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber` answered");
            self.broken = true;
            return;
        }
        while pos < self.src.len() {
            let parsed = match Parser::new(self.src, pos, max_depth).parse_value_at() {
                Ok(parsed) => parsed,
                Err(problem) => {
                    // Where a value breaks, the rest cannot be trusted to start anywhere.
                    self.f.add_problem(&problem, "");
                    self.broken = true;
                    return;
                }
            };
            for note in &parsed.notes {
                self.f.add_problem(note, "");
            }
            match &parsed.root.value {
                Value::Array(pages) => {
                    for (i, page) in pages.iter().enumerate() {
                        self.page(page, &format!("/{i}"));
                    }
                }
                _ => self.page(&parsed.root, ""),
            }
            pos = skip_whitespace(self.src, parsed.end);
        }
    }

    /// One list response, at JSON Pointer `path`.
    fn page(&mut self, page: &Node, path: &str) {
        let Some(records) = member(page, "records") else {
            let (message, hint) = not_a_list(page);
            self.f
                .add(IssueCode::SnapshotNotAList, page.span, path, message)
                .hint(hint);
            self.broken = true;
            return;
        };
        let Value::Array(records) = &records.value else {
            self.f
                .add(
                    IssueCode::SnapshotNotAList,
                    records.span,
                    format!("{path}/records"),
                    format!("`records` is {}, not an array", a(records.type_name())),
                )
                .hint("a list response holds its numbers in an array `records`");
            self.broken = true;
            return;
        };
        let mut facts = page_facts(page, path, self.f);
        if let Some(version) = facts.version {
            let report = &mut self.snapshot.report;
            report.version.get_or_insert(version);
        }
        if let Some(account) = &facts.account_id {
            let report = &mut self.snapshot.report;
            report.account_id.get_or_insert_with(|| owned(account));
        }
        self.snapshot.report.pages += 1;
        for (i, node) in records.iter().enumerate() {
            let at = format!("{path}/records/{i}");
            let Some(record) = record_of(node, &at, self.lines, self.f) else {
                self.broken = true;
                facts.dropped += 1;
                continue;
            };
            if self.snapshot.report.version.is_none() {
                let numeric =
                    matches!(member(node, "id").map(|n| &n.value), Some(Value::Number(_)));
                self.snapshot.report.version = Some(if numeric { "v1" } else { "v2" });
            }
            self.add(record, node.span, &at);
        }
        self.facts.push(facts);
    }

    fn add(&mut self, record: SnapshotRecord, span: Span, at: &str) {
        let snapshot = &mut *self.snapshot;
        if let Some(first) = index_of(&snapshot.by_id, &record.id).map(|i| &snapshot.records[i]) {
            let same = same_values(first, &record);
            self.f
                .add(
                    IssueCode::SnapshotDuplicateRecord,
                    span,
                    at,
                    format!(
                        "id {} is listed again{}; the record at line {} is used",
                        record.id,
                        if same { "" } else { " with other values" },
                        first.line
                    ),
                )
                .hint("save each page once");
            return;
        }
        snapshot.report.records += 1;
        if is_contact_center(&record) {
            snapshot.report.contact_center += 1;
        }
        snapshot
            .by_id
            .insert(record.id.as_str().into(), snapshot.records.len());
        snapshot.records.push(record);
    }
}

/// Whether two records say the same of their number, wherever they stand: compared in place
/// (a clone of one with the other's place cost the module a copy and a drop of a record).
/// Destructured whole, so that a new field cannot be left out.
fn same_values(a: &SnapshotRecord, b: &SnapshotRecord) -> bool {
    let SnapshotRecord {
        line: _,
        column: _,
        id,
        phone_number,
        usage_type,
        number_type,
        status,
        payment_type,
        location,
        contact_center_provider,
        toll_type,
    } = a;
    (id, phone_number, usage_type) == (&b.id, &b.phone_number, &b.usage_type)
        && (number_type, status, payment_type) == (&b.number_type, &b.status, &b.payment_type)
        && (location, contact_center_provider, toll_type)
            == (&b.location, &b.contact_center_provider, &b.toll_type)
}

/// Whether the pages read add up to the list their `paging` announces.
fn completeness(
    snapshot: &mut Snapshot,
    facts: &[PageFacts],
    broken: bool,
    f: &mut Findings,
    src: &str,
) {
    let report = &mut snapshot.report;
    report.complete = !broken && report.pages > 0;
    let total_pages = facts.iter().filter_map(|p| p.total_pages).max();
    let total_elements = facts.iter().filter_map(|p| p.total_elements).max();
    let at = facts.first().map_or(Span::at(src, 0), |p| p.span);
    if let Some(total) = total_pages {
        // Pages past the first 100,000 are not looked for: a hostile `totalPages` must not
        // cost a pass over billions of page numbers, nor each page a search of the others.
        let known = total.min(100_000) as usize;
        let mut seen = vec![false; known + 1];
        for page in facts.iter().filter_map(|p| p.page) {
            if let Some(slot) = usize::try_from(page).ok().and_then(|p| seen.get_mut(p)) {
                *slot = true;
            }
        }
        let missing: Vec<usize> = (1..=known).filter(|&n| !seen[n]).take(20).collect();
        // Pages without a number cannot be placed; count them instead.
        let unnumbered = facts.iter().filter(|p| p.page.is_none()).count() as u64;
        if !missing.is_empty() && (missing.len() as u64) > unnumbered {
            report.complete = false;
            let list: Vec<String> = missing.iter().map(usize::to_string).collect();
            f.add(
                IssueCode::SnapshotIncomplete,
                at,
                "/paging",
                format!(
                    "`paging` announces {total} pages, and page{} {} {} not here",
                    if missing.len() > 1 { "s" } else { "" },
                    list.join(", "),
                    if missing.len() > 1 { "are" } else { "is" }
                ),
            )
            .hint("save every page (`page=1`, `page=2`...), or ask for `perPage=1000`; numbers missing from this list are not taken as gone");
            return;
        }
    }
    if let Some(total) = total_elements {
        let read = (report.records as u64).saturating_add(facts.iter().map(|p| p.dropped).sum());
        if read < total {
            report.complete = false;
            f.add(
                IssueCode::SnapshotIncomplete,
                at,
                "/paging/totalElements",
                format!("`paging` announces {total} records, and {read} are here"),
            )
            .hint("save every page; numbers missing from this list are not taken as gone");
        }
    }
}

/// Why a value is not a list response, and what to do, for the shapes people paste instead.
fn not_a_list(node: &Node) -> (String, &'static str) {
    if !matches!(node.value, Value::Object(_)) {
        return (
            format!(
                "{} is not a phone-number list response",
                a(node.type_name())
            ),
            "a list response is an object `{\"records\": [...], \"paging\": {...}}`",
        );
    }
    if member(node, "errorCode").is_some() || member(node, "errors").is_some() {
        let code = member(node, "errorCode")
            .and_then(Node::as_str)
            .map_or(String::new(), |c| {
                format!(" `{}`", crate::text::quote::clip(c))
            });
        return (
            format!("an API error response{code}, not a phone-number list"),
            "the request failed: take the list again (an admin's token, `usageType=ContactCenterNumber`)",
        );
    }
    if member(node, "uuid").is_some() && member(node, "event").is_some() {
        return (
            owned("a notification, not a phone-number list response"),
            "notifications go in the log; the snapshot is what the phone-number list request answered",
        );
    }
    if member(node, "phoneNumber").is_some() {
        return (
            owned("one phone-number record, not a list response"),
            "save the list's whole response, or put records in `{\"records\": [...]}`",
        );
    }
    (
        owned("an object without `records`: not a phone-number list response"),
        "a list response is an object `{\"records\": [...], \"paging\": {...}}`",
    )
}
