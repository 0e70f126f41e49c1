//! Layer 6, summarizing a log: splitting it into items, then counts, timelines, duplicates and
//! out-of-order items. Uses the layers below.

pub(crate) mod log;
#[cfg(feature = "serde")]
pub(crate) mod options;
mod summarize;

pub use summarize::*;
// The name `SummarizeOptions` had before it took its TypeScript name, kept inside the crate
// while the boundary is reworked on other branches; to go once those are merged.
pub(crate) use summarize::SummarizeOptions as SummaryOptions;
