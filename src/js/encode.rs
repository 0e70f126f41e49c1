//! The compact encodings of reports that cross to JavaScript, for `assemble`
//! (src/js/assemble.js), which builds from them the same plain objects
//! `JSON.parse` would make of the report's JSON, at a fraction of the cost. Their constants are
//! declared once on each side; tests/js_layout.rs checks the two against each other.

use super::held::Held;
use super::spare::{spare_nums, spare_text};
use crate::__private::{
    clean, iso_shaped, utf16_units, validate_fast_or, EventRef, FoundIssue, Templating,
    Utf16Offsets,
};
use crate::{Issue, NumberType, Report};

/// In [`Spans`], a value that is absent (both numbers) or that follows in the text (first).
pub const ABSENT: u32 = u32::MAX;
pub const IN_TEXT: u32 = u32::MAX - 1;
/// In a valid report's spans (the lane's and the module's `validate`'s, never [`Spans`]), the
/// sentence's first number: the next `length` units of the text, with its “ and ” each one
/// ASCII unit there, their offsets the two numbers after the spans (`sentenceOf` in
/// src/js/assemble.js). V8 decodes UTF-8 that is ASCII at a copy's speed, and from its first
/// other byte on one byte at a time, twice (bench/RESULTS.md, 2026-12-02).
pub const SPLICED: u32 = u32::MAX - 2;

fn utf16_len(s: &str) -> u32 {
    utf16_units(s.as_bytes())
}

/// The 23 values of a valid report that [`Spans`] carry, in their order (`validReport`
/// in src/js/assemble.js takes them in the same order; tests/js_layout.rs checks). `provider`
/// is `""` when the number has a Contact Center provider; the change's other fields are the
/// event's own values.
pub const REPORT_VALUES: [&str; 23] = [
    "delivery",
    "uuid",
    "event",
    "accountId",
    "timestamp",
    "time",
    "subscriptionId",
    "ownerId",
    "eventType",
    "uri",
    "id",
    "phoneNumber",
    "paymentType",
    "location",
    "type",
    "usageType",
    "status",
    "hasProvider",
    "providerId",
    "providerName",
    "action",
    "effect",
    "sentence",
];

/// How each of [`REPORT_VALUES`] reaches JavaScript: two numbers per value, `[start, end]` in
/// UTF-16 units of the caller's own input string, or `[IN_TEXT, length]` for the next
/// `length` units of the accompanying text, or `[ABSENT, _]`.
pub type Spans = [u32; 2 * REPORT_VALUES.len()];

