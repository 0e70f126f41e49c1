//! What a well-formed value of each field looks like: one predicate per rule, used both by
//! the fast reader (`checks::fast`), which gives up where one fails, and by the full rules
//! (`checks::envelope`, `checks::body`), which explain why. A rule changed here changes on
//! both routes at once.

use crate::model::country_codes::country_code;
use crate::text::slice::{split_at, sub};

/// The event filter this crate is about; the account stands between prefix and resource.
pub(crate) const FILTER_PREFIX: &str = "/restapi/v1.0/account/";
pub(crate) const FILTER_RESOURCE: &str = "/phone-number";
pub(crate) const FILTER_QUERY: &str = "?usageType=ContactCenterNumber";
/// The account of RingCentral's documentation sample, kept as written there.
pub(crate) const ACCOUNT_PLACEHOLDER: &str = "{accountId}";

/// Hosts of the links in `uri`.
pub(crate) const URI_HOSTS: &[&str] = &[
    "https://platform.ringcentral.com",
    "https://platform.devtest.ringcentral.com",
];

/// One or more ASCII digits: ids, owner ids, account ids.
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `8-4-4-4-12` hex digits: every valid notification has at least one.
pub(crate) fn is_uuid(s: &str) -> bool {
    let Some(b) = s.as_bytes().first_chunk::<36>().filter(|_| s.len() == 36) else {
        return false;
    };
    let word = |at: usize| u64::from_le_bytes(*b[at..].first_chunk().expect("in the 36"));
    let half = |at: usize| {
        u64::from(u32::from_le_bytes(
            *b[at..].first_chunk().expect("in the 36"),
        ))
    };
    b[8] == b'-'
        && b[13] == b'-'
        && b[18] == b'-'
        && b[23] == b'-'
        // The 32 digits as four words: 0..8, 9..13 with 14..18, 19..23 with 24..28, 28..36.
        && [
            word(0),
            half(9) | half(14) << 32,
            half(19) | half(24) << 32,
            word(28),
        ]
        .into_iter()
        .all(hex_digits)
}

/// Whether the eight bytes of `w` are all ASCII hex digits, tested together: the digit test
/// a byte at a time took a doc-sample payload's call longer than its two warnings' wording
/// in WebAssembly (cpu profile: is_uuid 136 ns, on its `uuid` and `subscriptionId`). For a
/// byte below 0x80, adding `0x80 - lo` sets its high bit exactly when it is `lo` or more, and
/// adding `0x7f - hi` exactly when it is over `hi`, with no carry into the next byte. A letter
/// is tested with bit 0x20 set, which makes `A-F` `a-f` and nothing else `a-f`. A byte from
/// 0x80 up (whose sums may carry into the next byte) fails the word whatever they say.
fn hex_digits(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let within = |w: u64, lo: u64, hi: u64| {
        w.wrapping_add(ONES * (0x80 - lo)) & !w.wrapping_add(ONES * (0x7f - hi)) & HIGH
    };
    let digits = within(w, 0x30, 0x39);
    let letters = within(w | (ONES * 0x20), 0x61, 0x66);
    w & HIGH == 0 && digits | letters == HIGH
}

/// A notification id as RingCentral sends them: 18 to 20 digits, or a UUID.
// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
pub(crate) fn uuid_ok(s: &str) -> bool {
    (18..=20).contains(&s.len()) && is_digits(s) || is_uuid(s)
}

/// E.164: `+`, a country code not starting with 0, 7 to 15 digits in all.
// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
pub(crate) fn e164_ok(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|digits| {
        is_digits(digits) && !digits.starts_with('0') && (7..=15).contains(&digits.len())
    })
}

/// Whether a `+1` number's area code (the three digits after `1`) can exist: North American
/// area codes start with 2 to 9. `digits` is the number without its `+`.
pub(crate) fn nanp_area_ok(digits: &str) -> bool {
    !digits.starts_with('1') || matches!(digits.as_bytes().get(1), Some(b'2'..=b'9'))
}

