//! A log in, its summary out, with the renderings asked for.

use crate::api::redact;
use crate::json::input::FromJs;
#[cfg(feature = "serde")]
use crate::output::numbers::numbers_tokens;
use crate::output::render;
use crate::summary::numbers::ListedNumbers;
use crate::summary::{output_limit, summarize_listing, summarize_with, SummarizeOptions, Summary};

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
    let (mut summary, numbers) = summarize_listed(input, options, js);
    if let Some(numbers) = numbers {
        summary.numbers = numbers.timelines(&summary.groups);
    }
    summary
}

/// [`summarize_from`] for JavaScript: the summary and, apart, the tokens of its `numbers`
/// (`numbers_tokens`), unless a rendering needed them (Markdown and CSV list them), when
/// the summary has them.
#[cfg(feature = "serde")]
pub fn summarize_split(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
) -> (Summary, Option<(Vec<u32>, String)>) {
    let (summary, numbers) = summarize_listed(input, options, js);
    let tokens = numbers.map(|n| numbers_tokens(&n, &summary.groups));
    (summary, tokens)
}

/// The summary with its renderings, its `numbers` still to be made of the [`ListedNumbers`]
/// unless a rendering needed them. Out of line: the one copy of a summary's whole course
/// for both callers above.
#[inline(never)]
fn summarize_listed(
    input: &[u8],
    options: &SummarizeOptions,
    js: &FromJs,
) -> (Summary, Option<ListedNumbers>) {
    let len = js.too_large.map_or(input.len(), |(n, _)| n);
    let (mut summary, numbers) = summarize_listing(input, options, js, true, None);
    let numbers = match options.markdown || options.csv {
        true => {
            summary.numbers = numbers.timelines(&summary.groups);
            None
        }
        false => Some(numbers),
    };
    (with_renderings(summary, len, options), numbers)
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
