//! Masking phone numbers (personal data) in text a person copies into a ticket, keeping
//! enough of each to tell them apart: `+12024999741` becomes `+1202•••9741`.

use super::slice::sub;
use std::borrow::Cow;

/// What stands for the hidden digits.
pub const HIDDEN: &str = "•••";

/// Characters a written phone number may hold between its digits.
fn separator(c: u8) -> bool {
    matches!(c, b' ' | b'-' | b'.' | b'(' | b')')
}

/// Fewest digits after a `+` for the run to be a phone number: E.164's shortest is 7, and a
/// zone offset (`+0000`, `+05:30`) has 4.
const MIN_DIGITS: usize = 7;

/// `run` (digits and separators) with its middle digits hidden: for ten digits or more the
/// first and last four are kept, for fewer a third at each end.
fn mask_run(run: &str, out: &mut String) {
    let digits = run.bytes().filter(u8::is_ascii_digit).count();
    let keep = if digits >= 10 { 4 } else { digits / 3 };
    let (mut seen, mut hidden) = (0, false);
    for c in run.chars() {
        let digit = c.is_ascii_digit();
        if digit {
            seen += 1;
        }
        if digit && seen > keep && seen <= digits - keep {
            if !hidden {
                out.push_str(HIDDEN);
                hidden = true;
            }
        } else if !(hidden && seen <= digits - keep) {
            out.push(c);
        }
    }
}

/// Where each run in `text` that `start` and the digit count accept begins and ends.
fn runs(text: &str, plus: bool, min_digits: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = if plus {
            b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        } else {
            b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
        };
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i + usize::from(plus);
        let mut last_digit = end;
        let mut digits = 0;
        while end < b.len() && (b[end].is_ascii_digit() || separator(b[end])) {
            if b[end].is_ascii_digit() {
                digits += 1;
                last_digit = end + 1;
            }
            end += 1;
        }
        if digits >= min_digits {
            found.push((i, last_digit));
        }
        i = last_digit.max(i + 1);
    }
    found
}

fn replace(text: &str, found: Vec<(usize, usize)>) -> Cow<'_, str> {
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8 * found.len());
    let mut at = 0;
    for (start, end) in found {
        out.push_str(sub(text, at..start));
        mask_run(sub(text, start..end), &mut out);
        at = end;
    }
    out.push_str(sub(text, at..));
    Cow::Owned(out)
}

/// `text` with every phone number written with a `+` (`+12024999741`, `+1 202 499 9741`)
/// masked. Masking twice changes nothing more: a masked number has too few digits left.
pub fn mask_phone_numbers(text: &str) -> Cow<'_, str> {
    replace(text, runs(text, true, MIN_DIGITS))
}

/// `text` about a phone number field, where any run of five digits or more is (part of) the
/// number, `+` or not (`"2024999741"`, `(202) 499-9741`).
pub fn mask_digit_runs(text: &str) -> Cow<'_, str> {
    let plus = runs(text, true, 5);
    let bare = runs(text, false, 5);
    // Both lists are in text order: merged, not sorted (a sort was 9 KB of the module).
    let mut all = Vec::with_capacity(plus.len() + bare.len());
    let (mut p, mut b) = (plus.iter().peekable(), bare.iter().peekable());
    loop {
        let next = match (p.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) if x.0 <= y.0 => p.next().copied(),
            (_, Some(_)) => b.next().copied(),
            (Some(_), None) => p.next().copied(),
            (None, None) => break,
        };
        // A bare run starting inside a `+` run is part of it.
        if let Some(run) = next.filter(|r| all.last().is_none_or(|l: &(usize, usize)| r.0 >= l.1)) {
            all.push(run);
        }
    }
    replace(text, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_ends_of_a_number_and_hides_its_middle() {
        assert_eq!(mask_phone_numbers("+12024999741"), "+1202•••9741");
        assert_eq!(
            mask_phone_numbers("number +12024999741 (id 987654321) and +441632960123."),
            "number +1202•••9741 (id 987654321) and +4416•••0123."
        );
        assert_eq!(
            mask_phone_numbers("\"+1 202 499 9741\""),
            "\"+1 202 •••9741\""
        );
        assert_eq!(mask_phone_numbers("+4412345"), "+44•••45");
    }

    #[test]
    fn leaves_zones_ids_and_masked_numbers_alone() {
        for text in [
            "2014-04-29T14:29:27.408+0000",
            "+05:30",
            "uuid 2661273919712564939",
            "+1202•••9741",
            "a + 1",
            "",
        ] {
            assert!(
                matches!(mask_phone_numbers(text), Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn masks_numbers_without_a_plus_where_the_field_is_a_phone_number() {
        assert_eq!(
            mask_digit_runs("`phoneNumber` \"2024999741\" is not E.164"),
            "`phoneNumber` \"2024•••9741\" is not E.164"
        );
        assert_eq!(mask_digit_runs("(202) 499-9741"), "(202) 4•••9741");
        assert_eq!(
            mask_digit_runs("E.164: \"+12024999741\""),
            "E.164: \"+1202•••9741\""
        );
        assert_eq!(mask_digit_runs("E.164 has 15"), "E.164 has 15");
    }
}