/// A `phoneNumber` with nothing to remark on: E.164, with a country calling code ITU-T has
/// assigned ([`country_code`]) and, in North America, an area code that can exist.
pub(crate) fn phone_number_ok(s: &str) -> bool {
    e164_ok(s) && {
        let digits = sub(s, 1..);
        country_code(digits).is_ok() && nanp_area_ok(digits)
    }
}

/// An id: digits for those RingCentral numbers (`ownerId`, a number's `id`), any non-empty
/// string for the others (a provider's).
pub(crate) fn id_ok(s: &str, digits_only: bool) -> bool {
    if digits_only {
        is_digits(s)
    } else {
        !s.is_empty()
    }
}

/// The account named by an event filter for a phone-number resource, if `event` is one.
pub(crate) fn phone_number_filter_account(event: &str) -> Option<&str> {
    let rest = event.strip_prefix(FILTER_PREFIX)?;
    // The account holds neither `/` nor `?`: it ends at the first of them, which must start
    // the resource, itself ended by the query or the end. One pass over the account's few
    // bytes, where cutting at `?` and then looking for `/` took two searches of the whole
    // filter (every payload's filter is read this way, a warned one's four times).
    let end = rest.bytes().position(|b| b == b'/' || b == b'?')?;
    let (account, after) = split_at(rest, end);
    let query = after.strip_prefix(FILTER_RESOURCE)?;
    (query.is_empty() || query.starts_with('?')).then_some(account)
}

/// What follows the account in a phone-number filter whose account is `account`.
// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
pub(crate) fn filter_query<'e>(event: &'e str, account: &str) -> &'e str {
    sub(
        event,
        FILTER_PREFIX.len() + account.len() + FILTER_RESOURCE.len()..,
    )
}

/// An account as a filter or a link names it: digits, or `~` for the subscriber's own.
pub(crate) fn account_ok(account: &str) -> bool {
    account == "~" || is_digits(account)
}

/// The account of an event filter with nothing to remark on: this event's filter with its
/// query, for digits or `~`.
pub(crate) fn clean_filter_account(event: &str) -> Option<&str> {
    let account = phone_number_filter_account(event)?;
    (filter_query(event, account) == FILTER_QUERY && account_ok(account)).then_some(account)
}

/// The account and the number id a phone-number link names.
pub(crate) fn uri_parts(s: &str) -> Option<(&str, &str)> {
    let rest = URI_HOSTS.iter().find_map(|h| s.strip_prefix(h))?;
    let rest = rest.strip_prefix(FILTER_PREFIX)?;
    // The account never holds `/`, so it ends at the first one.
    let (acc, num) = split_at(rest, rest.find('/')?);
    let num = num.strip_prefix("/phone-number/")?;
    (account_ok(acc) && is_digits(num)).then_some((acc, num))
}

/// Whether the filter's account and the link's cannot be the same (`~` matches any).
// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
pub(crate) fn accounts_differ(filter_account: &str, uri_account: &str) -> bool {
    is_digits(filter_account) && uri_account != "~" && filter_account != uri_account
}

