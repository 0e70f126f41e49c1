//! Parse, validate and summarize RingCentral "Contact Center phone number" event
//! notifications.
//!
//! The core is plain Rust and works natively; [`js::wasm`] holds every WebAssembly export and is
//! compiled only for `wasm32`. Positions are in UTF-16 code units, as JavaScript counts them
//! (see [`position`]).

// The layers, each a folder, in the one direction imports may point (tests/layers.rs holds
// every `crate::` path to it): a module uses only its own layer and the ones listed above it.
mod api;
mod checks;
mod diagnostics;
pub mod js;
pub mod json;
pub mod model;
pub mod output;
pub mod summary;
mod text;

pub use api::objects::{parse_value, summarize_values, validate_value};
pub use api::summarize::{summarize, summarize_tree};
pub use api::validate::{parse, validate, validate_tree};
pub use checks::change::{change_of, effect_of};
pub use checks::validate::ParseError;
pub use diagnostics::codes::{Code, Severity};
pub use diagnostics::issue::Issue;
pub use model::{
    Body, Change, Delivery, Effect, Event, EventType, Kind, NumberType, Options, PhoneNumberInfo,
    Provider, Report,
};
pub use output::write::ToJson;
pub use summary::{Summary, SummaryOptions};
