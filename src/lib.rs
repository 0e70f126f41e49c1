//! Parse, validate and summarize RingCentral "Contact Center phone number" event
//! notifications.
//!
//! [`validate`] judges one notification (a webhook body or a WebSocket frame) and returns a
//! [`Report`]: whether it is valid, every problem as an [`Issue`] located by line and column,
//! and the normalised [`ContactCenterEvent`] with the [`Change`] it makes. [`parse`] returns the event or
//! the issues. [`summarize`] reads a whole log (NDJSON, JSON arrays, frames) into a
//! [`Summary`]: counts, problems, each number's timeline, duplicates and the net effect.
//!
//! ```
//! use cc_number_events::{validate, ValidateOptions};
//!
//! let body = br#"{"uuid":"2661273919712564939",
//!   "event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber",
//!   "timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4",
//!   "ownerId":"8475874957","body":{"eventType":"Deleted",
//!   "phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741"}}}"#;
//! let report = validate(body, &ValidateOptions::default());
//! assert!(report.valid);
//! let change = report.change.unwrap();
//! assert_eq!(change.effect.as_str(), "removed");
//! assert_eq!(change.sentence, "Contact Center number +12024999741 (id 987654321) was deleted \
//!     from account 37439510 at 2023-04-18 20:25:24 UTC.");
//! ```
//!
//! Nothing here panics on input: broken JSON, wrong types and hostile sizes are issues in the
//! report. Positions are 1-based lines and columns counted in UTF-16 code units, as JavaScript
//! counts them, so the same numbers work in Rust, in the npm package and in an editor. The
//! WebAssembly exports (the `js` layer) are compiled only for `wasm32`, and use only what this
//! root exports (`__private` included).
//!
//! With the default `serde` feature, the results are `Serialize` and the event and options
//! `Deserialize`, under the names JavaScript sees: `serde_json::to_string(&report)` is the JSON
//! of the objects the npm package returns.
//!
//! ```
//! # #[cfg(feature = "serde")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use cc_number_events::{validate, ContactCenterEvent, ValidateOptions};
//!
//! let body = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Created","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber"}}}"#;
//! let options: ValidateOptions = serde_json::from_str(r#"{"strict": true, "maxIssues": 10}"#)?;
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
// The boundary sends every value to JavaScript through the token serializer, a serde
// `Serializer`, and reads options through serde-wasm-bindgen: it needs the `serde` feature.
#[cfg(feature = "serde")]
mod js;
mod json;
mod model;
mod output;
mod reconcile;
mod summary;
mod text;

#[cfg(feature = "serde")]
pub use api::objects::{parse_value, summarize_values, validate_value};
pub use api::receive::{
    body_empty, receive, AnswerHeaders, Outcome, ReceiveOptions, Received, RecentUuids,
    ReplayStore, MAX_ECHO_BYTES,
};
pub use api::reconcile::reconcile;
pub use api::summarize::{summarize, summarize_tree};
pub use api::summarizer::Summarizer;
pub use api::validate::{parse, validate, validate_tree};
pub use checks::change::{change_of, effect_of};
pub use checks::validate::InvalidEventError;
pub use diagnostics::codes::{IssueCode, Severity};
pub use diagnostics::issue::Issue;
pub use model::timestamp::{Instant, TimestampError};
pub use model::{
    Body, Change, ContactCenterEvent, ContactCenterProvider, ControlFrame, Delivery, Effect,
    EventType, FrameType, Kind, NumberType, PhoneNumberInfo, Report, ValidateOptions,
};
pub use output::schema::json_schema;
pub use reconcile::{
    FindingKind, ReconcileCounts, ReconcileFinding, ReconcileInput, ReconcileOptions,
    Reconciliation, SnapshotRecord, SnapshotReport, MAX_EVIDENCE_LINES,
};
pub use summary::{SummarizeOptions, Summary};

