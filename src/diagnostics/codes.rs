//! Every problem this crate can report, in one place.
//!
//! A code string is a promise to users who match on it: once published it never changes
//! meaning. Messages carry the detail of one occurrence; [`IssueCode::summary`] is the one-line
//! description used in the README's table and as a fallback.

/// How much a problem matters. Only errors make a payload invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $name:ident = $code:literal, $sev:ident, $strict:literal, $summary:literal; )*) => {
        /// The stable identity of a problem. New codes come as RingCentral's payloads and this
        /// crate's checks grow: match with a wildcard arm.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[doc = $doc])* $name, )*
        }

        impl IssueCode {
            /// Every code, in the order of the documentation.
            pub const ALL: &'static [IssueCode] = &[ $(IssueCode::$name,)* ];

            /// The stable machine-readable code, e.g. `"invalid-event-type"`.
            pub fn as_str(self) -> &'static str {
                match self { $(IssueCode::$name => $code,)* }
            }

            /// The severity outside strict mode.
            pub fn default_severity(self) -> Severity {
                match self { $(IssueCode::$name => Severity::$sev,)* }
            }

            /// Whether `strict: true` turns this warning into an error.
            pub fn strict_makes_error(self) -> bool {
                match self { $(IssueCode::$name => $strict,)* }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(IssueCode::$name => $summary,)* }
            }
        }
    };
}

