//! Layer 6, summarizing a log: splitting it into items, reading them one by one, then
//! timelines, groups and the lists within the output's limits. Uses the layers below.

mod items;
mod listing;
pub(crate) mod log;
pub(crate) mod numbers;
#[cfg(feature = "serde")]
pub(crate) mod options;
#[cfg(feature = "serde")]
mod parsed;
mod pass;
mod reader;
mod records;
pub(crate) mod stream;
mod summarize;
mod timelines;
mod uuids;
mod visit;
mod window;

pub(crate) use listing::output_limit;
#[cfg(feature = "serde")]
pub(crate) use parsed::{summarize_parsed, ParsedLog};
pub use summarize::*;
pub(crate) use visit::SeenNumber;
