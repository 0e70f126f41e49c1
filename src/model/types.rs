//! The normalised event and the report handed to callers.

use crate::diagnostics::issue::Issue;
#[cfg(feature = "serde")]
use crate::json::HARD_MAX_DEPTH;
use crate::model::timestamp::Instant;

/// Caller's choices. Limits guard against hostile input; defaults suit real traffic.
///
/// Deserialized from the object JavaScript callers pass (`{"strict": true, "maxDepth": 10}`):
/// every member optional, unknown ones refused, limits of at least 1 and capped as in
/// JavaScript.
///
/// Unlike the result types, the options are not `#[non_exhaustive]`: they are meant to be
/// written as `ValidateOptions { strict: true, ..ValidateOptions::default() }`, and every option
/// added later comes with a default, so such code keeps compiling.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(default, rename_all = "camelCase", deny_unknown_fields)
)]
pub struct ValidateOptions {
    /// Unknown members and unknown values of `paymentType`, `usageType` and `status` become
    /// errors instead of warnings.
    pub strict: bool,
    /// Largest input accepted, in bytes (default 16 MiB: real notifications are under 2 KB,
    /// and the parse tree of a hostile document can take some 15 times its size).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::model::serde_impls::limit::<_, HARD_MAX_INPUT_BYTES>")
    )]
    pub max_input_bytes: usize,
    /// Deepest nesting of objects and arrays accepted (default 64; never more than 2,000).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::model::serde_impls::limit::<_, HARD_MAX_DEPTH>")
    )]
    pub max_depth: usize,
    /// Most issues listed for one payload (default 100); the rest are counted in one
    /// `too-many-issues` warning.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::model::serde_impls::limit::<_, { usize::MAX }>")
    )]
    pub max_issues: usize,
    /// Also render the report as plain text in [`Report::text`] (`validate` only).
    pub text: bool,
    /// Also render the report as Markdown in [`Report::markdown`] (`validate` only).
    pub markdown: bool,
    /// Also render the report's issues as CSV in [`Report::csv`] (`validate` only).
    pub csv: bool,
}

/// The most `maxInputBytes` can be, whatever is asked: past it a WebAssembly module could
/// not hold the input and the work it needs in its 4 GiB of memory.
pub const HARD_MAX_INPUT_BYTES: usize = 1 << 30;

/// The most `maxOutputBytes` can be, whatever is asked: each output of `summarize` must stay
/// well under the longest string JavaScript engines make (V8: 2^29 - 24 units).
pub const HARD_MAX_OUTPUT_BYTES: usize = 256 << 20;

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            strict: false,
            max_input_bytes: 16 << 20,
            max_depth: 64,
            max_issues: 100,
            text: false,
            markdown: false,
            csv: false,
        }
    }
}

/// What the input turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A Contact Center phone-number event (valid or not).
    ContactCenterPhoneNumber,
    /// A subscription renewal reminder (`/restapi/v1.0/subscription/~?threshold=...`).
    SubscriptionRenewal,
    /// A notification of another RingCentral event.
    OtherEvent,
    /// The empty body of the subscription validation request.
    ValidationRequest,
    /// One of the WebSocket frames that carry no notification but say something about the
    /// session (`ConnectionDetails`, `Heartbeat`, `ClientRequest`, `Error`): see
    /// [`Report::frame`].
    WebSocketControl,
    /// Valid JSON that is not a notification (a WebSocket frame of a type RingCentral does not
    /// send included).
    NotANotification,
    /// Text that is not JSON at all.
    Malformed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ContactCenterPhoneNumber => "contactCenterPhoneNumber",
            Kind::SubscriptionRenewal => "subscriptionRenewal",
            Kind::OtherEvent => "otherEvent",
            Kind::WebSocketControl => "websocketControl",
            Kind::ValidationRequest => "validationRequest",
            Kind::NotANotification => "notANotification",
            Kind::Malformed => "malformed",
        }
    }
}

/// The type of a WebSocket frame that carries no notification (its `meta.type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameType {
    /// The session's limits, sent when a connection opens or is recovered.
    ConnectionDetails,
    /// A keep-alive, from the client or answered by RingCentral.
    Heartbeat,
    /// A REST request carried over the WebSocket, or RingCentral's answer to one (creating
    /// the subscription, above all).
    ClientRequest,
    /// An error of the WebSocket gateway.
    Error,
}

impl FrameType {
    /// The `meta.type` RingCentral writes, e.g. `"ConnectionDetails"`.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameType::ConnectionDetails => "ConnectionDetails",
            FrameType::Heartbeat => "Heartbeat",
            FrameType::ClientRequest => "ClientRequest",
            FrameType::Error => "Error",
        }
    }

    /// The frame type `meta.type` names, exactly as RingCentral writes it.
    pub fn from_name(name: &str) -> Option<FrameType> {
        Some(match name {
            "ConnectionDetails" => FrameType::ConnectionDetails,
            "Heartbeat" => FrameType::Heartbeat,
            "ClientRequest" => FrameType::ClientRequest,
            "Error" => FrameType::Error,
            _ => return None,
        })
    }
}

/// What a WebSocket control frame (kind [`Kind::WebSocketControl`]) says.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ControlFrame {
    /// Its `meta.type`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub frame_type: FrameType,
    /// What it means, for a person: the session's limits, the subscription an answer created,
    /// the error's code and message. Quoted values are clipped and escaped as in messages.
    pub sentence: String,
}

