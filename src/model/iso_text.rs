//! An instant's ISO text recognised without writing it: nearly every notification sends its
//! timestamp as `2023-04-18T20:25:24.611Z`, which is already the normalised `time` and holds
//! the sentence's time, and writing the digits (twice per valid event: the time and the
//! sentence) cost more than reading them.

use crate::model::timestamp::{civil_from_days, parse, Instant};
use crate::text::push::push_short;

impl Instant {
    /// [`Instant::write_human`], copied out of `iso` when the caller knows it for this
    /// instant's [`Instant::to_iso`] text (by [`Instant::is_iso_text`]), as the timestamps of
    /// nearly every notification are.
    pub(crate) fn write_human_from(self, iso: Option<&str>, out: &mut String) {
        let mut human = *b"0000-00-00 00:00:00 UTC";
        if let Some(iso) = iso.filter(|iso| iso.len() == 24) {
            debug_assert!(self.is_iso_text(iso), "{iso} is not {self:?}");
            human[..10].copy_from_slice(&iso.as_bytes()[..10]);
            human[11..19].copy_from_slice(&iso.as_bytes()[11..19]);
            // ASCII, as ISO text is: the other arm is for a caller who was wrong.
            // Pushed as a short text: its length, read back from `from_utf8`, made `push_str`'s
            // copy a `memory.copy` call in WebAssembly on every clean report.
            if let Ok(human) = std::str::from_utf8(&human) {
                return push_short(out, human);
            }
        }
        self.write_human(out);
    }

    /// Whether `text` is exactly what [`Instant::to_iso`] writes of this instant:
    /// `2023-04-18T20:25:24.611Z` (24 bytes, `.` and `Z` where to_iso puts them: years 0000
    /// to 9999, three fraction digits, no offset) that reads as this instant, since read with
    /// no offset every field stands as written (a leap second's `60` included). Reading
    /// costs less than writing, and the crate's timestamp parser is there already.
    pub fn is_iso_text(self, text: &str) -> bool {
        iso_shaped(text) && parse(text) == Ok(self)
    }
}

/// [`Instant::is_iso_text`] for a caller who knows that its instant is what the crate's parser
/// read in `text` (a borrowed event's `time`, read from its `timestamp`): then the shape says
/// it, without reading the text again: 470 instructions of a clean `validate`'s 21,200 in the
/// JavaScript lane (Node + wasm, callgrind, 2026-12-02). Not part of the API.
pub fn iso_shaped(text: &str) -> bool {
    let s = text.as_bytes();
    s.len() == 24 && s[19] == b'.' && s[23] == b'Z'
}

impl Instant {
    /// Calls `f` with `2023-04-18T20:25:24.611Z`, made on the stack for a year of four
    /// digits: a summary serializes one for every timeline entry, and a `String` each was an
    /// allocation and a free.
    pub fn with_iso<R>(self, f: impl FnOnce(&str) -> R) -> R {
        let (four_digits, mut text) = self.digits(b'T');
        if !four_digits {
            return f(&self.to_iso());
        }
        text[23] = b'Z';
        // SAFETY: `text` holds ASCII only (see `digits`) and `Z`.
        f(unsafe { std::str::from_utf8_unchecked(&text) })
    }

    /// `2023-04-18T20:25:24.611` (`sep` in place of the `T`) and one byte more, and whether
    /// the year is in it: one of more than four digits (or before year 0) is not.
    pub(super) fn digits(self, sep: u8) -> (bool, [u8; 24]) {
        debug_assert!(sep.is_ascii());
        let ms = self.millis().rem_euclid(1000) as u32;
        let secs = self.millis().div_euclid(1000);
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let sod = secs.rem_euclid(86_400) as u32;
        let mut text = *b"0000-00-00T00:00:00.000 ";
        let four_digits = (0..=9999).contains(&y);
        if four_digits {
            put_digits(&mut text[..4], y as u32);
        }
        put_digits(&mut text[5..7], m);
        put_digits(&mut text[8..10], d);
        text[10] = sep;
        put_digits(&mut text[11..13], sod / 3600);
        put_digits(&mut text[14..16], sod % 3600 / 60);
        // A leap second shares its POSIX number with 23:59:59 and is written as what it is.
        put_digits(
            &mut text[17..19],
            sod % 60 + u32::from(self.is_leap_second()),
        );
        put_digits(&mut text[20..23], ms);
        debug_assert!(text.is_ascii());
        (four_digits, text)
    }
}

/// Writes `n` zero-padded into all of `digits` (which holds at least its digits).
fn put_digits(digits: &mut [u8], mut n: u32) {
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instants_iso_text_is_recognised_without_writing_it_and_nothing_else_is() {
        let leap = parse("2016-12-31T23:59:60.250Z").unwrap();
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut random = std::iter::repeat_with(|| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        });
        let mut instants = vec![leap, Instant::from_millis(0), Instant::from_millis(-1)];
        // Years 0000 to 9999, where the ISO text is 24 bytes long.
        instants.extend(
            (&mut random).take(3000).map(|r| {
                Instant::from_millis((r % 315_537_897_600_000) as i64 - 62_167_219_200_000)
            }),
        );
        for (k, &t) in instants.iter().enumerate() {
            let iso = t.to_iso();
            let other = instants[(k + 1) % instants.len()];
            // Texts of other instants, of none, and other spellings of this one.
            let mut texts = vec![
                iso.clone(),
                other.to_iso(),
                iso.replace('Z', "z"),
                iso.replace('.', ","),
                iso.replace('Z', "+00:00"),
                iso[..23].to_string(),
                "2023-02-29T00:00:00.000Z".to_string(),
                "2016-12-31T23:58:60.000Z".to_string(),
            ];
            // Every byte in turn, as digits, marks and their neighbours.
            for at in 0..iso.len() {
                for c in *b"/0159:-T.Z z,+@\x7f" {
                    let mut b = iso.clone().into_bytes();
                    b[at] = c;
                    texts.push(String::from_utf8(b).unwrap());
                }
            }
            // The instant one minute apart, written with 60 seconds in place of 00.
            let mut sixty = Instant::from_millis(t.millis() - 60_000)
                .to_iso()
                .into_bytes();
            if sixty.len() == 24 {
                sixty[17..19].copy_from_slice(b"60");
                texts.push(String::from_utf8(sixty).unwrap());
            }
            for text in &texts {
                assert_eq!(t.is_iso_text(text), *text == iso, "{t:?} {text}");
                let (mut a, mut b) = (String::new(), String::new());
                t.write_human_from(t.is_iso_text(text).then_some(text.as_str()), &mut a);
                t.write_human(&mut b);
                assert_eq!(a, b, "{text}");
            }
        }
        assert!(leap.is_iso_text("2016-12-31T23:59:60.250Z"));
        assert!(!leap.is_iso_text("2016-12-31T23:59:59.250Z"));
        assert!(!Instant::from_millis(leap.millis()).is_iso_text("2016-12-31T23:59:60.250Z"));
    }
}