enum Part<'a> {
    /// A slice of the input.
    Input(&'a str),
    /// Text the input does not hold as such.
    Made(&'a str),
    /// Made text known to be ASCII (a normalised time, a copied ASCII value), whose length
    /// in bytes is its length in UTF-16 units.
    Ascii(&'a str),
    /// A name from the vocabulary (`webhook`, `Created`, `added`...), which JavaScript may
    /// hold already (see [`Held`]).
    Word(&'static str),
}

fn made(s: Option<&str>) -> Option<Part<'_>> {
    s.map(Part::Made)
}

fn ascii(s: Option<&str>) -> Option<Part<'_>> {
    s.map(Part::Ascii)
}

fn word(s: Option<&'static str>) -> Option<Part<'static>> {
    s.map(Part::Word)
}

/// Where a clean report's input values stand in the caller's string, as UTF-16 offsets: a
/// plain struct rather than a closure, whose calls (one per value) cost a tenth of a clean
/// call in WebAssembly, behind a `dyn`.
pub struct Offsets<'a> {
    input: &'a str,
    /// The UTF-16 offsets of a non-ASCII input's bytes; an ASCII input's are its bytes'.
    units: Option<Utf16Offsets<'a>>,
}

impl<'a> Offsets<'a> {
    /// The offsets of `input`'s slices (`ascii` when it is all ASCII).
    pub fn new(input: &'a str, ascii: bool) -> Self {
        debug_assert_eq!(ascii, input.is_ascii());
        // Blocks of 64 bytes: a notification is a few hundred, and each of its 30 or so
        // offsets then costs at most one block's count.
        let units = (!ascii).then(|| Utf16Offsets::new(input, false, 6));
        Offsets { input, units }
    }

    /// For values that are all copied ([`Values::Copied`], a report's): no input.
    pub fn none() -> Self {
        Offsets {
            input: "",
            units: None,
        }
    }

    /// The pair of `v`, a slice of the input: its distance from the input's start, and its
    /// end's.
    #[inline]
    fn of(&self, v: &str) -> [u32; 2] {
        let start = (v.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        let end = start + v.len();
        debug_assert!(end <= self.input.len(), "not a slice of the input");
        match &self.units {
            Some(u) => [u.of(start), u.of(end)],
            None => [start as u32, end as u32],
        }
    }
}

/// `offsets` gives an input slice's pair; `held`, the words JavaScript holds (the lane's).
fn spans(
    parts: &[Option<Part>; REPORT_VALUES.len()],
    offsets: &Offsets,
    held: Option<&mut Held>,
) -> (Spans, String) {
    let mut spans = [ABSENT; 2 * REPORT_VALUES.len()];
    let text = spans_into(parts, offsets, held, &mut spans);
    (spans, text)
}

/// [`spans`] written into `spans` (the report's [`Spans`], all [`ABSENT`]), the text returned.
fn spans_into(
    parts: &[Option<Part>; REPORT_VALUES.len()],
    offsets: &Offsets,
    mut held: Option<&mut Held>,
    spans: &mut [u32],
) -> String {
    // Room for a sentence, a time and the short values of a clean report.
    let mut text = spare_text(256);
    for (pair, part) in spans.chunks_exact_mut(2).zip(parts) {
        match part {
            Some(Part::Input(v)) => pair.copy_from_slice(&offsets.of(v)),
            Some(Part::Made(t)) => {
                text.push_str(t);
                pair[0] = IN_TEXT;
                pair[1] = utf16_len(t);
            }
            Some(Part::Word(t))
                if held
                    .as_deref_mut()
                    .is_some_and(|held| held.span(t, pair, &mut text)) => {}
            Some(Part::Ascii(t) | Part::Word(t)) => {
                debug_assert!(t.is_ascii());
                text.push_str(t);
                pair[0] = IN_TEXT;
                pair[1] = t.len() as u32;
            }
            None => {}
        }
    }
    text
}

/// A valid report without warnings (nearly every real notification) as [`Spans`] over its
/// text alone; `None` sends the report as JSON instead.
pub fn compact_report(report: &Report) -> Option<(Spans, String)> {
    if !report.warnings.is_empty() {
        return None;
    }
    compact_valid(report)
}

/// [`compact_report`] of a valid report whatever its warnings, which cross apart (as
/// [`issues`](super::issues::issues) encodes them): a value already parsed always has one
/// (`duplicate-keys-unseen`), and building its report from tokens cost a quarter of such a
/// call.
pub fn compact_valid(report: &Report) -> Option<(Spans, String)> {
    if report.has_renderings() || !report.valid || !report.errors.is_empty() {
        return None;
    }
    let (event, change) = (report.event.as_ref()?, report.change.as_ref()?);
    let info = &event.body.phone_number_info;
    let provider = info.contact_center_provider.as_ref();
    let time = event.time.to_iso();
    let parts = [
        word(Some(report.delivery.as_str())),
        made(Some(&event.uuid)),
        made(Some(&event.event)),
        made(Some(&event.account_id)),
        made(Some(&event.timestamp)),
        ascii(Some(&time)),
        made(Some(&event.subscription_id)),
        made(Some(&event.owner_id)),
        word(Some(event.body.event_type.as_str())),
        made(info.uri.as_deref()),
        made(Some(&info.id)),
        made(Some(&info.phone_number)),
        made(info.payment_type.as_deref()),
        made(info.location.as_deref()),
        word(info.number_type.map(NumberType::as_str)),
        made(info.usage_type.as_deref()),
        made(info.status.as_deref()),
        word(provider.map(|_| "")),
        made(provider.and_then(|p| p.id.as_deref())),
        made(provider.and_then(|p| p.name.as_deref())),
        word(Some(change.action)),
        word(Some(change.effect.as_str())),
        made(Some(&change.sentence)),
    ];
    // A report holds no input slices.
    Some(spans(&parts, &Offsets::none(), None))
}

/// How a clean report's values that stand as they are in the input reach JavaScript.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Values {
    /// As UTF-16 offsets into the caller's own string, which JavaScript slices.
    Sliced,
    /// Copied into the text, for a caller who passed bytes and so holds no string: decoding
    /// the values alone costs less than decoding the whole input.
    Copied,
}

/// [`compact_report`] straight from `input`, when the tree-free fast path reads it as a clean
/// WebHook notification: no event, no report, and every value the input holds as it is is
/// sliced from the caller's string (or copied, as `values` says) instead of crossing as JSON.
/// `input_ascii` says whether `input` is ASCII, where byte offsets are UTF-16 offsets.
///
/// Only for input on which decoding has nothing to report (the caller's
/// string without a lone surrogate, or valid UTF-8): the fast path is tried only then.
pub fn clean_report(
    input: &str,
    max_depth: usize,
    input_ascii: bool,
    values: Values,
) -> Option<(Spans, String)> {
    let c = clean(input, 0, max_depth)?;
    let mut spans = [ABSENT; 2 * REPORT_VALUES.len()];
    let (text, _) = clean_spans(input, &c, input_ascii, values, None, false, &mut spans);
    Some((spans, text))
}

/// What [`fast_report`] answers: the warnings are [`Issue`]s, or for the lane the
/// [`FoundIssue`]s they are made of.
pub type FastReport<I = Issue> = Result<((Spans, String), Vec<I>), Option<Box<crate::Report>>>;

/// [`clean_report`] of a notification the fast path reads with warnings at most, and the
/// warnings of its report (none when it is clean), for
/// [`Encoded::valid`](super::encoded::Encoded::valid); `Err` of the report on an invalid one
/// it read whole, `Err(None)` leaves it to the parse tree. The input is read once whatever it
/// holds. Same conditions on `input` as [`clean_report`].
pub fn fast_report(
    input: &str,
    options: &crate::ValidateOptions,
    input_ascii: bool,
    values: Values,
) -> FastReport {
    let mut nums = Vec::new();
    let answer = fast_report_held(
        input,
        options,
        input_ascii,
        values,
        None,
        None,
        false,
        &mut nums,
    );
    answer.map(|(text, warnings)| {
        let mut spans = [ABSENT; 2 * REPORT_VALUES.len()];
        spans.copy_from_slice(&nums);
        ((spans, text), warnings)
    })
}

/// [`fast_report`], the words JavaScript holds named by their slots (see [`Held`]), and with
/// `templates` (the lane's `validate`), a valid report's warnings as issue templates where they
/// can be (then in its `Vec`, and none returned). A valid report's [`Spans`] are pushed onto
/// `nums` (the answer's numbers, for [`Encoded`](super::encoded::Encoded)), and its text is
/// returned: moving the spans from layer to layer, about 200 bytes each time, was a dozen
/// `memory.copy` calls a clean call in WebAssembly. With `spliced`, the sentence's quotation
/// marks may cross apart ([`SPLICED`]), their two numbers after the spans.
#[allow(clippy::too_many_arguments)]
pub(super) fn fast_report_held<I: From<FoundIssue>>(
    input: &str,
    options: &crate::ValidateOptions,
    input_ascii: bool,
    values: Values,
    held: Option<&mut Held>,
    templates: Option<Templating>,
    spliced: bool,
    nums: &mut Vec<u32>,
) -> Result<(String, Vec<I>), Option<Box<crate::Report>>> {
    validate_fast_or(
        input,
        options,
        |c| {
            // Taken here, for a valid report alone: an invalid one's numbers are laid out
            // apart, and taking the spare for it grew it on every call. Room for the spans,
            // the sentence's marks, and a count and two issues as templates.
            if nums.capacity() == 0 {
                *nums = spare_nums(2 * REPORT_VALUES.len() + 13);
            }
            let first = nums.len();
            nums.resize(first + 2 * REPORT_VALUES.len(), ABSENT);
            let (text, marks) = clean_spans(
                input,
                c,
                input_ascii,
                values,
                held,
                spliced,
                &mut nums[first..],
            );
            if let Some(marks) = marks {
                nums.extend_from_slice(&marks);
            }
            text
        },
        templates,
    )
}

/// The [`Spans`] of `c`, the notification the fast path read in `input`, written into
/// `spans` (all [`ABSENT`]); their text, and with `spliced` the offsets of the sentence's
/// quotation marks when they cross apart ([`SPLICED`]).
fn clean_spans<'a>(
    input: &'a str,
    c: &EventRef<'a>,
    input_ascii: bool,
    values: Values,
    held: Option<&mut Held>,
    spliced: bool,
    spans: &mut [u32],
) -> (String, Option<[u32; 2]>) {
    debug_assert_eq!(input_ascii, input.is_ascii());
    let offsets = match values {
        Values::Sliced => Offsets::new(input, input_ascii),
        Values::Copied => Offsets::none(),
    };
    event_spans_into(c, input_ascii, values, &offsets, held, spliced, spans)
}