codes! {
    /// The bytes are not UTF-8.
    InvalidUtf8 = "invalid-utf8", Error, false,
        "The input holds bytes that are not valid UTF-8.";
    /// The bytes start with a UTF-16 byte order mark.
    Utf16Encoding = "utf16-encoding", Error, false,
        "The input is UTF-16; RingCentral sends UTF-8.";
    /// A UTF-8 byte order mark starts the text; it is skipped.
    ByteOrderMark = "byte-order-mark", Warning, false,
        "The text starts with a byte order mark, which JSON does not allow; it was skipped.";
    /// The text is larger than the `maxInputBytes` limit.
    InputTooLarge = "input-too-large", Error, false,
        "The input is larger than the configured limit.";
    /// The JSON text ends too early.
    JsonUnexpectedEnd = "json-unexpected-end", Error, false,
        "The JSON text ends before the value is complete (truncated payload).";
    /// A character that cannot stand where it stands.
    JsonUnexpectedCharacter = "json-unexpected-character", Error, false,
        "A character that JSON does not allow at this place.";
    /// A comma directly before `}` or `]`.
    JsonTrailingComma = "json-trailing-comma", Error, false,
        "A comma before the end of an object or array.";
    /// A `//` or `/*` comment.
    JsonComment = "json-comment", Error, false,
        "A comment; JSON has none.";
    /// An unescaped control character inside a string.
    JsonControlCharacter = "json-control-character", Error, false,
        "An unescaped control character (line break, tab, NUL...) inside a string.";
    /// A backslash escape JSON does not know.
    JsonInvalidEscape = "json-invalid-escape", Error, false,
        "A backslash escape that JSON does not define.";
    /// A `\uD800`-style escape without its other half.
    JsonLoneSurrogate = "json-lone-surrogate", Error, false,
        "A `\\uXXXX` escape that is half of a surrogate pair; the text is not valid Unicode.";
    /// A number that JSON's grammar does not allow.
    JsonInvalidNumber = "json-invalid-number", Error, false,
        "A number JSON does not allow (leading zero, bare minus, missing digits).";
    /// More text after the JSON value.
    JsonTrailingContent = "json-trailing-content", Error, false,
        "More text follows the JSON value.";
    /// Nesting deeper than the `maxDepth` limit.
    JsonTooDeep = "json-too-deep", Error, false,
        "Objects and arrays nest deeper than the configured limit.";
    /// The same member name twice in one object.
    JsonDuplicateKey = "json-duplicate-key", Error, false,
        "The same member name appears twice in one object.";
    /// An already-parsed value: duplicate keys, if the text had any, are gone unseen.
    DuplicateKeysUnseen = "duplicate-keys-unseen", Warning, false,
        "An already-parsed object was passed: its parser kept one of each duplicate key, so they cannot be reported.";
    /// A number JavaScript cannot hold exactly (an integer past 2^53).
    NumberNotExact = "number-not-exact", Warning, false,
        "An integer past 2^53 in an already-parsed value: JavaScript holds it only approximately.";
    /// An empty body: the subscription validation request.
    ValidationRequest = "validation-request", Error, false,
        "An empty body: this is the subscription validation request, not a notification.";
    /// Valid JSON that is no RingCentral notification.
    NotANotification = "not-a-notification", Error, false,
        "Valid JSON, but not a RingCentral notification.";
    /// A notification of another RingCentral event.
    OtherEvent = "other-event", Error, false,
        "A notification of another RingCentral event, not a Contact Center phone-number event.";
    /// A subscription renewal reminder.
    SubscriptionRenewal = "subscription-renewal", Error, false,
        "A subscription renewal reminder, not a Contact Center phone-number event.";
    /// A bare `body` with no envelope around it.
    EnvelopeMissing = "envelope-missing", Error, false,
        "The event body was given without its envelope (uuid, event, timestamp...).";
    /// An array that is not a `[meta, envelope]` WebSocket frame.
    WebSocketFrame = "websocket-frame", Error, false,
        "An array that is not a WebSocket frame `[meta, envelope]`.";
    /// A WebSocket frame that carries no notification.
    WebSocketNotNotification = "websocket-not-notification", Error, false,
        "A WebSocket frame whose `meta.type` is not `ServerNotification`.";
    /// A WebSocket control frame (`ConnectionDetails`, `Heartbeat`, `ClientRequest`,
    /// `Error`): no notification, but something to know about the session.
    WebSocketControlFrame = "websocket-control-frame", Error, false,
        "A WebSocket `ConnectionDetails`, `Heartbeat`, `ClientRequest` or `Error` frame: no notification; the message (and the report's `frame`) says what it means.";
    /// `meta.messageId` differs from the envelope's `uuid`.
    WebSocketMessageId = "websocket-message-id", Warning, false,
        "The WebSocket frame's `messageId` differs from the notification's `uuid`.";
    /// A required member is absent.
    MissingField = "missing-field", Error, false,
        "A member this event cannot do without is missing.";
    /// A member holds the wrong JSON type.
    WrongType = "wrong-type", Error, false,
        "A member holds the wrong JSON type.";
    /// A member this event does not define.
    UnknownField = "unknown-field", Warning, true,
        "A member this event does not define (RingCentral adds fields over time).";
    /// `uuid` is neither a numeric id nor an RFC 4122 UUID.
    InvalidUuid = "invalid-uuid", Error, false,
        "`uuid` is neither an 18-20 digit numeric id nor an RFC 4122 UUID.";
    /// `event` is not this event's filter.
    InvalidEventFilter = "invalid-event-filter", Error, false,
        "`event` is not `/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber`.";
    /// `event` still holds the literal `{accountId}` of the documentation.
    EventFilterPlaceholder = "event-filter-placeholder", Warning, false,
        "`event` holds the documentation's literal `{accountId}` placeholder.";
    /// `timestamp` is not an ISO 8601 instant with a zone.
    InvalidTimestamp = "invalid-timestamp", Error, false,
        "`timestamp` is not a real ISO 8601 date and time with a zone.";
    /// `subscriptionId` is not a UUID.
    SubscriptionIdFormat = "subscription-id-format", Warning, false,
        "`subscriptionId` is not a UUID (doc samples hold placeholders; real ones are UUIDs).";
    /// An id that is not a string of digits.
    InvalidId = "invalid-id", Error, false,
        "An id that is empty, or not a string of digits where the id is numeric.";
    /// An id given as a JSON number; it is normalised to a string.
    NumericId = "numeric-id", Warning, false,
        "An id given as a JSON number; it was normalised to a string.";
    /// `eventType` is not `Created`, `Updated` or `Deleted`.
    InvalidEventType = "invalid-event-type", Error, false,
        "`eventType` is not `Created`, `Updated` or `Deleted`.";
    /// `phoneNumber` is not E.164.
    InvalidPhoneNumber = "invalid-phone-number", Error, false,
        "`phoneNumber` is not in E.164 format (`+`, country code, at most 15 digits).";
    /// `phoneNumber` starts with a country calling code that ITU-T has assigned to no
    /// country or service (`+999…`).
    UnassignedCountryCode = "unassigned-country-code", Error, false,
        "`phoneNumber` starts with a country calling code ITU-T has assigned to no country (`+999…`).";
    /// A `+1` `phoneNumber` whose area code starts with 0 or 1, which no North American
    /// area code does.
    InvalidAreaCode = "invalid-area-code", Error, false,
        "A North American (`+1`) `phoneNumber` whose area code starts with 0 or 1.";
    /// `uri` is not a RingCentral phone-number resource link.
    InvalidUri = "invalid-uri", Error, false,
        "`uri` is not a link to a RingCentral phone-number resource.";
    /// `uri` is empty, as in one documentation sample.
    EmptyUri = "empty-uri", Warning, false,
        "`uri` is empty.";
    /// `uri` names another number or account than the rest of the event.
    UriMismatch = "uri-mismatch", Error, false,
        "`uri` names another phone number id or account than the rest of the event.";
    /// `paymentType` is not one RingCentral documents.
    UnknownPaymentType = "unknown-payment-type", Warning, true,
        "`paymentType` is not a value RingCentral documents.";
    /// `type` is outside both documented vocabularies.
    InvalidNumberType = "invalid-number-type", Error, false,
        "`type` is none of `Voice`, `Fax`, `VoiceFax`, `VoiceOnly`, `FaxOnly`.";
    /// `usageType` is not one RingCentral documents.
    UnknownUsageType = "unknown-usage-type", Warning, true,
        "`usageType` is not a value RingCentral documents.";
    /// `usageType` contradicts `eventType`.
    UsageTypeMismatch = "usage-type-mismatch", Error, false,
        "`usageType` does not fit `eventType` (a created or deleted number is a Contact Center number).";
    /// `status` is not one RingCentral documents.
    UnknownStatus = "unknown-status", Warning, true,
        "`status` is not a value RingCentral documents.";
    /// The `maxIssues` limit cut the list of issues short.
    TooManyIssues = "too-many-issues", Warning, false,
        "More issues were found than the configured limit; the rest were not listed.";
    /// A log holds more items than the `maxItems` limit; the rest were not read.
    TooManyItems = "too-many-items", Error, false,
        "The log holds more items than the configured limit; the rest were not read.";
    /// The log ends in the middle of its last item.
    LogTruncated = "log-truncated", Error, false,
        "The log ends in the middle of its last item (cut off while copying or writing).";
    /// A snapshot value that is not a phone-number list response.
    SnapshotNotAList = "snapshot-not-a-list", Error, false,
        "A snapshot that is not a RingCentral phone-number list response (`{records, paging}`, v1 or v2).";
    /// A record of a phone-number list that cannot be compared.
    SnapshotRecord = "snapshot-record", Error, false,
        "A phone-number list record without a usable `id`, `phoneNumber` or `usageType`, or with a member of the wrong type.";
    /// The pages of a snapshot do not add up to the list its `paging` announces.
    SnapshotIncomplete = "snapshot-incomplete", Warning, false,
        "A snapshot lacks pages or records its `paging` announces: numbers missing from it are not taken as gone.";
    /// The same id twice in one snapshot.
    SnapshotDuplicateRecord = "snapshot-duplicate-record", Warning, false,
        "The same phone-number id appears twice in a snapshot (a page saved twice?); the first record is used.";
    /// Only `DirectNumber` records: the caller had no admin rights.
    SnapshotDirectNumbersOnly = "snapshot-direct-numbers-only", Warning, false,
        "A snapshot holds only `DirectNumber` records: taken without admin rights, it says nothing about Contact Center numbers.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_code_string_is_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for c in IssueCode::ALL {
            assert!(seen.insert(c.as_str()), "{} twice", c.as_str());
            assert!(c
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    #[test]
    fn only_warnings_are_escalated_by_strict_mode() {
        for c in IssueCode::ALL {
            if c.strict_makes_error() {
                assert_eq!(c.default_severity(), Severity::Warning, "{c:?}");
            }
        }
    }
}
