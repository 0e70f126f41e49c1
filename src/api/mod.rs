//! Layer 9, the crate's public functions: the checks, the summary and the renderings put
//! together. Uses the layers below.

#[cfg(feature = "serde")]
pub(crate) mod objects;
pub(crate) mod receive;
pub(crate) mod reconcile;
pub(crate) mod redact;
pub(crate) mod summarize;
pub(crate) mod summarizer;
pub(crate) mod validate;