/// The [`Spans`] of the valid report on `c`, an event with nothing to report: its values
/// sliced from the input (`offsets` gives a value's pair) or copied, as `values` says
/// ([`Offsets::none`] for copied ones).
/// `values_ascii` says whether every value is ASCII; `held`, the words JavaScript holds (see
/// [`Held`]).
#[cfg(target_arch = "wasm32")]
pub fn event_spans<'a>(
    c: EventRef<'a>,
    values_ascii: bool,
    values: Values,
    offsets: &Offsets,
    held: Option<&mut Held>,
) -> (Spans, String) {
    let mut spans = [ABSENT; 2 * REPORT_VALUES.len()];
    let (text, _) = event_spans_into(&c, values_ascii, values, offsets, held, false, &mut spans);
    (spans, text)
}

/// [`event_spans`] written into `spans` (all [`ABSENT`]); their text, and with `spliced` the
/// offsets of the sentence's quotation marks when they cross apart ([`SPLICED`]).
fn event_spans_into<'a>(
    c: &EventRef<'a>,
    values_ascii: bool,
    values: Values,
    offsets: &Offsets,
    held: Option<&mut Held>,
    spliced: bool,
    spans: &mut [u32],
) -> (String, Option<[u32; 2]>) {
    let info = c.info();
    // The time as normalised, which is the timestamp as sent when it was sent so (nearly
    // always): then it is not written. `c` is the reader's, whose `time` it read from the
    // `timestamp` just now.
    let sent_as_time = iso_shaped(c.timestamp);
    debug_assert_eq!(sent_as_time, c.time.is_iso_text(c.timestamp));
    let mut time = String::new();
    if !sent_as_time {
        c.time.write_iso(&mut time);
    }
    let value = |s: Option<&'a str>| match values {
        Values::Sliced => s.map(Part::Input),
        Values::Copied if values_ascii => s.map(Part::Ascii),
        Values::Copied => s.map(Part::Made),
    };
    let parts = [
        word(Some(crate::Delivery::WebHook.as_str())),
        value(Some(c.uuid)),
        value(Some(c.event)),
        value(Some(c.account_id)),
        value(Some(c.timestamp)),
        match sent_as_time {
            true => value(Some(c.timestamp)),
            false => ascii(Some(&time)),
        },
        value(Some(c.subscription_id)),
        value(Some(c.owner_id)),
        word(Some(c.event_type().as_str())),
        value(info.uri),
        value(Some(info.id)),
        value(Some(info.phone_number)),
        value(info.payment_type),
        value(info.location),
        word(info.number_type.map(NumberType::as_str)),
        value(info.usage_type),
        value(info.status),
        word(info.contact_center_provider.map(|_| "")),
        value(info.contact_center_provider.and_then(|p| p.id)),
        value(info.contact_center_provider.and_then(|p| p.name)),
        word(Some(c.action())),
        word(Some(c.effect().as_str())),
        // The sentence, the last value: written below, straight into the text.
        None,
    ];
    let mut text = spans_into(&parts, offsets, held, spans);
    let from = text.len();
    let iso = sent_as_time.then_some(c.timestamp);
    // Spliced, each mark is one ASCII byte that JavaScript swaps for “ or ” (`sentenceOf`).
    let quotes = match spliced {
        true => ["\"", "\""],
        false => ["\u{201c}", "\u{201d}"],
    };
    let marks = c
        .write_sentence_marked(&mut text, iso, quotes)
        .filter(|_| spliced);
    // As many UTF-16 units as bytes is ASCII, whose offsets are its bytes': counted once.
    let units = |to: usize| utf16_units(&text.as_bytes()[from..to]);
    let length = units(text.len());
    let marks = match (text.len() - from) as u32 == length {
        true => marks.map(|at| at.map(|to| (to - from) as u32)),
        false => marks.map(|at| at.map(units)),
    };
    if let [.., start, count] = spans {
        *start = if marks.is_some() { SPLICED } else { IN_TEXT };
        *count = length;
    }
    (text, marks)
}

