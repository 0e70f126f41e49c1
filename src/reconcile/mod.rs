//! Layer 7, reconciling a log against RingCentral's phone-number lists: the lists read from
//! their REST responses ([`snapshot`]), the log folded per number ([`logged`]), and the
//! findings where the three disagree ([`compare`]). Uses the layers below, the summary's
//! pass over the log above all.

pub(crate) mod compare;
pub(crate) mod logged;
#[cfg(feature = "serde")]
pub(crate) mod options;
pub(crate) mod snapshot;
mod snapshot_record;
mod types;

pub use types::*;

/// `s` as a `String`, made out of line: the copy inlined at each of this layer's fifteen
/// calls cost the module 0.9 KB more than the calls do (0.3 KB gzip), and at its and the
/// renderings' dozen fixed texts (`"...".into()`) 0.6 KB more again (0.6 KB gzip).
#[inline(never)]
pub(crate) fn owned(s: &str) -> String {
    s.to_string()
}
