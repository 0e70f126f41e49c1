//! Layer 6, summarizing a log: splitting it into items, then counts, timelines, duplicates and
//! out-of-order items. Uses the layers below.

pub(crate) mod log;
mod parsed;
mod summarize;

pub(crate) use parsed::summarize_parsed;
pub use summarize::*;
