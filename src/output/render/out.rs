//! A rendering that stops at a size limit, on a whole line, and says so.

/// Text written line by line up to `limit` bytes; a line that would not fit is dropped, and
/// so is everything after it, and [`Out::finish`] ends the text with a marker saying it was
/// cut. Lines are built one at a time, so the work past the limit is at most one line.
pub(crate) struct Out {
    buf: String,
    limit: usize,
    full: bool,
}

impl Out {
    /// `limit` is the most bytes of the finished text, marker included: the lines get what
    /// the longest marker leaves.
    pub fn new(limit: usize) -> Self {
        Out {
            buf: String::new(),
            limit: limit.saturating_sub(MARKER_ROOM),
            full: false,
        }
    }

    /// Whether a line has already been dropped: callers may stop building lines.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Appends `line` (which holds its own line break) if it fits.
    pub fn push(&mut self, line: &str) -> bool {
        if self.full || self.buf.len() + line.len() > self.limit {
            self.full = true;
            return false;
        }
        self.buf.push_str(line);
        true
    }

    /// The text, and whether it was cut; `marker` (which names the limit) ends a cut text.
    pub fn finish(mut self, marker: impl FnOnce(usize) -> String) -> (String, bool) {
        if self.full {
            let m = marker(self.limit + MARKER_ROOM);
            debug_assert!(m.len() <= MARKER_ROOM);
            self.buf.push_str(&m);
        }
        (self.buf, self.full)
    }
}

/// Room kept for the marker at the end of a cut rendering.
const MARKER_ROOM: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_whole_lines_up_to_the_limit_then_marks_the_cut() {
        let mut out = Out::new(MARKER_ROOM + 10);
        assert!(out.push("12345\n"));
        assert!(!out.push("123456\n"));
        assert!(out.is_full());
        assert!(!out.push("1\n"), "nothing after a dropped line");
        let (text, cut) = out.finish(|n| format!("[cut at {n}]\n"));
        assert_eq!(text, format!("12345\n[cut at {}]\n", MARKER_ROOM + 10));
        assert!(cut);
        let (text, cut) = Out::new(1000).finish(|_| unreachable!());
        assert_eq!((text.as_str(), cut), ("", false));
    }
}
