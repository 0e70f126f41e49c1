//! Layer 3, reading JSON text: decoding the input's bytes, the parser and its tree of spanned
//! values, and the hash maps the layers above key by. Uses `text` and `diagnostics`.

mod duplicates;
#[cfg(feature = "serde")]
mod from_value;
pub(crate) mod input;
pub(crate) mod map;
mod parser;
mod scalars;
mod tree;

#[cfg(feature = "serde")]
pub use from_value::{tree_from, unseen_duplicates, TreeLimits};
pub use parser::{skip_whitespace, Parser};
pub(crate) use scalars::string_run;
pub use tree::*;
