//! The country calling codes of E.164 numbers: which ones ITU-T has assigned.
//!
//! Source: ITU-T, "List of ITU-T Recommendation E.164 assigned country codes" (the Complement
//! to Recommendation ITU-T E.164 annexed to the ITU Operational Bulletin; position of
//! 15 December 2016), with +383 (Kosovo) assigned since. Country codes are prefix-free: one,
//! two or three digits, the length fixed by the first two digits.
//!
//! Refusing a real number costs more than letting a bogus one through, so codes the list
//! marks as reserved (875-877 and 879 for maritime and national uses, 969, 978) or that were
//! announced after it (997 for Kazakhstan) count as assigned here, as do the codes of global
//! services (800 freephone, 808 shared cost, 870 Inmarsat, 881-883 satellite and international
//! networks, 888 disaster relief, 979 premium rate, 991 trial). Only spare codes are refused.

/// The one-digit codes: North America (the NANP) and Russia with Kazakhstan.
const ONE_DIGIT: &[u8] = b"17";

/// The two-digit codes.
const TWO_DIGITS: &[u8] = &[
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
    57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// The three-digit codes, by their first two digits: each with the third digits assigned.
/// A two-digit prefix listed neither here nor in [`TWO_DIGITS`] (28, 83, 89) is spare whole.
const THREE_DIGITS: &[(u8, &[u8])] = &[
    (21, b"12368"),
    (22, b"0123456789"),
    (23, b"0123456789"),
    (24, b"0123456789"),
    (25, b"012345678"),
    (26, b"0123456789"),
    (29, b"01789"),
    (35, b"0123456789"),
    (37, b"0123456789"),
    (38, b"012356789"),
    (42, b"013"),
    (50, b"0123456789"),
    (59, b"0123456789"),
    (67, b"023456789"),
    (68, b"012356789"),
    (69, b"012"),
    (80, b"08"),
    (85, b"02356"),
    (87, b"056789"),
    (88, b"012368"),
    (96, b"0123456789"),
    (97, b"0123456789"),
    (99, b"12345678"),
];

/// The country calling code `digits` (an E.164 number without its `+`) starts with: `Ok` with
/// its length when ITU-T assigned it, `Err` with the length of the spare code otherwise.
#[inline(never)]
pub(crate) fn country_code(digits: &str) -> Result<usize, usize> {
    let d = digits.as_bytes();
    let digit = |i: usize| d.get(i).filter(|c| c.is_ascii_digit()).map(|c| c - b'0');
    let (Some(first), Some(second)) = (digit(0), digit(1)) else {
        return Err(digits.len().min(1));
    };
    if ONE_DIGIT.contains(&(first + b'0')) {
        return Ok(1);
    }
    let two = first * 10 + second;
    if TWO_DIGITS.contains(&two) {
        return Ok(2);
    }
    match THREE_DIGITS.iter().find(|(prefix, _)| *prefix == two) {
        Some((_, thirds)) => match d.get(2) {
            Some(third) if thirds.contains(third) => Ok(3),
            _ => Err(3.min(digits.len())),
        },
        None => Err(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_assigned_codes_of_each_length() {
        assert_eq!(country_code("12024999741"), Ok(1));
        assert_eq!(country_code("74951234567"), Ok(1));
        assert_eq!(country_code("442079460958"), Ok(2));
        assert_eq!(country_code("4121234567"), Ok(2));
        assert_eq!(country_code("35312345678"), Ok(3));
        assert_eq!(country_code("38344123456"), Ok(3), "Kosovo");
        assert_eq!(country_code("2111234567"), Ok(3), "South Sudan");
        assert_eq!(
            country_code("80012345678"),
            Ok(3),
            "international freephone"
        );
        assert_eq!(country_code("88213456789"), Ok(3), "international networks");
    }

    #[test]
    fn refuses_spare_codes_with_their_length() {
        assert_eq!(country_code("99912345678"), Err(3));
        assert_eq!(country_code("28123456789"), Err(2));
        assert_eq!(country_code("83123456789"), Err(2));
        assert_eq!(country_code("89123456789"), Err(2));
        assert_eq!(country_code("21012345678"), Err(3));
        assert_eq!(country_code("42212345678"), Err(3));
        assert_eq!(
            country_code("68412345678"),
            Err(3),
            "American Samoa moved to +1 684"
        );
        assert_eq!(
            country_code("87112345678"),
            Err(3),
            "Inmarsat's old ocean codes"
        );
        assert_eq!(country_code("0"), Err(1));
        assert_eq!(country_code(""), Err(0));
    }

    #[test]
    fn the_table_is_prefix_free() {
        for (prefix, thirds) in THREE_DIGITS {
            assert!(!TWO_DIGITS.contains(prefix), "{prefix}");
            assert!(!ONE_DIGIT.contains(&(prefix / 10 + b'0')), "{prefix}");
            assert!(thirds.windows(2).all(|w| w[0] < w[1]), "{prefix}");
        }
        assert!(TWO_DIGITS.windows(2).all(|w| w[0] < w[1]));
        assert!(TWO_DIGITS
            .iter()
            .all(|c| !ONE_DIGIT.contains(&(c / 10 + b'0'))));
    }
}