#[cfg(test)]
mod tests {
    use super::super::issues::{invalid_report, issues};
    use super::*;
    use crate::ValidateOptions;

    /// A valid notification with no warnings, non-ASCII in one value.
    const VALID_FOR_TESTS: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","location":"Zürich 🇨🇭"}}}"#;

    #[test]
    fn compacts_only_clean_valid_reports_with_lengths_in_utf16_units() {
        let valid = VALID_FOR_TESTS;
        let report = crate::validate(valid, &ValidateOptions::default());
        let (spans, text) = compact_report(&report).unwrap();
        let pairs: Vec<&[u32]> = spans.chunks(2).collect();
        assert!(pairs.iter().all(|p| p[0] == IN_TEXT || p[0] == ABSENT));
        let present: u32 = pairs.iter().filter(|p| p[0] == IN_TEXT).map(|p| p[1]).sum();
        assert_eq!(present as usize, text.encode_utf16().count());
        assert_eq!(pairs[9][0], ABSENT, "no uri");
        assert_eq!(
            pairs[13][1], 11,
            "Zürich, a space, a flag of two surrogate pairs"
        );
        assert_eq!(pairs[17][0], ABSENT, "no provider");
        let invalid = crate::validate("{}", &ValidateOptions::default());
        assert!(compact_report(&invalid).is_none());
        let warned = crate::validate(valid.replace("\"3\"", "3"), &ValidateOptions::default());
        assert!(warned.valid && compact_report(&warned).is_none());
        // Its warnings cross apart: the same spans as the report without them.
        let unwarned = Report {
            warnings: Vec::new(),
            ..warned.clone()
        };
        assert_eq!(compact_valid(&warned), compact_report(&unwarned));
        assert!(compact_valid(&invalid).is_none());
        let (nums, text) = issues(&warned.warnings);
        assert_eq!(nums[0] as usize, warned.warnings.len());
        assert_eq!(nums.len(), 1 + 9 * warned.warnings.len());
        assert!(text.starts_with(warned.warnings[0].code.as_str()));
    }

