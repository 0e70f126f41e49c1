//! The rule for `phoneNumber`, E.164, and how to fix the ways people write numbers otherwise.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{Findings, Loc, Text};
use crate::model::country_codes::country_code;
use crate::model::formats::{e164_ok, is_digits, nanp_area_ok};
use crate::text::quote::clip;
use crate::text::slice::sub;
use crate::text::span::Span;

/// Checks a `phoneNumber`; whether it is E.164.
pub(crate) fn check_phone_number(f: &mut Findings, s: &str, span: Span, path: Loc) -> bool {
    if e164_ok(s) {
        return check_country_and_area(f, s, span, path);
    }
    let digits = s.strip_prefix('+').unwrap_or(s);
    let cleaned: String = s.chars().filter(char::is_ascii_digit).collect();
    let formatted = s.chars().any(|c| matches!(c, ' ' | '-' | '(' | ')' | '.'));
    // Fixed words borrowed, not copied: each copy was an inlined allocation.
    let (detail, hint): (Text, Option<Text>) = if s.is_empty() {
        ("is empty".into(), None)
    } else if formatted && s.starts_with('+') {
        (
            "contains spaces or punctuation".into(),
            Some(format!("E.164 has digits only: \"+{}\"", clip(&cleaned)).into()),
        )
    } else if !s.starts_with('+')
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'))
    {
        (
            "does not start with `+`".into(),
            Some(no_plus_hint(&cleaned, formatted).into()),
        )
    } else if !s.starts_with('+') {
        ("does not start with `+`".into(), None)
    } else if !is_digits(digits) {
        ("holds characters other than digits after `+`".into(), None)
    } else if digits.starts_with('0') {
        (
            "has a country code starting with 0".into(),
            Some("country codes never start with 0: replace the national trunk prefix 0 with the country code".into()),
        )
    } else if digits.len() > 15 {
        (
            format!("has {} digits; E.164 allows at most 15", digits.len()).into(),
            None,
        )
    } else {
        (format!("has only {} digits", digits.len()).into(), None)
    };
    let finding = f.add(
        IssueCode::InvalidPhoneNumber,
        span,
        path,
        format!("`phoneNumber` \"{}\" is not E.164: it {detail}", clip(s)),
    );
    if let Some(h) = hint {
        finding.hint(h);
    }
    false
}

/// Checks an E.164 `phoneNumber`'s country calling code (assigned by ITU-T) and, for `+1`,
/// its area code; whether both can exist.
#[inline(never)]
fn check_country_and_area(f: &mut Findings, s: &str, span: Span, path: Loc) -> bool {
    let digits = sub(s, 1..);
    if let Err(len) = country_code(digits) {
        f.add(
            IssueCode::UnassignedCountryCode,
            span,
            path,
            format!(
                "`phoneNumber` \"{}\" starts with +{}, a country calling code ITU-T has assigned to no country",
                clip(s),
                sub(digits, ..len)
            ),
        )
        .hint("check the number's first digits: country codes are assigned by ITU-T (E.164), e.g. +1 North America, +44 United Kingdom, +49 Germany");
        return false;
    }
    if nanp_area_ok(digits) {
        return true;
    }
    let area = sub(digits, 1..4);
    let finding = f.add(
        IssueCode::InvalidAreaCode,
        span,
        path,
        format!(
            "`phoneNumber` \"{}\" has the area code {area}, which starts with {}: no North American area code does",
            clip(s),
            sub(area, ..1)
        ),
    );
    // `+1` followed by the national trunk prefix 1 (`+1 1 202…`): the 1 written twice.
    let rest = sub(digits, 1..);
    if rest.len() == 11 && rest.starts_with('1') && nanp_area_ok(rest) {
        finding.hint(format!("the leading 1 appears twice: \"+{}\"", clip(rest)));
    } else {
        finding.hint("North American area codes start with a digit from 2 to 9 (+1 NXX NXX XXXX)");
    }
    false
}

/// How to fix a number written without `+`, from its digits; `formatted` if it also had
/// spaces or punctuation. Only digits that may already hold a country code are offered as is.
fn no_plus_hint(digits: &str, formatted: bool) -> String {
    let tidy = if formatted {
        ", without spaces or punctuation"
    } else {
        ""
    };
    if let Some(rest) = digits
        .strip_prefix("00")
        .filter(|r| !r.is_empty() && !r.starts_with('0'))
    {
        format!(
            "replace the international prefix 00 with `+`{tidy}: \"+{}\"",
            clip(rest)
        )
    } else if digits.starts_with('0') {
        format!("replace the national trunk prefix 0 with `+` and the country code{tidy}")
    } else if digits.len() >= 11 {
        format!(
            "if the digits start with the country code, add `+`{tidy}: \"+{}\"",
            clip(digits)
        )
    } else {
        format!("this looks like a national number: add `+` and the country code (+1 for the US and Canada){tidy}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_a_plus_only_where_the_digits_may_hold_a_country_code() {
        assert_eq!(
            no_plus_hint("12024999741", false),
            "if the digits start with the country code, add `+`: \"+12024999741\""
        );
        assert!(no_plus_hint("2024999741", true).starts_with("this looks like a national number"));
        assert!(no_plus_hint("2024999741", true).contains("without spaces or punctuation"));
        assert!(no_plus_hint("02079460958", false).contains("trunk prefix 0"));
        assert!(no_plus_hint("442079460958", false).ends_with("\"+442079460958\""));
        assert!(no_plus_hint("00442079460958", false).ends_with("\"+442079460958\""));
    }
}
