//! Parse, validate and summarize RingCentral "Contact Center phone number" event
//! notifications.
//!
//! The core is plain Rust and works natively; [`js::wasm`] holds every WebAssembly export and is
//! compiled only for `wasm32`. Positions are in UTF-16 code units, as JavaScript counts them
//! (see [`position`]).
//!
//! With the default `serde` feature, the results are `Serialize` and the event and options
//! `Deserialize`, under the names JavaScript sees: `serde_json::to_string(&report)` is the JSON
//! of the objects the npm package returns.
//!
//! ```
//! # #[cfg(feature = "serde")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use cc_number_events::{validate, ContactCenterEvent, Options};
//!
//! let body = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber"}}}"#;
//! let options: Options = serde_json::from_str(r#"{"strict": true, "maxIssues": 10}"#)?;
//! let report = validate(body, &options);
//! let json = serde_json::to_string(&report)?;
//! assert!(json.starts_with(r#"{"valid":true,"kind":"contactCenterPhoneNumber","delivery":"webhook","errors":[]"#));
//! if let Some(event) = &report.event {
//!     let again: ContactCenterEvent = serde_json::from_str(&serde_json::to_string(event)?)?;
//!     assert_eq!(&again, event);
//! }
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "serde"))]
//! # fn main() {}
//! ```

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

pub use api::summarize::{summarize, summarize_tree};
pub use api::validate::{parse, validate, validate_tree};
pub use checks::change::{change_of, effect_of};
pub use checks::validate::ParseError;
pub use diagnostics::codes::{Code, Severity};
pub use diagnostics::issue::Issue;
pub use model::{
    Body, Change, ContactCenterEvent, ContactCenterProvider, Delivery, Effect, EventType, Kind,
    NumberType, Options, PhoneNumberInfo, Report,
};
pub use summary::{SummarizeOptions, Summary};
