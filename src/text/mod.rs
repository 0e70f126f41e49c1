//! Layer 1, the leaves: byte spans, line and column positions (1-based, UTF-16 columns) and
//! the quoting of text into messages. Imports nothing from the crate.

pub(crate) mod compare;
pub(crate) mod decimal;
pub(crate) mod mask;
pub(crate) mod position;
pub(crate) mod push;
pub(crate) mod quote;
pub(crate) mod slice;
pub(crate) mod span;
