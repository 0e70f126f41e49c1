//! A log and the phone-number lists before and after it in, the reconciliation out, with the
//! renderings asked for.

use crate::api::redact;
use crate::json::input::FromJs;
use crate::output::render;
use crate::reconcile::compare::compare;
use crate::reconcile::logged::{Fold, Window};
use crate::reconcile::snapshot::{self, Snapshot};
use crate::reconcile::{
    ReconcileFinding, ReconcileInput, ReconcileOptions, Reconciliation, SnapshotRecord,
};
use crate::summary::{output_limit, summarize_visiting};

/// Reconciles a log of notifications against RingCentral's phone-number lists: what `after`
/// holds that the log never said, what the log says that `after` does not hold, and, with
/// `before`, what changed between the two lists that no notification explains.
///
/// ```
/// use cc_number_events::{reconcile, ReconcileInput, ReconcileOptions};
///
/// let log = r#"{"uuid":"1000000000000000001","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T09:00:00.000Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","status":"Pending"}}}"#;
/// let after = r#"{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","records":[
///   {"id":987654321,"phoneNumber":"+12024999741","type":"VoiceOnly","usageType":"ContactCenterNumber","status":"Normal"},
///   {"id":987650001,"phoneNumber":"+14155550100","type":"VoiceOnly","usageType":"ContactCenterNumber","status":"Normal"}],
///   "paging":{"page":1,"totalPages":1,"perPage":100,"totalElements":2}}"#;
/// let input = ReconcileInput { before: None, log: log.as_bytes(), after: after.as_bytes() };
/// let r = reconcile(input, &ReconcileOptions::default());
/// assert_eq!((r.counts.missed_adds, r.counts.field_drift), (1, 1));
/// assert_eq!(r.findings[0].phone_number, "+14155550100"); // never added by the log
/// let drift = &r.findings[1];
/// assert_eq!((drift.field, drift.expected.as_deref(), drift.actual.as_deref()),
///            (Some("status"), Some("Pending"), Some("Normal")));
/// assert_eq!(drift.lines, vec![1]);
/// ```
pub fn reconcile(input: ReconcileInput, options: &ReconcileOptions) -> Reconciliation {
    let none = FromJs::default();
    reconcile_from(input, options, [&none, &none, &none])
}

/// [`reconcile`], with what the JavaScript boundary learned about each input (`before`,
/// `log`, `after`) on the way in.
pub fn reconcile_from(
    input: ReconcileInput,
    options: &ReconcileOptions,
    js: [&FromJs; 3],
) -> Reconciliation {
    let log_options = &options.log;
    let after = snapshot::read(input.after, log_options, js[2]);
    let before: Option<Snapshot> = input.before.map(|b| snapshot::read(b, log_options, js[0]));
    let window = Window {
        before: before.as_ref().and(options.before_time),
        after: options.after_time,
    };
    let mut fold = Fold::default();
    let summary = summarize_visiting(
        input.log,
        log_options,
        js[1],
        true,
        Some(&mut |number| fold.number(window, number)),
    );
    let (findings, mut counts) = compare(&after, before.as_ref(), fold);
    counts.log_events = summary.groups.iter().map(|g| g.events).sum();
    counts.invalid_items = summary.invalid;
    let size = |n: Option<&[u8]>| n.map_or(0, <[u8]>::len);
    let total = size(Some(input.after))
        .saturating_add(size(input.before))
        .saturating_add(input.log.len());
    let mut limit = output_limit(log_options, total);
    let (findings, not_listed) = within(findings, limit);
    let mut r = Reconciliation {
        compared: after.report.usable(),
        after: after.report,
        before: before.map(|b| b.report),
        before_time: window.before,
        after_time: options.after_time,
        counts,
        findings,
        findings_not_listed: not_listed,
        output_truncated: not_listed > 0,
        ..Reconciliation::default()
    };
    let redact = log_options.item.redact;
    if redact {
        redact::redact_reconciliation(&mut r);
        // As for a summary: each rendering made within a share of the limit stays within it
        // once its numbers are masked.
        limit /= redact::GROWTH;
    }
    let (text, mut cut) = render::reconcile_text(&r, limit);
    r.text = text;
    if log_options.markdown {
        let (markdown, markdown_cut) = render::reconcile_markdown(&r, limit);
        r.markdown = Some(markdown);
        cut |= markdown_cut;
    }
    if log_options.csv {
        let (csv, csv_cut) = render::reconcile_csv(&r, limit);
        r.csv = Some(csv);
        cut |= csv_cut;
    }
    r.output_truncated |= cut;
    if redact {
        redact::redact_renderings(&mut r.text, [&mut r.markdown, &mut r.csv]);
    }
    r
}

/// The findings that fit in `limit` bytes of JSON (near enough), and how many did not.
fn within(mut findings: Vec<ReconcileFinding>, limit: usize) -> (Vec<ReconcileFinding>, usize) {
    let mut left = limit;
    let fit = findings
        .iter()
        .take_while(|f| {
            let size = finding_size(f);
            let fits = size <= left;
            left = left.saturating_sub(size);
            fits
        })
        .count();
    let not_listed = findings.len() - fit;
    findings.truncate(fit);
    (findings, not_listed)
}

fn finding_size(f: &ReconcileFinding) -> usize {
    let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let record = |r: &Option<SnapshotRecord>| {
        r.as_ref().map_or(0, |r| {
            200 + r.id.len()
                + r.phone_number.len()
                + r.usage_type.len()
                + text(&r.number_type)
                + text(&r.status)
                + text(&r.payment_type)
                + text(&r.location)
                + text(&r.toll_type)
                + r.contact_center_provider
                    .as_ref()
                    .map_or(0, |p| text(&p.id) + text(&p.name))
        })
    };
    150 + f.id.len()
        + f.phone_number.len()
        + f.message.len()
        + text(&f.expected)
        + text(&f.actual)
        + 12 * f.lines.len()
        + record(&f.before)
        + record(&f.after)
}
