//! Layer 4, the notification as typed Rust values: events, changes, options, reports,
//! timestamps and the vocabularies of each field. Uses the layers below.

pub(crate) mod event_ref;
pub(crate) mod formats;
pub(crate) mod timestamp;
mod types;
pub(crate) mod vocab;

pub use types::*;
