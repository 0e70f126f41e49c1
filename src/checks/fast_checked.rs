//! The end of the tree-free readers (of text, [`super::fast`]; of a parsed value,
//! [`super::fast_value`]): the members missing, those that depend on others (`uri`,
//! `usageType`), and the event when no rule found an error.

use crate::checks::body::USAGE_TYPE_NEEDED;
use crate::checks::detect::this_events_type;
use crate::checks::fast::Judged;
use crate::checks::fast_fields::{
    Fields, ALL_REQUIRED, BODY, BODY_MEMBERS, BODY_REQUIRED, ENVELOPE_MEMBERS, ENVELOPE_REQUIRED,
    ENVELOPE_SIGNS, INFO, INFO_MEMBERS, INFO_REQUIRED, USAGE_TYPE,
};
use crate::checks::fast_remarks::Level;
use crate::checks::members::Object;
use crate::checks::remarks::{Context, Field, Remark};
use crate::model::event_ref::{BodyRef, EventRef, PhoneNumberInfoRef};
use crate::model::formats::clean_uri;
use crate::model::vocab;
use crate::model::EventType;
use crate::text::span::Span;

impl<'a> Fields<'a, '_> {
    /// Remarks on the required members of `object` (opening at `at` in the text) that were
    /// not read, in the order the rules report them; `None` where a member it knows is a near
    /// miss of a missing one (the rules' hint names the first near miss in the text, which only
    /// the tree has in order), or where there is no text to locate one in.
    fn missing(
        &mut self,
        object: Object,
        at: Option<usize>,
        members: &[(u32, &str)],
        required: &[(u32, &'static str, &'static str)],
    ) -> Option<()> {
        for &(bit, key, why) in required {
            if self.seen & bit != 0 {
                continue;
            }
            let near = members
                .iter()
                .any(|&(b, name)| self.seen & b != 0 && vocab::closest(name, &[key]).is_some());
            (!near).then_some(())?;
            let at = at?;
            let at = Span::new(at, at + 1);
            let remark = Remark::Missing {
                object,
                key,
                why,
                at,
            };
            self.remarks.add(remark, Level::Error)?;
        }
        Some(())
    }

    /// The event and what the rules take from it, once every member was read: see
    /// [`Fields::last_checks`].
    pub(super) fn checked(&mut self) -> Option<Judged<'a>> {
        self.last_checks()?;
        // The event made in the `Judged` it is returned in: made apart and then wrapped, its
        // `phoneNumberInfo` (84 bytes) was moved twice, each a `memory.copy` call in
        // WebAssembly.
        let invalid = Judged::Invalid(Context {
            id: self.id,
            account: self.account,
            event_type: self.event_type,
        });
        Some(self.event().unwrap_or(invalid))
    }

    /// The checks made once every member was read: the members missing remarked on, and
    /// those that depend on others (`uri`, `usageType`) checked with the same predicates the
    /// full rules apply (`crate::model::formats`, `crate::model::vocab`).
    pub(super) fn last_checks(&mut self) -> Option<()> {
        // An object without any of these is not judged as a notification (`detect`), nor is
        // one whose filter names no resource and whose body is not this event's.
        (self.seen & ENVELOPE_SIGNS != 0).then_some(())?;
        if self.kind_by_body {
            let this_type = self.event_type_text.is_some_and(this_events_type);
            (this_type || self.seen & INFO != 0).then_some(())?;
        }
        if self.seen & ALL_REQUIRED != ALL_REQUIRED {
            let (env, body, info) = (Object::Envelope, Object::Body, Object::Info);
            self.missing(env, self.envelope_at, ENVELOPE_MEMBERS, ENVELOPE_REQUIRED)?;
            if self.objects & BODY != 0 {
                self.missing(body, self.body_at, BODY_MEMBERS, BODY_REQUIRED)?;
            }
            if self.objects & INFO != 0 {
                self.missing(info, self.info_at, INFO_MEMBERS, INFO_REQUIRED)?;
            }
        }
        if self.objects & INFO != 0 {
            self.dependent()?;
        }
        Some(())
    }

    /// Checks `uri` and `usageType` of `phoneNumberInfo`.
    fn dependent(&mut self) -> Option<()> {
        let event_type = self.event_type;
        match (self.uri, self.id, self.account) {
            (Some(u), _, _) if u.is_empty() => self.value(Field::Uri, u, Level::Warning)?,
            (Some(u), Some(id), Some(account)) if clean_uri(u, id, account) => {}
            // Its rule finds an error, or (without an id or an account, where the error is
            // theirs) maybe nothing.
            (Some(u), _, _) => self.value(Field::Uri, u, Level::Error)?,
            (None, _, _) => {}
        }
        match self.usage_type {
            Some(u) if u == vocab::CONTACT_CENTER => {}
            Some(u) if event_type.is_some_and(|t| vocab::usage_type_ok(u, t)) => {}
            // Any other value of an `Updated` event is undocumented (a warning); of the other
            // two, a mismatch (an error). Without an event type, which is then an error, its
            // rule may warn.
            Some(u) if event_type == Some(EventType::Updated) => {
                self.value(Field::UsageType, u, Level::StrictError)?
            }
            Some(u) => self.value(Field::UsageType, u, Level::Error)?,
            // Missing only when absent: one of another type was remarked on as such, and the
            // rules, which read the tree, find it there.
            None if self.seen & USAGE_TYPE == 0
                && event_type.is_some_and(vocab::usage_type_required) =>
            {
                let at = self.info_at?;
                let at = Span::new(at, at + 1);
                let remark = Remark::Missing {
                    object: Object::Info,
                    key: "usageType",
                    why: USAGE_TYPE_NEEDED,
                    at,
                };
                self.remarks.add(remark, Level::Error)?
            }
            None => {}
        }
        Some(())
    }

    /// The event, when every member it needs was read without an error: made in the `Judged`
    /// it is returned in (see [`Fields::checked`]).
    #[inline(always)]
    fn event(&self) -> Option<Judged<'a>> {
        if self.remarks.invalid {
            return None;
        }
        let (event, account_id) = (self.event?, self.account?);
        let (timestamp, time) = self.timestamp?;
        Some(Judged::Event(EventRef {
            uuid: self.uuid?,
            event,
            account_id,
            timestamp,
            time,
            subscription_id: self.subscription_id?,
            owner_id: self.owner_id?,
            body: BodyRef {
                event_type: self.event_type?,
                phone_number_info: PhoneNumberInfoRef {
                    uri: self.uri,
                    id: self.id?,
                    phone_number: self.phone_number?,
                    payment_type: self.payment_type,
                    location: self.location,
                    number_type: self.number_type,
                    usage_type: self.usage_type,
                    status: self.status,
                    contact_center_provider: self.provider,
                },
            },
        }))
    }
}