/// How the notification was wrapped when it was pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Delivery {
    /// The envelope itself, as a WebHook POST body.
    WebHook,
    /// A WebSocket frame `[meta, envelope]`.
    WebSocket,
    /// The envelope under `pn_apns`, as Apple push delivery wraps it.
    Apns,
    /// Only the `body` object, without its envelope.
    BodyOnly,
    /// Nothing recognisable.
    Unknown,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::WebHook => "webhook",
            Delivery::WebSocket => "websocket",
            Delivery::Apns => "apns",
            Delivery::BodyOnly => "bodyOnly",
            Delivery::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventType {
    Created,
    Updated,
    Deleted,
}

impl EventType {
    pub const ALL: [EventType; 3] = [EventType::Created, EventType::Updated, EventType::Deleted];
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Created => "Created",
            EventType::Updated => "Updated",
            EventType::Deleted => "Deleted",
        }
    }
}

/// The number's capability, in the event documentation's vocabulary; the REST resource's
/// `VoiceOnly` and `FaxOnly` are read as `Voice` and `Fax`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberType {
    Voice,
    Fax,
    VoiceFax,
}

impl NumberType {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::Voice => "Voice",
            NumberType::Fax => "Fax",
            NumberType::VoiceFax => "VoiceFax",
        }
    }
    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "Voice" | "VoiceOnly" => Some(NumberType::Voice),
            "Fax" | "FaxOnly" => Some(NumberType::Fax),
            "VoiceFax" => Some(NumberType::VoiceFax),
            _ => None,
        }
    }
}

/// The Contact Center provider a number is routed to.
#[derive(Clone, Debug, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ContactCenterProvider {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub id: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub name: Option<String>,
}

/// The number the event is about. Members the payload did not carry are `None`, and left
/// out of the JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct PhoneNumberInfo {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub uri: Option<String>,
    /// Always a string, even when the payload gave a number.
    pub id: String,
    pub phone_number: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub payment_type: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub location: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none")
    )]
    pub number_type: Option<NumberType>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub usage_type: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub status: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub contact_center_provider: Option<ContactCenterProvider>,
}

/// The event's `body`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct Body {
    pub event_type: EventType,
    pub phone_number_info: PhoneNumberInfo,
}

/// A valid notification, normalised.
///
/// Deserializing reads back what serializing wrote (as `parse` returns it in JavaScript): it
/// checks types and that `timestamp` and `time` are real instants, not the notification's
/// rules; [`crate::parse`] the payload itself for those.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct ContactCenterEvent {
    pub uuid: String,
    pub event: String,
    /// The account from the event filter: digits, `~` (the subscriber's own) or the
    /// documentation's `{accountId}` placeholder.
    pub account_id: String,
    /// The timestamp as sent.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::model::serde_impls::timestamp_text")
    )]
    pub timestamp: String,
    /// The same instant, normalised.
    pub time: Instant,
    pub subscription_id: String,
    pub owner_id: String,
    pub body: Body,
}

/// What an event did to the account's Contact Center numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Effect {
    /// A new number created as a Contact Center number.
    Added,
    /// A Contact Center number deleted.
    Removed,
    /// An existing number converted to Contact Center.
    ConvertedIn,
    /// A Contact Center number reassigned to another use.
    ReassignedAway,
    /// An `Updated` event for a number the log already shows as a Contact Center number: its
    /// fields changed (status, provider...). Only a summary ([`crate::summarize`]) can tell this apart from
    /// [`Effect::ConvertedIn`]; one event alone cannot.
    Updated,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Added => "added",
            Effect::Removed => "removed",
            Effect::ConvertedIn => "convertedIn",
            Effect::ReassignedAway => "reassignedAway",
            Effect::Updated => "updated",
        }
    }
    /// Whether the number is a Contact Center number after this event.
    pub fn leaves_number_in(self) -> bool {
        matches!(self, Effect::Added | Effect::ConvertedIn | Effect::Updated)
    }
}

/// One event's change, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub struct Change {
    /// `created`, `updated` or `deleted`.
    pub action: &'static str,
    pub effect: Effect,
    pub phone_number: String,
    pub id: String,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none")
    )]
    pub number_type: Option<NumberType>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub usage_type: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub provider: Option<ContactCenterProvider>,
    pub account_id: String,
    pub time: Instant,
    pub sentence: String,
}

/// The verdict on one payload.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Report {
    /// True only for a Contact Center phone-number event without errors.
    pub valid: bool,
    pub kind: Kind,
    pub delivery: Delivery,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// What a WebSocket control frame says, for kind [`Kind::WebSocketControl`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub frame: Option<ControlFrame>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub event: Option<ContactCenterEvent>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub change: Option<Change>,
    /// The report as plain text, when [`ValidateOptions::text`] asked for it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub text: Option<String>,
    /// The report as Markdown, when [`ValidateOptions::markdown`] asked for it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub markdown: Option<String>,
    /// The report's issues as CSV, when [`ValidateOptions::csv`] asked for it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub csv: Option<String>,
}

impl Report {
    /// Whether the report carries a rendering (text, Markdown or CSV).
    pub fn has_renderings(&self) -> bool {
        self.text.is_some() || self.markdown.is_some() || self.csv.is_some()
    }
}
