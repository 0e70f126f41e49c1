//! Layer 5, judging one notification: detection of its kind, the envelope and body rules, the
//! tree-free fast reader and the change an event makes. Uses the layers below.

pub(crate) mod change;
pub(crate) mod detect;
pub(crate) mod fast;
pub(crate) mod rules;
pub(crate) mod validate;
