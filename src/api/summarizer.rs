//! The incremental summarizer: a log in chunks of any size, or in parts summarized apart and
//! merged, gives the summary one pass over the whole log gives.

use crate::api::summarize::with_renderings;
use crate::summary::stream::Stream;
use crate::summary::{SummarizeOptions, Summary};

/// Summarizes a log fed in chunks, holding only what the summary needs (counts, the uuids
/// for duplicates, each number's events as a few integers, the problems it may list) and
/// never the log itself: memory grows with the log's items, not with their size. Any
/// chunking of a log gives exactly [`summarize`](crate::summarize)'s summary of the whole.
///
/// ```
/// use cc_number_events::{summarize, SummarizeOptions, Summarizer};
///
/// let log = concat!(
///   r#"{"uuid":"1000000000000000001","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber"}}}"#, "\n",
///   "{\"uuid\": \"broken\n",
/// );
/// let mut s = Summarizer::new(SummarizeOptions::default());
/// for chunk in log.as_bytes().chunks(7) {
///     s.push(chunk); // items, lines and UTF-8 sequences may straddle chunks
/// }
/// let summary = s.finish();
/// assert_eq!((summary.valid, summary.invalid), (1, 1));
/// assert_eq!(summary, summarize(log, &SummarizeOptions::default()));
/// ```
///
/// # Parts of a log, merged
///
/// A log can be cut into parts just after a line break (`\n`) where an item ends, as between
/// the lines of an NDJSON log: each part is summarized on its own (the first with
/// [`Summarizer::new`], the others with [`Summarizer::following`]), on any thread, and
/// [`Summarizer::merge`] puts them back in order. The merged summary is the one pass's:
/// positions, item indices and lines count from the log's start, an item whose uuid an earlier
/// part holds is a duplicate, order is judged over the whole log. Two limits are counted
/// per part rather than for the whole log, so a merged summary can differ from one pass
/// when a log reaches them: `maxItems`, and which problems and duplicates are listed when
/// an item taken back as a duplicate had used up `maxLogIssues` or `maxOutputBytes` in its
/// part. A log that is one JSON array, or whose values span lines, must be read as one part:
/// cut inside an item, the earlier part reports its end as a cut-off item.
///
/// ```
/// use cc_number_events::{summarize, SummarizeOptions, Summarizer};
///
/// let line = |uuid: u32, time: &str| format!(
///     r#"{{"uuid":"{uuid}","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"{time}","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{{"eventType":"Updated","phoneNumberInfo":{{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber"}}}}}}"#
/// ) + "\n";
/// let log = line(1, "2023-04-18T10:00:00Z") + &line(2, "2023-04-18T11:00:00Z")
///     + &line(1, "2023-04-18T10:00:00Z") + &line(3, "2023-04-18T09:00:00Z");
/// let cut = log.match_indices('\n').nth(1).unwrap().0 + 1; // after the second line
/// let options = SummarizeOptions::default();
/// let parts = [&log[..cut], &log[cut..]];
/// let mut first = Summarizer::new(options.clone());
/// first.push(parts[0].as_bytes());
/// let mut second = Summarizer::following(options.clone());
/// second.push(parts[1].as_bytes());
/// first.merge(second);
/// let merged = first.finish();
/// assert_eq!((merged.duplicates, merged.out_of_order), (1, 1));
/// assert_eq!(merged, summarize(&log, &options));
/// ```
pub struct Summarizer {
    options: SummarizeOptions,
    stream: Stream,
}

impl Summarizer {
    /// A summarizer for a log, or for the first part of one.
    pub fn new(options: SummarizeOptions) -> Self {
        let stream = Stream::new(&options, false);
        Summarizer { options, stream }
    }

    /// A summarizer for a part of a log that follows another part (see [`Summarizer::merge`]):
    /// its text is not the log's start, so a byte order mark is not skipped there and a
    /// leading `[` is an item, never an array of items.
    pub fn following(options: SummarizeOptions) -> Self {
        let stream = Stream::new(&options, true);
        Summarizer { options, stream }
    }

    /// Reads the next bytes of the log: any number, cut anywhere. Never fails: what the bytes
    /// hold (invalid UTF-8, broken items, an item longer than `maxInputBytes`) is reported in
    /// the summary. `maxInputBytes` bounds the text held at once (an item, or a broken stretch
    /// that reading cannot resume after), not the log: past it reading stops, with an
    /// `input-too-large` problem there.
    pub fn push(&mut self, chunk: &[u8]) {
        self.stream.push(chunk, &self.options);
    }

    /// Bytes pushed so far, merged parts included.
    pub fn bytes(&self) -> u64 {
        self.stream.bytes()
    }

    /// The options it summarizes with.
    pub fn options(&self) -> &SummarizeOptions {
        &self.options
    }

    /// Puts `later`, the summarizer of the part of the log that follows this one's, after
    /// it: then this one summarizes both, as one pass over them would (see the type's
    /// documentation for where a log may be cut). Both parts are read to their ends first;
    /// bytes pushed afterwards follow `later`'s. `later`'s options are not used.
    pub fn merge(&mut self, later: Summarizer) {
        self.stream.merge(later.stream, &self.options);
    }

    /// The summary of everything pushed, with the renderings the options ask for.
    pub fn finish(self) -> Summary {
        let bytes = usize::try_from(self.stream.bytes()).unwrap_or(usize::MAX);
        let summary = self.stream.finish(&self.options);
        with_renderings(summary, bytes, &self.options)
    }
}