    #[test]
    fn lays_out_an_invalid_report_as_counts_lengths_and_positions() {
        let report = crate::validate(
            r#"{"uuid": "x", "note": "Zürich"}"#,
            &ValidateOptions::default(),
        );
        assert!(!report.valid && !report.warnings.is_empty());
        let (nums, text) = invalid_report(&report).unwrap();
        let issues = report.errors.len() + report.warnings.len();
        assert_eq!(nums.len(), 4 + 9 * issues);
        assert_eq!(
            (nums[2], nums[3]),
            (report.errors.len() as u32, report.warnings.len() as u32)
        );
        let mut lengths = vec![nums[0], nums[1]];
        for issue in nums[4..].chunks(9) {
            lengths.extend(issue[..5].iter().filter(|&&n| n != ABSENT));
        }
        let total: u32 = lengths.iter().sum();
        assert_eq!(total as usize, text.encode_utf16().count());
        let first = &report.errors[0];
        assert_eq!(
            nums[9..13],
            [first.line, first.column, first.offset, first.length].map(Option::unwrap)
        );
        assert!(invalid_report(&crate::validate(
            VALID_FOR_TESTS,
            &ValidateOptions::default()
        ))
        .is_none());
    }

    /// A clean report's 23 values as JavaScript slices them: offsets and lengths in UTF-16
    /// units, of the input and of the made text (which must hold nothing else).
    fn sliced_values(input: &str, spans: &Spans, text: &str) -> Vec<Option<String>> {
        let input: Vec<u16> = input.encode_utf16().collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut at = 0;
        let values = spans
            .chunks(2)
            .map(|p| match p[0] {
                ABSENT => None,
                IN_TEXT => {
                    at += p[1] as usize;
                    Some(String::from_utf16(&units[at - p[1] as usize..at]).unwrap())
                }
                start => Some(String::from_utf16(&input[start as usize..p[1] as usize]).unwrap()),
            })
            .collect();
        assert_eq!(
            at,
            units.len(),
            "the text holds nothing but the made values"
        );
        values
    }

