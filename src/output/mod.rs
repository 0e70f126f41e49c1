//! Layer 7, what callers are handed: the text, Markdown and CSV renderings, and JSON as text
//! or as the tokens that cross to JavaScript. Uses the layers below.

pub(crate) mod json_out;
pub(crate) mod render;
pub mod write;
