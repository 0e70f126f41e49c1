//! A window of a log's text: the part of it in memory, and where it stands in the whole log,
//! so that what is found in it is located in the whole log.

use crate::diagnostics::findings::{locate, Findings};
use crate::diagnostics::issue::Issue;
use crate::json::input::{damage_in, Damage};
use crate::text::position::{line_breaks, LineIndex};
use crate::text::slice::sub;
use crate::text::span::Span;
use std::cell::{Cell, OnceCell};

/// Where a window starts in its part of the log: what positions inside the window add.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Base {
    /// Line breaks before the window.
    pub lines: u64,
    /// UTF-16 code units before the window.
    pub utf16: u64,
    /// UTF-16 code units between the window and the line break before it.
    pub column: u64,
    /// Bytes between the window and the line break (`\n` or `\r`) before it.
    pub lead: usize,
}

/// A window of a log's text, and what locating in it needs.
pub(super) struct Window<'a> {
    pub src: &'a str,
    /// Made when an issue is located, or the window's end: a log of valid items needs none.
    lines: OnceCell<LineIndex<'a>>,
    /// The last byte [`Window::line_of`] was asked about, and its 1-based line in the window:
    /// asked in order (one item after another), each answer counts only the line breaks
    /// since.
    last: Cell<(usize, usize)>,
    base: Base,
    /// Issues have positions (not so for items that were already parsed).
    positions: bool,
    damage: &'a [Damage],
    damage_from: Option<Damage>,
}

impl<'a> Window<'a> {
    pub fn new(
        src: &'a str,
        base: Base,
        positions: bool,
        damage: &'a [Damage],
        damage_from: Option<Damage>,
    ) -> Self {
        Window {
            src,
            lines: OnceCell::new(),
            last: Cell::new((0, 1)),
            base,
            positions,
            damage,
            damage_from,
        }
    }

    /// The 1-based line of the log that holds byte `byte` of the window.
    pub fn line_of(&self, byte: usize) -> u32 {
        let (bytes, byte) = (self.src.as_bytes(), byte.min(self.src.len()));
        let line = match self.last.get() {
            (at, line) if at <= byte => line + line_breaks(bytes, at, byte),
            _ => match self.lines.get() {
                Some(index) => index.line_of(byte),
                None => 1 + line_breaks(bytes, 0, byte),
            },
        };
        self.last.set((byte, line));
        clamp(self.base.lines + line as u64)
    }

    /// The index of the window's lines, made the first time it is needed.
    fn lines(&self) -> &LineIndex<'a> {
        self.lines.get_or_init(|| LineIndex::new(self.src))
    }

    /// `f` as located issues in the log (errors, then warnings), at most `max` of them
    /// without the `too-many-issues` warning (see [`crate::summary::listing`]), and how many
    /// there are.
    pub fn locate(&self, f: Findings, max: usize) -> (Vec<Issue>, usize) {
        let total = f.total();
        let (mut issues, mut warnings): (Vec<Issue>, _) =
            locate(f, self.positions.then(|| self.lines()), max);
        if total > max.max(1) {
            warnings.pop();
        }
        issues.append(&mut warnings);
        for i in &mut issues {
            if let (Some(line), Some(column), Some(offset)) = (i.line, i.column, i.offset) {
                if line == 1 {
                    i.column = Some(clamp(u64::from(column) + self.base.column));
                }
                i.line = Some(clamp(u64::from(line) + self.base.lines));
                i.offset = Some(clamp(u64::from(offset) + self.base.utf16));
            }
        }
        (issues, total)
    }

    /// The repairs of the input in `[start, end)`, and how many are invalid UTF-8.
    pub fn damage_in(&self, start: usize, end: usize) -> (Vec<Damage>, usize) {
        let lo = self.damage.partition_point(|d| d.at < start);
        let hi = self.damage.partition_point(|d| d.at < end);
        damage_in(
            self.src,
            &self.damage[lo..hi],
            self.damage_from,
            (start, end),
        )
    }

    /// The base of the window that starts `n` bytes into this one.
    pub fn advanced(&self, n: usize) -> Base {
        let p = self.lines().locate(Span::new(n, n));
        let b = self.base;
        Base {
            lines: b.lines + u64::from(p.line) - 1,
            utf16: b.utf16 + u64::from(p.offset),
            column: u64::from(p.column) - 1 + if p.line == 1 { b.column } else { 0 },
            lead: match sub(self.src, ..n).rfind(['\n', '\r']) {
                Some(i) => n - i - 1,
                None => b.lead + n,
            },
        }
    }
}

/// Positions past 4 Gi stay at the largest one a `u32` holds rather than wrap around.
fn clamp(n: u64) -> u32 {
    n.min(u64::from(u32::MAX)) as u32
}

impl Base {
    /// The base after this part's text and then `later`'s.
    pub(super) fn then(self, later: Base) -> Base {
        Base {
            lines: self.lines + later.lines,
            utf16: self.utf16 + later.utf16,
            column: if later.lines > 0 {
                later.column
            } else {
                self.column + later.column
            },
            lead: if later.lines > 0 {
                later.lead
            } else {
                self.lead + later.lead
            },
        }
    }
}