    /// The values copied into the text are the ones sliced out of the input.
    fn assert_copied_alike(input: &str, sliced: &[Option<String>]) {
        let ascii = input.is_ascii();
        let (spans, text) = clean_report(input, 64, ascii, Values::Copied).unwrap();
        assert!(spans.chunks(2).all(|p| p[0] == ABSENT || p[0] == IN_TEXT));
        assert_eq!(sliced_values(input, &spans, &text), sliced);
    }

    #[test]
    fn slices_a_clean_notifications_values_out_of_the_input_itself() {
        let valid = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611+0000","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","type":"VoiceOnly","contactCenterProvider":{"name":"P"}}}}"#;
        let (spans, text) = clean_report(valid, 64, true, Values::Sliced).unwrap();
        let owned = sliced_values(valid, &spans, &text);
        assert_copied_alike(valid, &owned);
        let values: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        assert_eq!(values[1], Some("2661273919712564939"));
        assert_eq!(values[3], Some("1"), "the account, out of the filter");
        assert_eq!(values[4], Some("2023-04-18T20:25:24.611+0000"), "as sent");
        assert_eq!(values[5], Some("2023-04-18T20:25:24.611Z"), "normalised");
        assert_eq!(values[14], Some("Voice"), "normalised from VoiceOnly");
        assert_eq!(
            (values[17], values[18], values[19]),
            (Some(""), None, Some("P"))
        );
        let report = crate::validate(valid, &ValidateOptions::default());
        let change = report.change.unwrap();
        assert_eq!(values[22], Some(change.sentence.as_str()));
        assert_eq!((values[20], values[21]), (Some("created"), Some("added")));
        assert!(
            clean_report(&valid.replace("\"2\"", "2"), 64, true, Values::Sliced).is_none(),
            "a warning"
        );
    }

    #[test]
    fn slices_non_ascii_input_by_utf16_offsets() {
        // Non-ASCII values early on (2-, 3- and 4-byte characters, long enough to cross the
        // 64-byte blocks), so that every later offset differs from its byte offset.
        let valid = r#"{"body":{"phoneNumberInfo":{"location":"São Paulo — 東京 🇧🇷 Zürich, and a long tail of ü ü ü ü ü ü ü ü ü ü ü ü ü ü","contactCenterProvider":{"id":"7","name":"Ünïcødé 😀"},"id":"3","phoneNumber":"+12024999741"},"eventType":"Created"},"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2"}"#;
        let (spans, text) = clean_report(valid, 64, false, Values::Sliced).unwrap();
        let owned = sliced_values(valid, &spans, &text);
        assert_copied_alike(valid, &owned);
        let values: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        let report = crate::validate(valid, &ValidateOptions::default());
        let event = report.event.unwrap();
        let info = &event.body.phone_number_info;
        assert_eq!(values[1], Some(event.uuid.as_str()));
        assert_eq!(values[2], Some(event.event.as_str()));
        assert_eq!(values[3], Some("1"));
        assert_eq!(values[7], Some("2"));
        assert_eq!(values[10], Some("3"));
        assert_eq!(values[11], Some("+12024999741"));
        assert_eq!(values[13], info.location.as_deref());
        assert_eq!((values[18], values[19]), (Some("7"), Some("Ünïcødé 😀")));
        assert_eq!(values[22], Some(report.change.unwrap().sentence.as_str()));
    }

