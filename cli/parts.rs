//! A log of any size through the crate's incremental [`Summarizer`], on every core: the input
//! is read in order (a file, gzip, stdin alike) and cut into blocks where one line-delimited
//! item ends and the next begins; each block is summarized on the rayon pool, and the parts
//! are merged back in order as they come, so memory holds only the blocks in flight and the
//! summary's own state. A log whose items span lines (a JSON array, pretty-printed values)
//! offers no such cut and is read in one pass.

use cc_number_events::{SummarizeOptions, Summarizer, Summary};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::mpsc;

/// Bytes of a block handed to one core: small enough that the blocks in flight (one per core,
/// plus one being read) stay well under the summary's own memory, large enough that merging
/// parts costs little next to reading them.
const BLOCK: usize = 8 << 20;
/// Bytes read at a time.
const CHUNK: usize = 1 << 20;
/// Lines looked at, from a block's end back, for a place to cut it.
const CUT_TRIES: usize = 64;

/// Whether `line` (without its line break) is one whole JSON value: the test of an item's end.
fn whole_value(line: &[u8]) -> bool {
    let line = line.trim_ascii();
    matches!(line.first(), Some(b'{' | b'[')) && serde_json::from_slice::<IgnoredAny>(line).is_ok()
}

/// Where to cut `buf`: just after a line break between two lines that are each a whole JSON
/// value (so an item ends there and the next starts), the latest such place found within
/// [`CUT_TRIES`] lines of the end.
fn cut(buf: &[u8]) -> Option<usize> {
    // Line breaks from the end: the text after the last one is an unfinished line.
    let mut breaks = buf
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i);
    let mut after_end = breaks.next()?;
    for _ in 0..CUT_TRIES {
        let at = breaks.next()?;
        let before_start = buf[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        if whole_value(&buf[at + 1..after_end]) && whole_value(&buf[before_start..at]) {
            return Some(at + 1);
        }
        after_end = at;
    }
    None
}

/// Reads until `buf` holds `want` bytes or the input ends; whether it ended.
fn fill(r: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    let mut chunk = vec![0u8; CHUNK];
    while buf.len() < want {
        let n = match r.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(false)
}

/// The summarizer for part `index` of a log.
fn part(index: usize, options: &SummarizeOptions) -> Summarizer {
    if index == 0 {
        Summarizer::new(options.clone())
    } else {
        Summarizer::following(options.clone())
    }
}

/// Parts summarized so far, merged into one as soon as every part before them is.
struct Merged {
    merged: Option<Summarizer>,
    next: usize,
    waiting: BTreeMap<usize, Summarizer>,
}

impl Merged {
    fn add(&mut self, index: usize, s: Summarizer) {
        self.waiting.insert(index, s);
        while let Some(s) = self.waiting.remove(&self.next) {
            match &mut self.merged {
                Some(m) => m.merge(s),
                None => self.merged = Some(s),
            }
            self.next += 1;
        }
    }
}

/// Summarizes `head` and then everything `input` holds, its line-delimited stretches on every
/// core. Must not run on a rayon worker: it waits for the parts it hands to the pool.
pub fn summarize(
    input: &mut dyn Read,
    head: Vec<u8>,
    options: &SummarizeOptions,
) -> io::Result<Summary> {
    let cores = rayon::current_num_threads();
    let (done_tx, done_rx) = mpsc::channel::<(usize, Summarizer)>();
    let mut merged = Merged {
        merged: None,
        next: 0,
        waiting: BTreeMap::new(),
    };
    let (mut sent, mut in_flight) = (0usize, 0usize);
    let mut buf = head;
    // Once a block offers no cut, the rest of the log is read in one pass, here.
    let mut rest: Option<Summarizer> = None;
    let mut ended = false;
    while !ended {
        if let Some(s) = &mut rest {
            buf.clear();
            ended = fill(input, &mut buf, CHUNK)?;
            s.push(&buf);
            continue;
        }
        ended = fill(input, &mut buf, BLOCK)?;
        let at = if ended || cores == 1 { None } else { cut(&buf) };
        let Some(at) = at else {
            if ended && cores > 1 && sent > 0 {
                // The last block: a part like the others.
                let block = std::mem::take(&mut buf);
                spawn(sent, block, options, &done_tx);
                sent += 1;
                in_flight += 1;
            } else {
                let mut s = part(sent, options);
                sent += 1;
                s.push(&buf);
                buf.clear();
                rest = Some(s);
            }
            continue;
        };
        let tail = buf.split_off(at);
        spawn(sent, std::mem::replace(&mut buf, tail), options, &done_tx);
        sent += 1;
        in_flight += 1;
        // At most one block per core in flight, and one being read.
        while in_flight > cores {
            let (i, s) = done_rx.recv().map_err(io::Error::other)?;
            merged.add(i, s);
            in_flight -= 1;
        }
    }
    while in_flight > 0 {
        let (i, s) = done_rx.recv().map_err(io::Error::other)?;
        merged.add(i, s);
        in_flight -= 1;
    }
    if let Some(s) = rest {
        merged.add(sent - 1, s);
    }
    let summarizer = merged.merged.unwrap_or_else(|| part(0, options));
    Ok(summarizer.finish())
}

/// Summarizes block `index` on the rayon pool and sends it back.
fn spawn(
    index: usize,
    block: Vec<u8>,
    options: &SummarizeOptions,
    done: &mpsc::Sender<(usize, Summarizer)>,
) {
    let (options, done) = (options.clone(), done.clone());
    rayon::spawn(move || {
        let mut s = part(index, &options);
        s.push(&block);
        drop(block);
        // The receiver waits for every part it sent; it is gone only if it failed.
        let _ = done.send((index, s));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_only_between_two_whole_lines() {
        let ndjson = b"{\"a\":1}\n{\"b\":2}\n{\"c\":";
        assert_eq!(cut(ndjson), Some(8));
        let pretty = b"{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n";
        assert_eq!(cut(pretty), None);
        let array = b"[\n{\"a\":1},\n{\"b\":2},\n{\"c\":3}\n]\n";
        assert_eq!(cut(array), None);
    }
}
