//! Parse, validate and summarize RingCentral "Contact Center phone number" event
//! notifications.
//!
//! The core is plain Rust and works natively; [`wasm`] holds every WebAssembly export and is
//! compiled only for `wasm32`. Positions are in UTF-16 code units, as JavaScript counts them
//! (see [`position`]).

pub mod boundary;
mod change;
pub mod codes;
mod detect;
mod fast;
mod findings;
mod input;
pub mod json;
mod log;
mod map;
pub mod model;
mod order;
pub mod position;
mod quote;
mod render;
mod rules;
pub mod summary;
pub mod timestamp;
mod validate;
mod vocab;
pub mod write;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use change::{change_of, effect_of};
pub use codes::{Code, Severity};
pub use model::{
    Body, Change, Delivery, Effect, Event, EventType, Issue, Kind, NumberType, Options,
    PhoneNumberInfo, Provider, Report,
};
pub use summary::{summarize, summarize_tree, Summary, SummaryOptions};
pub use validate::{parse, validate, validate_tree, ParseError};
pub use write::ToJson;
