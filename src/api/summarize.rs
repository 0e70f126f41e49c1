//! A log in, its summary out, with the renderings asked for.

use crate::api::redact;
use crate::json::input::FromJs;
use crate::output::render;
use crate::summary::{output_limit, summarize_with, SummarizeOptions, Summary};

/// Summarizes a log given as UTF-8 bytes (or a `&str`).
///
/// ```
/// use cc_number_events::{summarize, SummarizeOptions};
///
/// let log = concat!(
///   r#"{"uuid":"1000000000000000001","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","status":"Pending"}}}"#, "\n",
///   r#"{"uuid":"1000000000000000002","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T21:00:00.000Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Updated","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","status":"Normal"}}}"#, "\n",
/// );
/// let s = summarize(log, &SummarizeOptions::default());
/// assert_eq!((s.events, s.valid, s.by_event_type.updated), (2, 2, 1));
/// assert_eq!(s.net.added, vec!["+12024999741"]);
/// let change = &s.numbers[0].timeline[1].changes[0];
/// assert_eq!((change.field, change.from.as_deref(), change.to.as_str()), ("status", Some("Pending"), "Normal"));
/// ```
pub fn summarize(input: impl AsRef<[u8]>, options: &SummarizeOptions) -> Summary {
    summarize_from(input.as_ref(), options, &FromJs::default())
}

/// [`summarize`], with what the JavaScript boundary learned about the input on the way in.
pub fn summarize_from(input: &[u8], options: &SummarizeOptions, js: &FromJs) -> Summary {
    let len = js.too_large.map_or(input.len(), |(n, _)| n);
    with_renderings(summarize_with(input, options, js, true), len, options)
}

/// [`summarize`] through parse trees alone, never the fast path: for tests that hold the two
/// equal. Not part of the API.
#[doc(hidden)]
pub fn summarize_tree(input: impl AsRef<[u8]>, options: &SummarizeOptions) -> Summary {
    let (input, js) = (input.as_ref(), FromJs::default());
    with_renderings(
        summarize_with(input, options, &js, false),
        input.len(),
        options,
    )
}

/// The summary of an input of `input_len` bytes with its text rendering and the others its
/// options ask for, each within the output limit: a cut one ends with a line saying so, and
/// sets `outputTruncated`.
pub(crate) fn with_renderings(
    mut summary: Summary,
    input_len: usize,
    options: &SummarizeOptions,
) -> Summary {
    let mut limit = output_limit(options, input_len);
    let redact = options.item.redact;
    if redact {
        for problem in &mut summary.problems {
            problem.issues.iter_mut().for_each(redact::redact_issue);
        }
        // Masking lengthens the numbers a rendering quotes: made within a share of the limit,
        // each stays within it once masked.
        limit /= redact::GROWTH;
    }
    let (text, mut cut) = render::text(&summary, limit);
    summary.text = text;
    if options.markdown {
        let (markdown, markdown_cut) = render::markdown(&summary, limit);
        summary.markdown = Some(markdown);
        cut |= markdown_cut;
    }
    if options.csv {
        let (csv, csv_cut) = render::csv(&summary, limit);
        summary.csv = Some(csv);
        cut |= csv_cut;
    }
    summary.output_truncated |= cut;
    if redact {
        redact::redact_renderings(&mut summary.text, [&mut summary.markdown, &mut summary.csv]);
    }
    summary
}