/// Not part of the API, and not stable: what the JavaScript boundary (`src/js/`) needs of the
/// crate's insides, and the boundary's own encodings and hooks for the tests, as serde_json's
/// `__private`. The boundary reaches the crate only through the exports above and this module
/// (tests/layers.rs checks), so that it could become a crate of its own.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "serde")]
    pub use crate::api::objects::{validate_clean_value, CleanValue, ValuesLog};
    pub use crate::api::receive::{admit, carries_validation_token, settle};
    pub use crate::api::reconcile::reconcile_from;
    pub use crate::api::summarize::summarize_from;
    #[cfg(feature = "serde")]
    pub use crate::api::summarize::summarize_split;
    pub use crate::api::validate::{validate_fast_only, validate_fast_or, validate_from};
    pub use crate::checks::fast::clean;
    pub use crate::checks::fast::log_item_warnings;
    pub use crate::checks::templated::{Memo, Templated, Templating};
    pub use crate::checks::validate::event_or_error;
    pub use crate::diagnostics::issue::FoundIssue;
    pub use crate::json::input::FromJs;
    #[cfg(target_arch = "wasm32")]
    pub use crate::json::map::{draw_keys_with, keys as hash_keys};
    pub use crate::json::{Node, Parser, Value, HARD_MAX_DEPTH, MAX_VALUES};
    pub use crate::model::event_ref::EventRef;
    pub use crate::model::iso_text::iso_shaped;
    pub use crate::model::vocab::closest;
    pub use crate::model::{HARD_MAX_INPUT_BYTES, HARD_MAX_OUTPUT_BYTES};
    #[cfg(feature = "serde")]
    pub use crate::output::numbers::ABSENT as NO_VALUE;
    #[cfg(feature = "serde")]
    pub use crate::output::shapes::{Shape, SHAPES};
    #[cfg(feature = "serde")]
    pub use crate::output::write::{
        to_tokens, ARRAY, END, FALSE, KEY, NEW_KEY, NULL, NUMBER, OBJECT, SHAPE, STRING, TRUE,
    };
    pub use crate::text::compare::same_bytes;
    pub use crate::text::position::{utf16_units, Utf16Offsets};
    pub use crate::text::push::joined_with;
    pub use crate::text::quote::clip;

    #[cfg(feature = "serde")]
    pub use crate::js::boundary::{
        summarize_js, summarize_js_split, summarize_too_large, summarize_without_memory,
        validate_js, validate_js_unclean, validate_too_large, validate_without_memory, NoMemory,
        ThrownError, MAX_LONE_SURROGATES,
    };
    #[cfg(feature = "serde")]
    pub use crate::js::encode::{
        clean_report, compact_report, compact_valid, fast_report, Spans, Values, ABSENT, IN_TEXT,
        REPORT_VALUES, SPLICED,
    };
    #[cfg(feature = "serde")]
    pub use crate::js::encoded::{
        Encoded, EVENT, INVALID, LANE_HEADER, SUMMARY, THROWN, TOKENS, VALID,
    };
    #[cfg(feature = "serde")]
    pub use crate::js::held::{Held, HELD, HELD_SLOTS, HOLD};
    #[cfg(feature = "serde")]
    pub use crate::js::issues::{invalid_report, issues};
    #[cfg(feature = "serde")]
    pub use crate::js::options::{
        options_from_js, options_from_json, options_object_error, parse_options_from_json,
        summary_options_from_json, unknown_option, GivenOptions, OptionValue, OptionsOf,
        PARSE_OPTION_NAMES, SUMMARY_OPTION_NAMES, VALIDATE_OPTION_NAMES,
    };
    #[cfg(all(target_arch = "wasm32", feature = "js-summarize"))]
    pub use crate::js::summarize::summarize;
    #[cfg(feature = "serde")]
    pub use crate::js::templates::{Templates, NEW_TEMPLATE, TEMPLATE, TEMPLATE_SLOTS};
    #[cfg(all(target_arch = "wasm32", feature = "serde"))]
    pub use crate::js::wasm::{hash_keys as exports_hash_keys, parse, validate};
    #[cfg(feature = "serde")]
    pub use crate::js::TYPESCRIPT;
}

// On wasm32 this crate is the npm package's module, whose exports send every value through
// the token serializer, a serde `Serializer`.
#[cfg(all(target_arch = "wasm32", not(feature = "serde")))]
compile_error!("the WebAssembly build needs the `serde` feature (on by default)");

// The README's Rust examples compile as doctests, as the crate's own do.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
