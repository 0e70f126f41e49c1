//! Layer 5, judging one notification: detection of its kind, the envelope and body rules, the
//! tree-free fast reader and the change an event makes. Uses the layers below.

mod body;
pub(crate) mod change;
mod control;
pub(crate) mod detect;
mod envelope;
pub(crate) mod fast;
mod fast_checked;
mod fast_fields;
mod fast_read;
mod fast_remarks;
#[cfg(feature = "serde")]
pub(crate) mod fast_value;
mod members;
mod phone;
pub(crate) mod remarks;
mod scan;
pub(crate) mod templated;
pub(crate) mod validate;
