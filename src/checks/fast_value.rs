//! The fast path for a value someone else already parsed (`JSON.parse`, `express.json()`): a
//! clean WebHook notification read through serde by its known members alone, with no parse
//! tree. The tree is there to locate issues, and a clean notification has none.
//!
//! Each object is read with `deserialize_struct` and the names this event's members have at
//! its level: serde-wasm-bindgen then asks JavaScript for those members only, one call each,
//! instead of listing every entry and asking what each value is. Like [`super::fast`] for
//! text, it gives up (`None`) at the first thing that is not plainly right (a member it does
//! not know or has seen already, a value that is not a string where one belongs, an object
//! that is not one, a string that JSON would have to escape, a limit the tree would reach),
//! and then the tree explains. Past that, the members pass the predicates the text's reader
//! and the rules ask, made by the same code ([`Fields`]; a remark of any kind leaves the value
//! to the tree). A serde-wasm-bindgen read of an object never
//! lists its members, so it cannot see one it does not ask for: the JavaScript that copies
//! the value it reads (`snapshot`, src/js/objects.js) says whether the copy holds any other
//! (`copiedShape`), and only a copy that does not comes here.

use super::fast::{Judged, DEPTH};
use crate::checks::fast_fields::{self as bit, Fields};
use crate::checks::fast_remarks::{Mode, Remarks};
use crate::checks::members::Object;
use crate::json::{string_run, TreeLimits};
use crate::model::event_ref::{EventRef, ProviderRef};
use crate::model::vocab;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;

/// One object of the notification: its members' names (in RingCentral's order, which
/// [`InOrder`] and `copiedShape` in src/js/objects.js follow), and what each holds.
struct Level {
    name: &'static str,
    fields: &'static [&'static str],
    holds: &'static [Holds],
}

#[derive(Clone, Copy)]
enum Holds {
    /// A string, kept in this slot of [`Strings::values`].
    Text(usize),
    /// An object, seen flag in this slot of [`Strings::objects`].
    Object(usize, &'static Level),
}

const PROVIDER: Level = Level {
    name: "ContactCenterProvider",
    fields: vocab::PROVIDER_FIELDS,
    holds: &[Holds::Text(14), Holds::Text(15)],
};

const INFO: Level = Level {
    name: "PhoneNumberInfo",
    fields: vocab::INFO_FIELDS,
    holds: &[
        Holds::Text(6),
        Holds::Text(7),
        Holds::Text(8),
        Holds::Text(9),
        Holds::Text(10),
        Holds::Text(11),
        Holds::Text(12),
        Holds::Text(13),
        Holds::Object(2, &PROVIDER),
    ],
};

const BODY: Level = Level {
    name: "Body",
    fields: vocab::BODY_FIELDS,
    holds: &[Holds::Text(5), Holds::Object(1, &INFO)],
};

const ENVELOPE: Level = Level {
    name: "Notification",
    fields: vocab::ENVELOPE_FIELDS,
    holds: &[
        Holds::Text(0),
        Holds::Text(1),
        Holds::Text(2),
        Holds::Text(3),
        Holds::Text(4),
        Holds::Object(0, &BODY),
    ],
};

/// The strings of a clean notification, owned (a deserializer from JavaScript lends none),
/// in the slots [`Holds`] names; and what the value comes to as JSON text, counted as the
/// tree counts it (`crate::json::tree_from`).
#[derive(Default)]
pub(crate) struct Strings {
    values: [Option<String>; 16],
    /// body, phoneNumberInfo, contactCenterProvider: seen.
    objects: [bool; 3],
    bytes: usize,
}

impl Strings {
    /// The members of `value`, when it is an object of this event's members only, each a
    /// string or an object where the event has one. `None` for anything else.
    pub(crate) fn read<'de, D: Deserializer<'de>>(value: D) -> Option<Strings> {
        let mut strings = Strings::default();
        Read {
            strings: &mut strings,
            level: &ENVELOPE,
        }
        .deserialize(value)
        .ok()?;
        Some(strings)
    }

    /// Whether the value's tree would be built within `limits`: the limits the tree reaches
    /// are its to report.
    pub(crate) fn fits(&self, limits: TreeLimits) -> bool {
        limits.max_depth >= DEPTH && self.bytes <= limits.max_bytes
    }

    /// What the value comes to as JSON text, counted as its tree would count it.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    /// Whether every string is ASCII.
    pub(crate) fn is_ascii(&self) -> bool {
        self.values.iter().flatten().all(|s| s.is_ascii())
    }

