//! Layer 8, what callers are handed: the text, Markdown and CSV renderings, and the tokens
//! that carry values to JavaScript. Uses the layers below.

#[cfg(feature = "serde")]
pub(crate) mod numbers;
pub(crate) mod render;
pub(crate) mod schema;
#[cfg(feature = "serde")]
pub mod shapes;
#[cfg(feature = "serde")]
mod tags;
#[cfg(feature = "serde")]
mod units;
#[cfg(feature = "serde")]
pub mod write;