    #[test]
    fn each_named_value_is_the_reports_own() {
        let valid = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611+0000","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Updated","phoneNumberInfo":{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/1/phone-number/3","id":"3","phoneNumber":"+12024999741","paymentType":"Local","location":"Zürich","type":"VoiceFax","usageType":"ContactCenterNumber","status":"Normal","contactCenterProvider":{"id":"7","name":"P"}}}}"#;
        let report = crate::validate(valid, &ValidateOptions::default());
        assert!(
            report.valid && report.warnings.is_empty(),
            "{:?}",
            report.warnings
        );
        let event = report.event.as_ref().unwrap();
        let change = report.change.as_ref().unwrap();
        let info = &event.body.phone_number_info;
        let provider = info.contact_center_provider.as_ref().unwrap();
        let time = event.time.to_iso();
        let expected = |name: &str| -> Option<&str> {
            Some(match name {
                "delivery" => report.delivery.as_str(),
                "uuid" => &event.uuid,
                "event" => &event.event,
                "accountId" => &event.account_id,
                "timestamp" => &event.timestamp,
                "time" => &time,
                "subscriptionId" => &event.subscription_id,
                "ownerId" => &event.owner_id,
                "eventType" => event.body.event_type.as_str(),
                "uri" => info.uri.as_deref()?,
                "id" => &info.id,
                "phoneNumber" => &info.phone_number,
                "paymentType" => info.payment_type.as_deref()?,
                "location" => info.location.as_deref()?,
                "type" => info.number_type?.as_str(),
                "usageType" => info.usage_type.as_deref()?,
                "status" => info.status.as_deref()?,
                "hasProvider" => "",
                "providerId" => provider.id.as_deref()?,
                "providerName" => provider.name.as_deref()?,
                "action" => change.action,
                "effect" => change.effect.as_str(),
                "sentence" => &change.sentence,
                other => panic!("unknown value {other}"),
            })
        };
        let (spans, text) = compact_report(&report).unwrap();
        let compact = sliced_values("", &spans, &text);
        let (spans, text) = clean_report(valid, 64, false, Values::Sliced).unwrap();
        let clean = sliced_values(valid, &spans, &text);
        for (at, name) in REPORT_VALUES.iter().enumerate() {
            let want = expected(name);
            assert!(want.is_some(), "{name} is present in this notification");
            assert_eq!(compact[at].as_deref(), want, "compact_report's {name}");
            assert_eq!(clean[at].as_deref(), want, "clean_report's {name}");
        }
    }

    /// The sentence of a lane's answer as `sentenceOf` in src/js/assemble.js reads it: the
    /// spans' last pair, the text's last units, and with [`SPLICED`] the marks' offsets after
    /// the spans.
    fn read_sentence(nums: &[u32], text: &str) -> (String, bool) {
        let units: Vec<u16> = text.encode_utf16().collect();
        let spans = 2 * REPORT_VALUES.len();
        let [kind, length] = [nums[spans - 2], nums[spans - 1]];
        let from = units.len() - length as usize;
        let part = |a: usize, b: usize| String::from_utf16(&units[from + a..from + b]).unwrap();
        match kind {
            IN_TEXT => {
                assert_eq!(nums.len(), spans);
                (part(0, length as usize), false)
            }
            SPLICED => {
                assert_eq!(nums.len(), spans + 2);
                let [open, close] = [nums[spans] as usize, nums[spans + 1] as usize];
                let text = [
                    part(0, open),
                    "\u{201c}".into(),
                    part(open + 1, close),
                    "\u{201d}".into(),
                    part(close + 1, length as usize),
                ];
                (text.concat(), true)
            }
            other => panic!("{other:#x}"),
        }
    }

    #[test]
    fn a_sentence_crosses_with_its_quotation_marks_apart_and_reads_the_same() {
        let base = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","location":"LOCATION","contactCenterProvider":{"id":"7"PROVIDER}}}}"#;
        let long = format!(",\"name\":\"{}\"", "N".repeat(80));
        // (location, provider's name member, event type, whether the sentence names it)
        let cases = [
            ("San Mateo", r#","name":"Five9""#, "Created", true),
            ("Zürich 🇨🇭", r#","name":"Five9""#, "Created", true),
            (
                "San Mateo",
                r#","name":"Zürich Télécom 🇨🇭""#,
                "Created",
                true,
            ),
            ("San Mateo", "", "Created", true),
            // Cut at 60 characters and marked with `…`: not ASCII.
            ("San Mateo", long.as_str(), "Created", true),
            ("San Mateo", r#","name":"Five9""#, "Deleted", false),
        ];
        let options = ValidateOptions::default();
        for (location, name, event_type, named) in cases {
            let input = base
                .replace("LOCATION", location)
                .replace("PROVIDER", name)
                .replace("Created", event_type);
            let want = crate::validate(&input, &options).change.unwrap().sentence;
            for spliced in [true, false] {
                let mut nums = Vec::new();
                let Ok((text, warnings)) = fast_report_held::<FoundIssue>(
                    &input,
                    &options,
                    input.is_ascii(),
                    Values::Sliced,
                    None,
                    None,
                    spliced,
                    &mut nums,
                ) else {
                    panic!("not read clean: {input}");
                };
                assert!(warnings.is_empty(), "{input}");
                let (got, apart) = read_sentence(&nums, &text);
                assert_eq!(got, want, "{input}");
                assert_eq!(apart, spliced && named, "{want}");
            }
        }
    }
}
