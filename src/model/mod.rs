//! Layer 4, the notification as typed Rust values: events (owned, and borrowed as
//! `EventRef`), changes, options, reports, timestamps, and the formats and vocabularies of
//! each field. Uses the layers below.

pub(crate) mod country_codes;
pub(crate) mod event_ref;
pub(crate) mod formats;
pub(crate) mod iso_text;
#[cfg(feature = "serde")]
pub(crate) mod serde_impls;
pub(crate) mod timestamp;
mod types;
pub(crate) mod vocab;

pub use types::*;
