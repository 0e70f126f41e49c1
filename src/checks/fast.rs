//! The fast path: a clean WebHook notification of this event, read without a parse tree.
//!
//! Nearly all real traffic is one compact, valid envelope. This reader walks it once, borrowing
//! each value, and gives up (`None`) at the first thing that is not plainly right: an escape in
//! a string, a member it does not know or has seen already, a number or `null` where a string
//! belongs, a value any rule of `checks::envelope` or `checks::body` would remark on (it asks
//! the same predicates they do). The full validator then runs and explains. So the fast path only ever answers where the full one finds nothing at all,
//! and gives the same event; `tests` hold the two equal on every fixture and on mutated
//! payloads.

use crate::json::{skip_whitespace, string_run};
use crate::model::event_ref::{BodyRef, EventRef, PhoneNumberInfoRef, ProviderRef};
use crate::model::formats::{
    clean_filter_account, clean_uri, id_ok, is_uuid, phone_number_ok, uuid_ok,
};
use crate::model::timestamp;
use crate::model::vocab;
use crate::model::{EventType, NumberType};

/// Nesting the fast path needs: envelope, body, phoneNumberInfo, contactCenterProvider. A
/// caller's `maxDepth` below this sends every payload down the full path, which reports it.
pub(crate) const DEPTH: usize = 4;

/// The event in `src` (from byte `start`), borrowed, when `src` is exactly one clean WebHook
/// notification of this event, with nothing for any rule to report under `max_depth`.
pub fn clean(src: &str, start: usize, max_depth: usize) -> Option<EventRef<'_>> {
    let (clean, end) = clean_at(src, start, max_depth)?;
    (skip_whitespace(src, end) == src.len()).then_some(clean)
}

/// The clean notification that starts at `start` (after white space), and where it ends:
/// for logs, whose items follow each other.
pub(crate) fn clean_at(src: &str, start: usize, max_depth: usize) -> Option<(EventRef<'_>, usize)> {
    if max_depth < DEPTH {
        return None;
    }
    let mut r = Reader {
        src,
        bytes: src.as_bytes(),
        pos: start,
    };
    let mut f = Fields::default();
    r.object(|key, r| f.envelope_member(key, r))?;
    Some((f.checked()?, r.pos))
}

struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn ws(&mut self) {
        self.pos = skip_whitespace(self.src, self.pos);
    }

    #[inline(always)]
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.bytes.get(self.pos) == Some(&c)).then(|| self.pos += 1)
    }

    /// A string without escapes, borrowed. This and the two above are most of the fast
    /// path's work: always inlined, they cost 1 KB of wasm and save a tenth of a call.
    #[inline(always)]
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.pos;
        let end = start + string_run(&self.bytes[start..]);
        // Anything but the closing quote (a backslash, a control character, the end) ends
        // the fast path.
        (self.bytes.get(end) == Some(&b'"')).then_some(())?;
        self.pos = end + 1;
        Some(&self.src[start..end])
    }

    /// An object, each member handed to `member` with the reader at its value.
    fn object(&mut self, mut member: impl FnMut(&str, &mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            member(key, self)?;
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// Fills an empty slot; a second copy of a member ends the fast path.
fn put<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// The members the fast path reads, as found: from text here, or from a value someone else
/// parsed (`super::fast_value`).
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub(crate) uuid: Option<&'a str>,
    pub(crate) event: Option<&'a str>,
    pub(crate) timestamp: Option<&'a str>,
    pub(crate) subscription_id: Option<&'a str>,
    pub(crate) owner_id: Option<&'a str>,
    pub(crate) body: Option<()>,
    pub(crate) event_type: Option<&'a str>,
    pub(crate) info: Option<()>,
    pub(crate) uri: Option<&'a str>,
    pub(crate) id: Option<&'a str>,
    pub(crate) phone_number: Option<&'a str>,
    pub(crate) payment_type: Option<&'a str>,
    pub(crate) location: Option<&'a str>,
    pub(crate) number_type: Option<&'a str>,
    pub(crate) usage_type: Option<&'a str>,
    pub(crate) status: Option<&'a str>,
    pub(crate) provider: Option<ProviderRef<'a>>,
}

impl<'a> Fields<'a> {
    fn envelope_member(&mut self, key: &str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "uuid" => put(&mut self.uuid, r.string()?),
            "event" => put(&mut self.event, r.string()?),
            "timestamp" => put(&mut self.timestamp, r.string()?),
            "subscriptionId" => put(&mut self.subscription_id, r.string()?),
            "ownerId" => put(&mut self.owner_id, r.string()?),
            "body" => {
                put(&mut self.body, ())?;
                r.object(|key, r| self.body_member(key, r))
            }
            _ => None,
        }
    }

    fn body_member(&mut self, key: &str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "eventType" => put(&mut self.event_type, r.string()?),
            "phoneNumberInfo" => {
                put(&mut self.info, ())?;
                r.object(|key, r| self.info_member(key, r))
            }
            _ => None,
        }
    }

    fn info_member(&mut self, key: &str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "uri" => put(&mut self.uri, r.string()?),
            "id" => put(&mut self.id, r.string()?),
            "phoneNumber" => put(&mut self.phone_number, r.string()?),
            "paymentType" => put(&mut self.payment_type, r.string()?),
            "location" => put(&mut self.location, r.string()?),
            "type" => put(&mut self.number_type, r.string()?),
            "usageType" => put(&mut self.usage_type, r.string()?),
            "status" => put(&mut self.status, r.string()?),
            "contactCenterProvider" => {
                let (mut id, mut name) = (None, None);
                r.object(|key, r| match key {
                    "id" => put(&mut id, r.string()?),
                    "name" => put(&mut name, r.string()?),
                    _ => None,
                })?;
                put(&mut self.provider, ProviderRef { id, name })
            }
            _ => None,
        }
    }

    /// The event, when every member is present where required and passes its rule: the same
    /// predicates the full rules apply (`crate::model::formats`, `crate::model::vocab`).
    pub(crate) fn checked(self) -> Option<EventRef<'a>> {
        let known = |value: Option<&str>, documented: &[&str]| {
            value.is_none_or(|v| vocab::documented(v, documented))
        };
        let uuid = self.uuid.filter(|s| uuid_ok(s))?;
        let event = self.event?;
        let account_id = clean_filter_account(event)?;
        let timestamp = self.timestamp?;
        let time = timestamp::parse(timestamp).ok()?;
        let subscription_id = self.subscription_id.filter(|s| is_uuid(s))?;
        let owner_id = self.owner_id.filter(|s| id_ok(s, true))?;
        self.body?;
        let event_type = EventType::from_name(self.event_type?)?;
        self.info?;
        let id = self.id.filter(|s| id_ok(s, true))?;
        let phone_number = self.phone_number.filter(|s| phone_number_ok(s))?;
        let number_type = match self.number_type {
            Some(t) => Some(NumberType::from_name(t)?),
            None => None,
        };
        let usage_ok = match self.usage_type {
            Some(u) => vocab::usage_type_ok(u, event_type),
            None => !vocab::usage_type_required(event_type),
        };
        let fine = self.uri.is_none_or(|u| clean_uri(u, id, account_id))
            && known(self.payment_type, vocab::PAYMENT_TYPES)
            && usage_ok
            && known(self.status, vocab::STATUSES)
            && self
                .provider
                .is_none_or(|p| p.id.is_none_or(|id| id_ok(id, false)));
        fine.then_some(EventRef {
            uuid,
            event,
            account_id,
            timestamp,
            time,
            subscription_id,
            owner_id,
            body: BodyRef {
                event_type,
                phone_number_info: PhoneNumberInfoRef {
                    uri: self.uri,
                    id,
                    phone_number,
                    payment_type: self.payment_type,
                    location: self.location,
                    number_type,
                    usage_type: self.usage_type,
                    status: self.status,
                    contact_center_provider: self.provider,
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::validate::validate_with;
    use crate::json::input::FromJs;
    use crate::model::ValidateOptions;
    use std::path::Path;

    const DEFAULT_DEPTH: usize = 64;

    fn clean_event(
        src: &str,
        start: usize,
        max_depth: usize,
    ) -> Option<crate::model::ContactCenterEvent> {
        clean(src, start, max_depth).map(|c| c.to_event())
    }

    fn fixture(name: &str) -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn reads_clean_webhook_notifications_without_a_tree() {
        for name in ["webhook-created.json", "deleted-valid.json"] {
            let text = fixture(name);
            let event = clean_event(&text, 0, DEFAULT_DEPTH).unwrap_or_else(|| panic!("{name}"));
            let full = crate::validate_tree(&text, &ValidateOptions::default());
            assert_eq!(Some(event), full.event, "{name}");
        }
    }

    #[test]
    fn leaves_every_other_delivery_and_every_warning_to_the_full_validator() {
        for name in [
            "websocket-frame-updated.json",
            "apns-wrapper.json",
            "owner-id-as-number-valid.json",
            "unknown-field.json",
        ] {
            assert_eq!(
                clean_event(&fixture(name), 0, DEFAULT_DEPTH),
                None,
                "{name}"
            );
        }
        let valid = fixture("webhook-created.json");
        for (from, to) in [
            ("\"Created\"", "\"Cr\\u0065ated\""),
            ("\"uuid\"", "\"uu\\u0069d\""),
            ("{", "{\"uuid\": \"x\","),
            ("\"ContactCenterNumber\"", "\"DirectNumber\""),
            ("\"id\": \"1\"", "\"id\": \"\""),
        ] {
            let text = valid.replacen(from, to, 1);
            assert_ne!(text, valid);
            assert_eq!(clean_event(&text, 0, DEFAULT_DEPTH), None, "{to}");
        }
        assert_eq!(
            clean_event(&format!("{valid} {{}}"), 0, DEFAULT_DEPTH),
            None
        );
    }

    #[test]
    fn gives_the_full_validators_report_on_every_fixture() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        let mut answered = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "expected") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            for strict in [false, true] {
                let options = ValidateOptions {
                    strict,
                    ..ValidateOptions::default()
                };
                let fast = validate_with(&bytes, &options, &FromJs::default(), true);
                let tree = validate_with(&bytes, &options, &FromJs::default(), false);
                assert_eq!(fast, tree, "{}", path.display());
            }
            let text = String::from_utf8_lossy(&bytes);
            answered += usize::from(clean_event(&text, 0, DEFAULT_DEPTH).is_some());
        }
        // Enough fixtures are clean WebHook notifications for the comparison to mean something.
        assert!(
            answered >= 10,
            "only {answered} fixtures took the fast path"
        );
    }
}
