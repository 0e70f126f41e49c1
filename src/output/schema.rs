//! A JSON Schema (draft 2020-12) of a valid notification, written from the vocabularies and
//! formats the rules use (`model::vocab`, `model::formats`), so that the two cannot drift.
//! What a schema cannot say (positions, duplicate keys, whether a date exists, `uri` naming the
//! same id and account as the rest of the event) is listed in the README and checked by
//! tests/js/json-schema.test.mjs, which runs every fixture through both.

use crate::model::country_codes::{ONE_DIGIT, THREE_DIGITS, TWO_DIGITS};
use crate::model::formats::{
    ACCOUNT_PLACEHOLDER, FILTER_PREFIX, FILTER_QUERY, FILTER_RESOURCE, URI_HOSTS,
};
use crate::model::vocab;

/// E.164 as the rules read it (`model::formats::phone_number_ok`): 7 to 15 digits after `+`,
/// starting with a country calling code ITU-T assigned (`model::country_codes`), and in North
/// America (`+1`) an area code starting with 2 to 9.
fn phone_number_pattern() -> String {
    let mut codes = Vec::new();
    for &first in ONE_DIGIT {
        let first = char::from(first);
        // The NANP's area code follows its one-digit code.
        codes.push(if first == '1' {
            "1[2-9]".to_string()
        } else {
            first.to_string()
        });
    }
    codes.extend(TWO_DIGITS.iter().map(|two| two.to_string()));
    for (two, thirds) in THREE_DIGITS {
        let thirds: String = thirds.iter().map(|&c| char::from(c)).collect();
        codes.push(format!("{two}[{thirds}]"));
    }
    format!("^\\\\+(?=[0-9]{{7,15}}$)({})[0-9]*$", codes.join("|"))
}

