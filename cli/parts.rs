//! A log of any size through the crate's incremental [`Summarizer`]: read in chunks, never
//! held whole. A large plain file is cut into one range per core, each cut where one line's
//! JSON value ends and the next line's begins; the ranges are summarized on the rayon pool and
//! merged in order, which gives the one-pass summary. Anything else (stdin, gzip, a small file,
//! a log whose items span lines so that no such cut exists) is read in one pass.
//!
//! Few large ranges rather than many blocks: merging a part costs about what its numbers are
//! (each part of a log meets most of its numbers), and each part holds its own records until
//! it is merged. Measured on a 300 MB log of 20,000 numbers (2 cores): 8 MiB blocks cost 70%
//! more CPU than one pass, four ranges 35% and 85% more memory, two ranges 35% and 60% more
//! memory. Since a merge moves the later part's records instead of copying them (2026-12-01,
//! the 1 GB log of bench/cli.mjs), two ranges peak at 22% more than one pass (168 MB against
//! 138 MB). `RAYON_NUM_THREADS=1` reads in one pass, with the least memory.

use crate::input::{open, InputError, Opened, Source};
use cc_number_events::{SummarizeOptions, Summarizer, Summary};
use rayon::prelude::*;
use serde::de::IgnoredAny;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Bytes read at a time.
const CHUNK: usize = 1 << 20;
/// The smallest range worth a core of its own.
const MIN_RANGE: u64 = 32 << 20;
/// How far past a range's nominal end its cut is looked for.
const CUT_WINDOW: usize = 1 << 20;

/// `CC_NUMBER_EVENTS_MIN_RANGE`, when set (at least 4096 bytes), in place of [`MIN_RANGE`]:
/// lets the tests cut a small log into ranges.
fn min_range() -> u64 {
    std::env::var("CC_NUMBER_EVENTS_MIN_RANGE")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &u64| n >= 4096)
        .unwrap_or(MIN_RANGE)
}

/// Whether `line` (without its line break) is one whole JSON value that starts with `{` or
/// `[`: the test of an item's end, and of the next one's start.
fn whole_value(line: &[u8]) -> bool {
    let line = line.trim_ascii();
    matches!(line.first(), Some(b'{' | b'[')) && serde_json::from_slice::<IgnoredAny>(line).is_ok()
}

/// The first place in `window` (bytes of the file from `from`) after its first `skip` bytes
/// where the file may be cut: just after a line break between two lines that are each a whole
/// JSON value, so that an item ends there and the next begins (the rule
/// [`Summarizer::merge`] states). `None` when the window holds no such place.
fn cut_in(window: &[u8], skip: usize) -> Option<usize> {
    let breaks: Vec<usize> = window
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    breaks.windows(3).find_map(|w| {
        let (before, at, after) = (w[0], w[1], w[2]);
        (at >= skip && whole_value(&window[before + 1..at]) && whole_value(&window[at + 1..after]))
            .then_some(at + 1)
    })
}

/// Where to cut a plain file of `size` bytes into `n` ranges: offsets, increasing, each just
/// after a line break; fewer when a stretch of the file offers no cut.
fn plan(path: &Path, size: u64, n: u64) -> io::Result<Vec<u64>> {
    let mut file = File::open(path)?;
    let mut cuts = Vec::new();
    for i in 1..n {
        let target = size / n * i;
        // From a little before the target, so that the line ending there is seen whole.
        let from = target.saturating_sub(64 << 10);
        file.seek(SeekFrom::Start(from))?;
        let mut window = Vec::new();
        (&mut file)
            .take((target - from) + CUT_WINDOW as u64)
            .read_to_end(&mut window)?;
        if let Some(at) = cut_in(&window, (target - from) as usize) {
            let at = from + at as u64;
            if cuts.last().is_none_or(|&last| at > last) && at < size {
                cuts.push(at);
            }
        }
    }
    Ok(cuts)
}

