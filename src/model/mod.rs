//! Layer 4, the notification as typed Rust values: events (owned, and borrowed as
//! `EventRef`), changes, options, reports, timestamps, and the formats and vocabularies of
//! each field. Uses the layers below.

pub(crate) mod event_ref;
pub(crate) mod formats;
#[cfg(feature = "serde")]
pub(crate) mod serde_impls;
pub(crate) mod timestamp;
mod types;
pub(crate) mod vocab;

pub use types::*;
// The names these types had before they took their TypeScript names, kept inside the crate
// while the checks are reworked on other branches; to go once those are merged.
pub(crate) use types::{ContactCenterEvent as Event, ContactCenterProvider as Provider};