/// A `uri` with nothing to remark on, for number `id` of `account`.
pub(crate) fn clean_uri(s: &str, id: &str, account: &str) -> bool {
    uri_parts(s).is_some_and(|(acc, num)| num == id && !accounts_differ(account, acc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_a_uuid_by_its_groups_of_hex_digits() {
        assert!(is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c4"));
        assert!(is_uuid("9D38419F-645F-4EE3-A053-8CF1368C21C4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf13-8c21c4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21cg"));
        assert!(!is_uuid("9d38419f0645f-4ee3-a053-8cf1368c21c4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c4 "));
        // Every byte in every place, against the test of one digit at a time.
        let valid = *b"9d38419f-645f-4ee3-a053-8cf1368c21c4";
        for at in 0..valid.len() {
            for byte in 0..=255u8 {
                let mut b = valid;
                b[at] = byte;
                let Ok(s) = std::str::from_utf8(&b) else {
                    continue;
                };
                let want = if [8, 13, 18, 23].contains(&at) {
                    byte == b'-'
                } else {
                    byte.is_ascii_hexdigit()
                };
                assert_eq!(is_uuid(s), want, "{s:?}");
            }
        }
        // Non-ASCII bytes in a word (here a two-byte character over a dash and a digit).
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c2é4"));
        assert!(!is_uuid("9d38419fé45f-4ee3-a053-8cf1368c21c"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21é"));
    }

    #[test]
    fn knows_e164_by_its_plus_country_code_and_length() {
        assert!(e164_ok("+12024999741"));
        assert!(e164_ok("+4412345"));
        assert!(!e164_ok("+441234"));
        assert!(!e164_ok("+1234567890123456"));
        assert!(!e164_ok("12024999741"));
        assert!(!e164_ok("+02024999741"));
        assert!(!e164_ok("+1 202 499 9741"));
    }

    #[test]
    fn knows_numbers_whose_country_or_area_code_cannot_exist() {
        assert!(phone_number_ok("+12024999741"));
        assert!(phone_number_ok("+442079460958"));
        assert!(!phone_number_ok("+99912345678"), "spare country code");
        assert!(!phone_number_ok("+10124999741"), "area code 012");
        assert!(!phone_number_ok("+11202499974"), "area code 120");
        assert!(phone_number_ok("+74951234567"), "+7 has no NANP area codes");
        assert!(!phone_number_ok("+1 202 499 9741"), "not E.164 at all");
    }

    #[test]
    fn reads_the_account_as_cutting_at_the_query_first_does() {
        // The first version, kept as the reference.
        fn reference(event: &str) -> Option<&str> {
            let rest = event.strip_prefix(FILTER_PREFIX)?;
            let (path, _) = rest.split_once('?').unwrap_or((rest, ""));
            let account = path.strip_suffix(FILTER_RESOURCE)?;
            (!account.contains('/')).then_some(account)
        }
        let accounts = [
            "37439510",
            "~",
            "",
            "{accountId}",
            "1/2",
            "1?2",
            "a/phone-number",
        ];
        let tails = [
            "",
            "?",
            "?usageType=ContactCenterNumber",
            "/",
            "s",
            "/1",
            "?a/b",
            "?a?b",
            "/phone-number",
            "?/phone-number",
        ];
        for a in accounts {
            for r in ["/phone-number", "/phone-numbe", "/phone-numbers", ""] {
                for t in tails {
                    let e = format!("{FILTER_PREFIX}{a}{r}{t}");
                    assert_eq!(phone_number_filter_account(&e), reference(&e), "{e:?}");
                }
            }
        }
    }

    #[test]
    fn reads_the_account_of_this_events_filter_only() {
        let filter = |a: &str| format!("{FILTER_PREFIX}{a}{FILTER_RESOURCE}{FILTER_QUERY}");
        assert_eq!(clean_filter_account(&filter("37439510")), Some("37439510"));
        assert_eq!(clean_filter_account(&filter("~")), Some("~"));
        assert_eq!(clean_filter_account(&filter(ACCOUNT_PLACEHOLDER)), None);
        assert_eq!(
            phone_number_filter_account(&filter(ACCOUNT_PLACEHOLDER)),
            Some(ACCOUNT_PLACEHOLDER)
        );
        assert_eq!(
            clean_filter_account("/restapi/v1.0/account/1/phone-number"),
            None
        );
        assert_eq!(
            phone_number_filter_account("/restapi/v1.0/account/1/extension/2/presence"),
            None
        );
    }

    #[test]
    fn matches_a_link_to_its_number_and_account() {
        let link =
            "https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987";
        assert!(clean_uri(link, "987", "37439510"));
        assert!(clean_uri(link, "987", "~"));
        assert!(!clean_uri(link, "988", "37439510"));
        assert!(!clean_uri(link, "987", "37439511"));
        assert!(!clean_uri(
            &link.replace("https", "http"),
            "987",
            "37439510"
        ));
    }
}