/// Pushes everything `input` holds into `s`, a chunk at a time.
fn push_all(input: &mut dyn Read, s: &mut Summarizer) -> io::Result<()> {
    let mut chunk = vec![0u8; CHUNK];
    loop {
        match input.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => s.push(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Summarizes `head`, then the rest of `opened`, in one pass.
pub fn one_pass(
    opened: &mut Opened,
    head: &[u8],
    options: &SummarizeOptions,
) -> Result<Summary, InputError> {
    let mut s = Summarizer::new(options.clone());
    s.push(head);
    push_all(opened.reader(), &mut s).map_err(|e| opened.error(&e))?;
    Ok(s.finish())
}

/// Summarizes range `start..end` of the file at `path`; the first range is the log's start.
fn range(
    path: &Path,
    (start, end): (u64, u64),
    options: &SummarizeOptions,
    read: &AtomicU64,
) -> io::Result<Summarizer> {
    let mut s = if start == 0 {
        Summarizer::new(options.clone())
    } else {
        Summarizer::following(options.clone())
    };
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut input = file.take(end - start);
    let mut chunk = vec![0u8; CHUNK];
    loop {
        match input.read(&mut chunk) {
            Ok(0) => return Ok(s),
            Ok(n) => {
                read.fetch_add(n as u64, Ordering::Relaxed);
                s.push(&chunk[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Summarizes one input, on every core when it is a large plain file; `read` counts the bytes
/// read from disk. Call it from a thread of its own, not a rayon worker: it waits for the
/// ranges it hands to the pool.
pub fn summarize(
    source: &Source,
    options: &SummarizeOptions,
    read: &Arc<AtomicU64>,
) -> Result<Summary, InputError> {
    let mut opened = open(source, read.clone())?;
    let cores = rayon::current_num_threads() as u64;
    let size = source.size().unwrap_or(0);
    let (Source::File(path), false, true) = (source, opened.gzip, cores > 1) else {
        return one_pass(&mut opened, &[], options);
    };
    let n = (size / min_range()).min(cores);
    if n < 2 {
        return one_pass(&mut opened, &[], options);
    }
    let cuts = plan(path, size, n).map_err(|e| opened.error(&e))?;
    if cuts.is_empty() {
        return one_pass(&mut opened, &[], options);
    }
    // The ranges read the file afresh: what opening it read is not counted twice.
    read.fetch_sub(opened.sniffed(), Ordering::Relaxed);
    drop(opened);
    let bounds: Vec<(u64, u64)> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .zip(cuts.iter().copied().chain(std::iter::once(size)))
        .collect();
    let parts: Vec<io::Result<Summarizer>> = bounds
        .par_iter()
        .map(|&b| range(path, b, options, read))
        .collect();
    let mut merged: Option<Summarizer> = None;
    for part in parts {
        let part = part.map_err(|e| InputError::io(&source.name(), &e))?;
        match &mut merged {
            Some(m) => m.merge(part),
            None => merged = Some(part),
        }
    }
    // `bounds` is never empty, so neither is `parts`.
    Ok(merged.map_or_else(
        || Summarizer::new(options.clone()).finish(),
        Summarizer::finish,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_only_between_two_whole_lines() {
        // A window starts anywhere in a line: its first line is never trusted.
        let ndjson = b"{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n";
        assert_eq!(cut_in(ndjson, 0), Some(16));
        assert_eq!(
            cut_in(ndjson, 16),
            None,
            "the last line has no line after it"
        );
        let pretty = b"{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n";
        assert_eq!(cut_in(pretty, 0), None);
        let array = b"[\n{\"a\":1},\n{\"b\":2},\n{\"c\":3}\n]\n";
        assert_eq!(cut_in(array, 0), None);
        let broken = b"{\"a\":1}\n{\"b\":\n{\"c\":3}\n{\"d\":4}\n";
        assert_eq!(cut_in(broken, 0), Some(22));
    }
}
