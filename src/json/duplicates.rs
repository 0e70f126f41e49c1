//! Duplicate member names: the parser's check that no object names a member twice.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::order::stable_order;
use crate::diagnostics::problem::Problem;
use crate::json::parser::{Parser, PathSeg, SCANNED};
use crate::json::tree::Member;
use crate::text::span::Span;

impl<'a> Parser<'a> {
    /// Notes each member after the first [`SCANNED`] whose name an earlier member has. Sorted
    /// by name, a stable sort keeping equal names in document order, every name equal to the
    /// one before it is a duplicate: a hostile object with a million members costs a sort, not
    /// a million scans, and no hashing (whose keys, in WebAssembly, would have to come from
    /// JavaScript, and whose code is 2.3 KB of the validate-only module).
    pub(super) fn note_late_duplicates(&mut self, members: &[Member<'a>]) {
        let order = stable_order(members.len(), |a, b| members[a].key < members[b].key);
        let mut late = vec![false; members.len()];
        for pair in order.windows(2) {
            if members[pair[0]].key == members[pair[1]].key {
                late[pair[1]] = true;
            }
        }
        for (m, late) in members.iter().zip(late).skip(SCANNED) {
            if !late {
                continue;
            }
            if self.track_path {
                self.path.push(PathSeg::Key(m.key.clone()));
            }
            self.note_duplicate(&m.key, m.key_span);
            if self.track_path {
                self.path.pop();
            }
        }
    }

    pub(super) fn note_duplicate(&mut self, key: &str, key_span: Span) {
        self.note(|p| Problem {
            code: IssueCode::JsonDuplicateKey,
            span: key_span,
            detail: format!(
                "the member `{}` appears more than once in this object",
                crate::text::quote::clip(key)
            ),
            hint: Some("JSON parsers disagree on which copy wins; keep exactly one".into()),
            path: p.path_strings(),
        });
    }
}