/// `text` as a regular expression matching itself (the characters our constants hold).
fn literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` as a JSON string (the vocabularies and patterns are ASCII; `\` and `"` escaped).
fn string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        if c == '\\' || c == '"' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn list(values: &[&str]) -> String {
    let items: Vec<String> = values.iter().map(|v| string(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A string member from a documented list: an enum under `strict`, any string otherwise
/// (an undocumented value is only a warning), with the list kept as `examples`.
fn documented(values: &[&str], strict: bool) -> String {
    if strict {
        format!(r#"{{ "type": "string", "enum": {} }}"#, list(values))
    } else {
        format!(r#"{{ "type": "string", "examples": {} }}"#, list(values))
    }
}

fn members(strict: bool) -> &'static str {
    if strict {
        r#", "additionalProperties": false"#
    } else {
        ""
    }
}

/// The JSON Schema (draft 2020-12) of a notification that [`validate`](crate::validate) finds
/// valid with `strict` as given, as JSON text: a WebHook body, a WebSocket frame
/// `[meta, envelope]` or an APNS wrapper. It is generated from the same vocabularies the rules
/// use; the npm package ships both (`cc-number-events/notification.schema.json`,
/// `notification.strict.schema.json`) and returns them from `jsonSchema()`.
///
/// A schema says less than the rules: it has no positions, cannot see duplicate keys, cannot
/// tell whether a date exists (`2023-02-30`) or whether `uri` names the event's own id and
/// account, and an integer id such as `1.0` passes it. Everything it refuses, the rules refuse.
///
/// ```
/// let schema = cc_number_events::json_schema(false);
/// assert!(schema.contains(r#""$schema": "https://json-schema.org/draft/2020-12/schema""#));
/// assert!(schema.contains(r#""TollFree""#));
/// ```
pub fn json_schema(strict: bool) -> String {
    let filter = format!(
        "^{}(~|[0-9]+|{}){}{}$",
        literal(FILTER_PREFIX),
        literal(ACCOUNT_PLACEHOLDER),
        literal(FILTER_RESOURCE),
        literal(FILTER_QUERY)
    );
    let hosts: Vec<String> = URI_HOSTS.iter().map(|h| literal(h)).collect();
    let uri = format!(
        "^({}){}(~|[0-9]+){}/[0-9]+$",
        hosts.join("|"),
        literal(FILTER_PREFIX),
        literal(FILTER_RESOURCE)
    );
    let cc = string(vocab::CONTACT_CENTER);
    let usage = documented(vocab::USAGE_TYPES, strict);
    let strictness = if strict { "strict" } else { "default" };
    let more = members(strict);
    format!(
        r##"{{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:cc-number-events:notification:{strictness}",
  "title": "RingCentral Contact Center phone-number event notification",
  "description": "A notification cc-number-events finds valid ({strictness} options): a WebHook body, a WebSocket frame [meta, envelope] or an APNS wrapper. Generated from the rules' vocabularies; positions, duplicate keys, dates that do not exist and a uri naming another id or account are checked by the package only.",
  "anyOf": [
    {{ "$ref": "#/$defs/envelope", "not": {{ "type": "object", "required": ["pn_apns"], "properties": {{ "pn_apns": {{ "type": "object" }} }} }} }},
    {{
      "type": "array", "minItems": 2, "maxItems": 2,
      "prefixItems": [
        {{ "type": "object", "required": ["type"], "properties": {{ "type": {{ "type": "string", "const": "ServerNotification" }} }} }},
        {{ "$ref": "#/$defs/envelope" }}
      ]
    }},
    {{ "type": "object", "required": ["pn_apns"], "properties": {{ "pn_apns": {{ "$ref": "#/$defs/envelope" }} }} }}
  ],
  "$defs": {{
    "digits": {{
      "description": "An id: a string of digits, or a whole non-negative JSON number (accepted with the warning numeric-id).",
      "anyOf": [{{ "type": "string", "pattern": "^[0-9]+$" }}, {{ "type": "integer", "minimum": 0 }}]
    }},
    "envelope": {{
      "type": "object",
      "required": {envelope_fields},
      "properties": {{
        "uuid": {{ "type": "string", "pattern": "^([0-9]{{18,20}}|[0-9A-Fa-f]{{8}}-[0-9A-Fa-f]{{4}}-[0-9A-Fa-f]{{4}}-[0-9A-Fa-f]{{4}}-[0-9A-Fa-f]{{12}})$" }},
        "event": {{ "type": "string", "pattern": {filter} }},
        "timestamp": {{ "type": "string", "pattern": "^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(\\.[0-9]+)?(Z|[+-][0-9]{{2}}(:?[0-9]{{2}})?)$" }},
        "subscriptionId": {{ "type": "string", "minLength": 1 }},
        "ownerId": {{ "$ref": "#/$defs/digits" }},
        "body": {{ "$ref": "#/$defs/body" }}
      }}{more}
    }},
    "body": {{
      "type": "object",
      "required": {body_fields},
      "properties": {{
        "eventType": {{ "type": "string", "enum": {event_types} }},
        "phoneNumberInfo": {{ "$ref": "#/$defs/phoneNumberInfo" }}
      }}{more},
      "allOf": [
        {{ "if": {{ "type": "object", "required": ["eventType"], "properties": {{ "eventType": {{ "type": "string", "const": "Updated" }} }} }},
          "then": {{ "type": "object", "properties": {{ "phoneNumberInfo": {{ "type": "object", "required": ["usageType"] }} }} }},
          "else": {{ "type": "object", "properties": {{ "phoneNumberInfo": {{ "type": "object", "properties": {{ "usageType": {{ "type": "string", "const": {cc} }} }} }} }} }} }}
      ]
    }},
    "phoneNumberInfo": {{
      "type": "object",
      "required": ["id", "phoneNumber"],
      "properties": {{
        "uri": {{ "type": "string", "anyOf": [{{ "type": "string", "maxLength": 0 }}, {{ "type": "string", "pattern": {uri} }}] }},
        "id": {{ "$ref": "#/$defs/digits" }},
        "phoneNumber": {{ "type": "string", "pattern": "{phone}" }},
        "paymentType": {payment},
        "location": {{ "type": "string" }},
        "type": {{ "type": "string", "enum": {number_types} }},
        "usageType": {usage},
        "status": {status},
        "contactCenterProvider": {{ "$ref": "#/$defs/contactCenterProvider" }}
      }}{more}
    }},
    "contactCenterProvider": {{
      "type": "object",
      "properties": {{
        "id": {{ "anyOf": [{{ "type": "string", "minLength": 1 }}, {{ "type": "integer", "minimum": 0 }}] }},
        "name": {{ "type": "string" }}
      }}{more}
    }}
  }}
}}
"##,
        envelope_fields = list(vocab::ENVELOPE_FIELDS),
        body_fields = list(vocab::BODY_FIELDS),
        event_types = list(vocab::EVENT_TYPES),
        number_types = list(vocab::NUMBER_TYPES),
        filter = string(&filter),
        phone = phone_number_pattern(),
        uri = string(&uri),
        payment = documented(vocab::PAYMENT_TYPES, strict),
        status = documented(vocab::STATUSES, strict),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(schema: &serde_json::Value, def: &str) -> Vec<String> {
        let props = &schema["$defs"][def]["properties"];
        props.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn is_json_and_names_exactly_the_members_the_rules_know() {
        for strict in [false, true] {
            let schema: serde_json::Value = serde_json::from_str(&json_schema(strict)).unwrap();
            let sorted = |l: &[&str]| {
                let mut v: Vec<String> = l.iter().map(|s| s.to_string()).collect();
                v.sort();
                v
            };
            assert_eq!(keys(&schema, "envelope"), sorted(vocab::ENVELOPE_FIELDS));
            assert_eq!(keys(&schema, "body"), sorted(vocab::BODY_FIELDS));
            assert_eq!(keys(&schema, "phoneNumberInfo"), sorted(vocab::INFO_FIELDS));
            assert_eq!(
                keys(&schema, "contactCenterProvider"),
                sorted(vocab::PROVIDER_FIELDS)
            );
            let closed = schema["$defs"]["envelope"]["additionalProperties"] == false;
            assert_eq!(closed, strict);
        }
    }

    #[test]
    fn escapes_what_a_pattern_would_read_as_syntax() {
        assert_eq!(literal("/v1.0/?a={x}"), "/v1\\.0/\\?a=\\{x\\}");
        assert_eq!(string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