    /// The event, when the members pass every rule, within `limits`, and none needs an
    /// escape in JSON text: the event the tree would find with nothing to report.
    pub(crate) fn clean(&self, limits: TreeLimits) -> Option<EventRef<'_>> {
        if !self.fits(limits) {
            return None;
        }
        let v = |slot: usize| self.values[slot].as_deref();
        let unescaped = self
            .values
            .iter()
            .flatten()
            .all(|s| string_run(s.as_bytes()) == s.len());
        if !unescaped {
            return None;
        }
        // The checks the text's reader makes ([`Fields`]), each as it would make it: with no
        // text to locate a remark in, and room for none, any remark ends this route.
        let mut none = Vec::new();
        let remarks = Remarks {
            list: &mut none,
            cap: 0,
            mode: Mode::new(false, false),
            invalid: false,
        };
        let mut f = Fields::new(remarks);
        // One call a member, each with its bit as a constant, so that `Fields::text` comes
        // down to that member's check, as on the text route.
        f.parsed_text(bit::UUID, v(0))?;
        f.parsed_text(bit::EVENT, v(1))?;
        f.parsed_text(bit::TIMESTAMP, v(2))?;
        f.parsed_text(bit::SUBSCRIPTION_ID, v(3))?;
        f.parsed_text(bit::OWNER_ID, v(4))?;
        f.parsed_text(bit::EVENT_TYPE, v(5))?;
        f.parsed_text(bit::URI, v(6))?;
        f.parsed_text(bit::ID, v(7))?;
        f.parsed_text(bit::PHONE_NUMBER, v(8))?;
        f.parsed_text(bit::PAYMENT_TYPE, v(9))?;
        f.parsed_text(bit::LOCATION, v(10))?;
        f.parsed_text(bit::TYPE, v(11))?;
        f.parsed_text(bit::USAGE_TYPE, v(12))?;
        f.parsed_text(bit::STATUS, v(13))?;
        for (&seen, member) in self.objects.iter().zip([bit::BODY, bit::INFO]) {
            if seen {
                f.seen |= member;
                f.opened(member, None);
            }
        }
        if self.objects[2] {
            f.seen |= bit::PROVIDER;
            let id = match v(14) {
                Some(s) => f.string_id(Object::Provider, "id", false, s)?,
                None => None,
            };
            f.provider = Some(ProviderRef { id, name: v(15) });
        }
        match f.checked()? {
            Judged::Event(event) => Some(event),
            Judged::Invalid(_) => None,
        }
    }
}

/// Reads one object of [`Level`] into the strings.
struct Read<'s> {
    strings: &'s mut Strings,
    level: &'static Level,
}

/// The error that ends the fast path: never shown (the tree route explains).
fn not_clean<E: de::Error>() -> E {
    E::custom("not a clean notification")
}

impl<'de> DeserializeSeed<'de> for Read<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct(self.level.name, self.level.fields, self)
    }
}

impl<'de> Visitor<'de> for Read<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    // Only a map: a self-describing deserializer reads a struct from an array by position,
    // which JSON would not.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let level = self.level;
        // `{}`, as the tree counts it.
        self.strings.bytes += 2;
        while let Some(i) = map.next_key_seed(Field(level.fields))? {
            self.strings.bytes += level.fields[i].len() + 4;
            match level.holds[i] {
                Holds::Text(slot) => {
                    let value: String = map.next_value()?;
                    self.strings.bytes += value.len() + 2;
                    let held = &mut self.strings.values[slot];
                    if held.replace(value).is_some() {
                        return Err(not_clean());
                    }
                }
                Holds::Object(slot, inner) => {
                    if std::mem::replace(&mut self.strings.objects[slot], true) {
                        return Err(not_clean());
                    }
                    map.next_value_seed(Read {
                        strings: self.strings,
                        level: inner,
                    })?;
                }
            }
        }
        Ok(())
    }
}

/// A member's name, as its place in the level's names; any other name ends the fast path.
struct Field(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Field {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Field {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        self.0.iter().position(|f| *f == name).ok_or_else(not_clean)
    }
}

impl Strings {
    /// The value as read, each object's members in the order its [`Level`] names them: for
    /// the tree (`crate::json::tree_from`) of a value that is not clean, whose members came in
    /// that order. No call into JavaScript is made for it.
    pub(crate) fn in_order(&self) -> InOrder<'_> {
        InOrder {
            strings: self,
            level: &ENVELOPE,
        }
    }
}

/// One object of [`Strings`], a serde `Deserializer` (see [`Strings::in_order`]).
pub(crate) struct InOrder<'s> {
    strings: &'s Strings,
    level: &'static Level,
}

impl<'s> InOrder<'s> {
    /// The members of this object that were read, in its [`Level`]'s order.
    fn members(&self) -> impl Iterator<Item = (&'static str, Member<'s>)> {
        let strings = self.strings;
        let members = self.level.fields.iter().zip(self.level.holds);
        members.filter_map(move |(name, holds)| {
            match *holds {
                Holds::Text(slot) => strings.values[slot].as_deref().map(Member::Text),
                Holds::Object(slot, level) => {
                    strings.objects[slot].then_some(Member::Object(InOrder { strings, level }))
                }
            }
            .map(|member| (*name, member))
        })
    }

    /// This object as compact JSON text, as the tree of the value would be written
    /// (`crate::summary`'s `write_json`): for a clean value, whose strings JSON does not escape
    /// ([`Strings::clean`]).
    pub(crate) fn write_clean_json(&self, out: &mut String) {
        out.push('{');
        for (i, (name, member)) in self.members().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(name);
            out.push_str("\":");
            match member {
                Member::Text(s) => {
                    out.push('"');
                    out.push_str(s);
                    out.push('"');
                }
                Member::Object(o) => o.write_clean_json(out),
            }
        }
        out.push('}');
    }
}

/// A member's value in [`InOrder`].
enum Member<'s> {
    Text(&'s str),
    Object(InOrder<'s>),
}

type InOrderError = de::value::Error;

impl<'de> Deserializer<'de> for InOrder<'_> {
    type Error = InOrderError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InOrderError> {
        visitor.visit_map(de::value::MapDeserializer::new(self.members()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de> de::IntoDeserializer<'de, InOrderError> for Member<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Deserializer<'de> for Member<'_> {
    type Error = InOrderError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InOrderError> {
        match self {
            Member::Text(s) => visitor.visit_str(s),
            Member::Object(o) => o.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}
