//! Layer 2, what can be wrong: the error codes, problems met while reading, findings on the
//! way and the located issues handed to callers. Uses only `text`.

pub(crate) mod codes;
pub(crate) mod findings;
pub(crate) mod issue;
pub(crate) mod order;
pub(crate) mod problem;
