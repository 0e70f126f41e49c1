//! Values as tokens for JavaScript, written by a serde [`Serializer`](serde::Serializer), so
//! that each type's shape is the one its `Serialize` declares, for JSON and JavaScript alike.
//!
//! A value crosses into JavaScript as numbers and one text ([`Tokens`]), which `assemble`
//! in src/js/wasm.rs turns into the plain objects `JSON.parse` would make of the value's JSON,
//! about twice as fast on a log's summary (no characters to parse, and each key's string made
//! once). No JSON text is written here: callers who want it use `serde_json`, which the
//! WebAssembly module then does not carry.

#[cfg(doc)]
use super::shapes::SHAPES;
use super::shapes::{shape_of, SHAPED};
use core::fmt;
use serde::ser::{self, Impossible, Serialize};

/// A value as a stream of numbers and one text. Each value starts with a tag:
/// [`NULL`], [`FALSE`], [`TRUE`]; [`NUMBER`] then its low and high 32 bits; [`STRING`] then
/// its length in UTF-16 units, its text being the next that many units of the text;
/// [`OBJECT`] or [`ARRAY`], their members or items, then [`END`]. Each member starts with its
/// key: [`NEW_KEY`] and a length, as a string, the first time a key is written (it is then
/// numbered 0, 1, 2...), or [`KEY`] and that number after. A struct of one of the
/// [`SHAPES`] is [`SHAPE`], the shape's number, then its values alone, in the shape's order.
pub struct Tokens {
    nums: Vec<u32>,
    text: String,
    /// Write the structs of [`SHAPES`] as such (off only to write them again as objects).
    shapes: bool,
    /// Keys already numbered, by the address and length of their `&'static str` (memory no
    /// other key can take): an open-addressing table, with room for every key this crate
    /// writes. Were it ever full, later keys would simply be sent as new each time.
    keys: [(usize, usize, u32); KEY_SLOTS],
    next_key: u32,
}

const KEY_SLOTS: usize = 256;

pub use super::tags::{ARRAY, END, FALSE, KEY, NEW_KEY, NULL, NUMBER, OBJECT, SHAPE, STRING, TRUE};

/// `value` as tokens (see `Tokens`): its numbers and its text.
pub fn to_tokens<T: Serialize + ?Sized>(value: &T) -> Result<(Vec<u32>, String), Error> {
    match tokens_of(value, SHAPED) {
        Err(e) if SHAPED && e.0.misshapen => {
            // A struct changed and its shape did not: the tests fail here; a user still gets
            // the same objects, built key by key.
            if cfg!(debug_assertions) {
                panic!("{e}");
            }
            tokens_of(value, false)
        }
        done => done,
    }
}

fn tokens_of<T: Serialize + ?Sized>(value: &T, shapes: bool) -> Result<(Vec<u32>, String), Error> {
    // Boxed: its table of keys takes kilobytes.
    let mut t = Box::new(Tokens {
        nums: Vec::with_capacity(64),
        text: String::with_capacity(256),
        shapes,
        keys: [(0, 0, 0); KEY_SLOTS],
        next_key: 0,
    });
    value.serialize(&mut *t)?;
    let Tokens { mut nums, text, .. } = *t;
    super::units::in_utf16_units(&mut nums, &text);
    Ok((nums, text))
}

// Not inlined: every string and number member of every type calls these, and one copy each
// keeps the module small at no measurable cost.
impl Tokens {
    #[inline(never)]
    fn string(&mut self, tag: u32, s: &str) {
        // Its length in bytes, in UTF-16 units once all is written (see `units`).
        self.words([tag, s.len() as u32]);
        self.text.push_str(s);
    }

    #[inline(never)]
    fn number(&mut self, n: u64) {
        self.words([NUMBER, n as u32, (n >> 32) as u32]);
    }

    /// Pushed one by one: `extend` of an array was a call (`extend_trusted`) per value in
    /// the WebAssembly module, 1.6% of a summary's profile.
    #[inline(always)]
    fn words<const N: usize>(&mut self, words: [u32; N]) {
        self.nums.reserve(N);
        for w in words {
            self.nums.push(w);
        }
    }

    fn key(&mut self, key: &'static str) {
        let (at, len) = (key.as_ptr() as usize, key.len());
        // Fibonacci hashing of the address; the length tells apart keys that share a start.
        let mut slot = (at ^ len).wrapping_mul(0x9E37_79B9) >> 8;
        for _ in 0..KEY_SLOTS {
            slot %= KEY_SLOTS;
            match self.keys[slot] {
                (0, _, _) => {
                    self.keys[slot] = (at, len, self.next_key);
                    break;
                }
                (a, l, id) if a == at && l == len => {
                    self.words([KEY, id]);
                    return;
                }
                _ => slot += 1,
            }
        }
        self.next_key += 1;
        self.string(NEW_KEY, key);
    }
}

