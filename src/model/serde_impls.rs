//! What serde needs beyond its derives: the vocabularies written as the stable names callers
//! match on, instants as ISO 8601 text, and the limits of the options read as the JavaScript
//! boundary reads them.

use crate::model::timestamp::{self, Instant};
use crate::model::{Delivery, Effect, EventType, FrameType, Kind, NumberType};
use core::fmt;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};

macro_rules! by_name {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}

by_name!(Kind, Delivery, EventType, NumberType, Effect, FrameType);

/// A string, read borrowed when the format can and owned when it cannot, handed to `read`.
fn with_str<'de, D, T>(
    d: D,
    expecting: &'static str,
    read: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct Text<F>(&'static str, F);
    impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for Text<F> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.1)(v).map_err(E::custom)
        }
    }
    d.deserialize_str(Text(expecting, read))
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, "Created, Updated or Deleted", |s| {
            EventType::from_name(s).ok_or_else(|| {
                format!("unknown eventType `{s}`, expected Created, Updated or Deleted")
            })
        })
    }
}

/// The REST vocabulary's `VoiceOnly` and `FaxOnly` are read as `Voice` and `Fax`, as in a
/// payload.
impl<'de> Deserialize<'de> for NumberType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, "Voice, Fax or VoiceFax", |s| {
            NumberType::from_name(s)
                .ok_or_else(|| format!("unknown type `{s}`, expected Voice, Fax or VoiceFax"))
        })
    }
}

/// `2023-04-18T20:25:24.611Z`, in UTC to the millisecond.
impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_iso(|iso| s.serialize_str(iso))
    }
}

/// Any ISO 8601 instant with a zone, as [`Instant::from_iso`] reads it.
impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, "an ISO 8601 instant", |s| {
            Instant::from_iso(s).map_err(|e| not_an_instant(s, e))
        })
    }
}

fn not_an_instant(text: &str, e: timestamp::TimestampError) -> String {
    let quoted = crate::text::quote::clip(text);
    format!("`{quoted}` is not an ISO 8601 instant: {}", e.detail)
}

/// An event's `timestamp`: kept as sent, but only when it is an instant.
pub(crate) fn timestamp_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    with_str(d, "an ISO 8601 timestamp", |s| match timestamp::parse(s) {
        Ok(_) => Ok(s.to_owned()),
        Err(e) => Err(not_an_instant(s, e)),
    })
}

/// A limit of the options: a whole number of at least 1, capped at `MAX` as JavaScript
/// callers' are. A number written with a fraction or exponent (`1e6`) is read when it is
/// whole, since JavaScript's `JSON.stringify` writes large numbers that way.
pub(crate) fn limit<'de, D: Deserializer<'de>, const MAX: usize>(d: D) -> Result<usize, D::Error> {
    struct Limit;
    const EXPECTING: &str = "a whole number of at least 1";
    impl Visitor<'_> for Limit {
        type Value = usize;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(EXPECTING)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
            if v == 0 {
                return Err(E::invalid_value(Unexpected::Unsigned(v), &EXPECTING));
            }
            // Saturating: a limit past usize (on wasm32) is over any cap.
            Ok(usize::try_from(v).unwrap_or(usize::MAX))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<usize, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &EXPECTING)),
            }
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<usize, E> {
            match whole(v) {
                Some(n) => self.visit_u64(n),
                None => Err(E::invalid_value(Unexpected::Float(v), &EXPECTING)),
            }
        }
    }
    d.deserialize_u64(Limit).map(|n| n.min(MAX))
}

/// `v` when it is whole and not negative, saturating at `u64::MAX`.
fn whole(v: f64) -> Option<u64> {
    // Every f64 from 2**53 up is whole; below it, `trunc` tells.
    if v >= 9_007_199_254_740_992.0 {
        return Some(u64::MAX);
    }
    (v >= 0.0 && v.trunc() == v).then_some(v as u64)
}

/// An option given: absent options are `None` (through `#[serde(default)]`), but `null` is
/// refused like any other value of the wrong type, as the JavaScript boundary refuses it.
pub(crate) fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// [`limit`] for an option given or not, as [`given`].
pub(crate) fn given_limit<'de, D: Deserializer<'de>, const MAX: usize>(
    d: D,
) -> Result<Option<usize>, D::Error> {
    limit::<D, MAX>(d).map(Some)
}
