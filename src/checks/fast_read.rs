//! How the tree-free reader ([`super::fast`]) reads a WebHook notification's members from the
//! text into [`Fields`], which checks each value as soon as it is read (the checks a parsed
//! value's members pass too, [`super::fast_value`]).

use crate::checks::fast_fields::{
    Fields, BODY, EVENT, EVENT_TYPE, ID, INFO, LOCATION, OWNER_ID, PAYMENT_TYPE, PHONE_NUMBER,
    PROVIDER, STATUS, SUBSCRIPTION_ID, TIMESTAMP, TYPE, URI, USAGE_TYPE, UUID,
};
use crate::checks::members::Object;
use crate::checks::scan::Reader;
use crate::model::event_ref::ProviderRef;

impl<'a> Fields<'a, '_> {
    /// Member `key` of the envelope. Each value is checked as soon as it is read; only `uri`
    /// and `usageType`, which depend on other members, wait for the end.
    ///
    /// Natively out of line, as LLVM left it before the checks moved to [`Fields::text`]:
    /// inlined into the reader's loop (`Reader::object`), a valid payload took about 250 more
    /// instructions natively (callgrind, examples/calls.rs, 2026-12-01). In WebAssembly it
    /// was and stays inlined: out of line there, the module grew by 0.2 KB gzip for no fewer
    /// instructions (node --no-liftoff under callgrind).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(super) fn envelope_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let env = Object::Envelope;
        match key {
            "uuid" => self.string(UUID, env, "uuid", r),
            "event" => self.string(EVENT, env, "event", r),
            "timestamp" => self.string(TIMESTAMP, env, "timestamp", r),
            "subscriptionId" => self.string(SUBSCRIPTION_ID, env, "subscriptionId", r),
            "ownerId" => {
                self.first(OWNER_ID)?;
                self.owner_id = self.id(env, "ownerId", true, r)?;
                Some(())
            }
            "body" => {
                if !self.object(BODY, env, "body", r)? {
                    return Some(());
                }
                r.object(|key, r| self.body_member(key, r))
            }
            _ => self.remarks.unknown(env, key, r),
        }
    }

    fn body_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let body = Object::Body;
        match key {
            "eventType" => self.string(EVENT_TYPE, body, "eventType", r),
            "phoneNumberInfo" => {
                if !self.object(INFO, body, "phoneNumberInfo", r)? {
                    return Some(());
                }
                r.object(|key, r| self.info_member(key, r))
            }
            _ => self.remarks.unknown(body, key, r),
        }
    }

    fn info_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let info = Object::Info;
        match key {
            "uri" => self.string(URI, info, "uri", r),
            "id" => {
                self.first(ID)?;
                self.id = self.id(info, "id", true, r)?;
                Some(())
            }
            "phoneNumber" => self.string(PHONE_NUMBER, info, "phoneNumber", r),
            "paymentType" => self.string(PAYMENT_TYPE, info, "paymentType", r),
            "location" => self.string(LOCATION, info, "location", r),
            "type" => self.string(TYPE, info, "type", r),
            "usageType" => self.string(USAGE_TYPE, info, "usageType", r),
            "status" => self.string(STATUS, info, "status", r),
            "contactCenterProvider" => {
                self.first(PROVIDER)?;
                if r.peek() != Some(b'{') {
                    let key = "contactCenterProvider";
                    return self.remarks.wrong_type(info, key, "object", r);
                }
                let provider = Object::Provider;
                let (mut id, mut name, mut seen) = (None, None, 0u8);
                r.object(|key, r| {
                    match key {
                        "id" if seen & 1 == 0 => {
                            seen |= 1;
                            id = self.id(provider, "id", false, r)?;
                        }
                        "name" if seen & 2 == 0 => {
                            seen |= 2;
                            name = self.remarks.string(provider, "name", r)?;
                        }
                        // A second `id` or `name` is the parser's error.
                        "id" | "name" => return None,
                        _ => self.remarks.unknown(provider, key, r)?,
                    }
                    Some(())
                })?;
                self.provider = Some(ProviderRef { id, name });
                Some(())
            }
            _ => self.remarks.unknown(info, key, r),
        }
    }

    /// The member of `bit`, `key` of `object`: a string, checked by [`Fields::text`], or
    /// another type (remarked on).
    #[inline(always)]
    fn string(
        &mut self,
        bit: u32,
        object: Object,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<()> {
        self.first(bit)?;
        match self.remarks.string(object, key, r)? {
            Some(s) => self.text(bit, s),
            None => Some(()),
        }
    }

    /// An id, member `key` of `object`: a string (of digits with `digits_only`), or an integer
    /// (remarked on); `None` inside when it is neither, or its rule refuses it (remarked on).
    #[inline(always)]
    fn id(
        &mut self,
        object: Object,
        key: &'static str,
        digits_only: bool,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        if r.peek() != Some(b'"') {
            return self.remarks.other_id(object, key, r);
        }
        r.pos += 1;
        let s = r.string_rest()?;
        self.string_id(object, key, digits_only, s)
    }

    /// Whether member `bit`, `key` of `object`, is an object, whose members are read next;
    /// another type is remarked on and skipped.
    #[inline(always)]
    fn object(
        &mut self,
        bit: u32,
        object: Object,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<bool> {
        self.first(bit)?;
        if r.peek() != Some(b'{') {
            return self
                .remarks
                .wrong_type(object, key, "object", r)
                .map(|()| false);
        }
        self.opened(bit, Some(r.pos));
        Some(true)
    }
}