/// A value the tokens cannot carry: a float, a negative number, a map or bytes. None of the
/// crate's types holds one.
/// Or a struct whose keys are not its shape's (`misshapen`).
///
/// Boxed, so that a `Result<(), Error>` is one pointer: every member of every type returns
/// one and passes it on, and as a message and a flag it went through memory at each of those
/// calls: 1.5 KB gzip of the full module and 0.7 KB of the validate-only one (2026-12-01).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Failure>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure {
    message: String,
    misshapen: bool,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(Box::new(Failure {
            message: msg.to_string(),
            misshapen: false,
        }))
    }
}

fn refuse<T>(what: &str) -> Result<T, Error> {
    Err(ser::Error::custom(format_args!(
        "{what} cannot be sent as tokens"
    )))
}

#[cold]
fn misshapen(name: &str, key: Option<&str>) -> Error {
    // Not `{key:?}`: Debug of an `Option<&str>` brought 1.7 KB of formatting into the module.
    let at = key.unwrap_or("the end of its members");
    Error(Box::new(Failure {
        message: format!(
            "a {name}'s members are not those of its shape in write::SHAPES (at `{at}`)"
        ),
        misshapen: true,
    }))
}

impl<'a> ser::Serializer for &'a mut Tokens {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.nums.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    /// Counts, indexes and positions are never negative: a number token has no sign.
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.serialize_u64(v),
            Err(_) => refuse("a negative number"),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    /// Only whole numbers cross, which keeps float formatting (kilobytes of code) out of the
    /// WebAssembly module.
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        refuse("a float")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        refuse("a float")
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(STRING, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        refuse("a byte string")
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.nums.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    /// `{"Variant": value}`, as serde_json writes it.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.nums.push(OBJECT);
        self.key(variant);
        value.serialize(&mut *self)?;
        self.nums.push(END);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        self.nums.push(ARRAY);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    /// `{"Variant": [items]}`, as serde_json writes it.
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Error> {
        self.nums.push(OBJECT);
        self.key(variant);
        self.nums.push(ARRAY);
        Ok(self)
    }
    /// Refused: a map's keys are data, maybe from the input, and `assemble` sets keys as
    /// plain properties, where `__proto__` would not be one. Every object the crate sends is
    /// a struct, whose keys are names it chose.
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        refuse("a map")
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Fields<'a>, Error> {
        let shape = match (SHAPED && self.shapes)
            .then(|| shape_of(name, len))
            .flatten()
        {
            Some((n, keys)) => {
                self.words([SHAPE, n]);
                Some((name, keys))
            }
            None => {
                self.nums.push(OBJECT);
                None
            }
        };
        Ok(Fields { t: self, shape })
    }
    /// `{"Variant": {members}}`, as serde_json writes it.
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Error> {
        self.nums.push(OBJECT);
        self.key(variant);
        self.nums.push(OBJECT);
        Ok(self)
    }
}

impl ser::SerializeSeq for &mut Tokens {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.nums.push(END);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Tokens {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.nums.push(END);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Tokens {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.nums.push(END);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Tokens {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    /// Ends the items, then the object around them.
    fn end(self) -> Result<(), Error> {
        self.nums.extend([END, END]);
        Ok(())
    }
}

/// A struct's members: with their keys, or, for a struct of one of the [`SHAPES`], its name
/// and the keys still to come.
pub struct Fields<'a> {
    t: &'a mut Tokens,
    shape: Option<(&'static str, &'static [&'static str])>,
}

impl Fields<'_> {
    /// A member's key: written, or held to the shape's next. Out of line: inlined into each
    /// member of each type, it had grown the full module by 9 KB.
    #[inline(never)]
    fn member(&mut self, key: &'static str) -> Result<(), Error> {
        match self.shape.as_mut().filter(|_| SHAPED) {
            None => self.t.key(key),
            Some((name, keys)) => match keys.split_first() {
                // The same literal, as a rule: only a differing address compares the text
                // (a `memcmp` call per member in WebAssembly otherwise).
                Some((&want, rest)) if core::ptr::eq(want, key) || want == key => *keys = rest,
                _ => return Err(misshapen(name, Some(key))),
            },
        }
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(key)?;
        value.serialize(&mut *self.t)
    }
    /// A shaped struct has no end mark: its shape says how many values it has.
    fn end(self) -> Result<(), Error> {
        match self.shape.filter(|_| SHAPED) {
            None => self.t.nums.push(END),
            Some((_, [])) => {}
            Some((name, _)) => return Err(misshapen(name, None)),
        }
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Tokens {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut **self)
    }
    /// Ends the members, then the object around them.
    fn end(self) -> Result<(), Error> {
        self.nums.extend([END, END]);
        Ok(())
    }
}
