//! RingCentral's documented values, the rules over them that both the fast reader and the
//! full rules apply, and "did you mean" for near misses.

use crate::model::EventType;

pub const PAYMENT_TYPES: &[&str] = &[
    "External",
    "TollFree",
    "Local",
    "BusinessMobileNumberProvider",
    "ExternalNumberProvider",
    "ExternalNumberProviderTollFree",
    "Mobile",
];

pub const STATUSES: &[&str] = &["Normal", "Pending", "PortedIn", "Temporary", "Unknown"];

pub const NUMBER_TYPES: &[&str] = &["Voice", "Fax", "VoiceFax", "VoiceOnly", "FaxOnly"];

pub const CONTACT_CENTER: &str = "ContactCenterNumber";

pub const USAGE_TYPES: &[&str] = &[
    "MainCompanyNumber",
    "AdditionalCompanyNumber",
    "CompanyNumber",
    "DirectNumber",
    "CompanyFaxNumber",
    "FmcBusinessMobileNumber",
    "InventoryFmcBusinessMobileNumber",
    "ForwardedNumber",
    "ForwardedCompanyNumber",
    "ContactCenterNumber",
    "ConferencingNumber",
    "MeetingsNumber",
    "NumberPool",
    "BusinessMobileNumber",
    "ELIN",
    "PartnerBusinessMobileNumber",
    "NumberPoolPartnerBusinessMobileNumber",
    "NumberStorage",
    "IntegrationNumber",
    "InventoryMobileNumber",
];

pub const EVENT_TYPES: &[&str] = &["Created", "Updated", "Deleted"];

pub const ENVELOPE_FIELDS: &[&str] = &[
    "uuid",
    "event",
    "timestamp",
    "subscriptionId",
    "ownerId",
    "body",
];
pub const BODY_FIELDS: &[&str] = &["eventType", "phoneNumberInfo"];
pub const INFO_FIELDS: &[&str] = &[
    "uri",
    "id",
    "phoneNumber",
    "paymentType",
    "location",
    "type",
    "usageType",
    "status",
    "contactCenterProvider",
];
pub const PROVIDER_FIELDS: &[&str] = &["id", "name"];

/// Whether `value` is one of the `documented` ones: anything else is remarked on (a warning,
/// or an error under `strict`).
pub fn documented(value: &str, documented: &[&str]) -> bool {
    documented.contains(&value)
}

/// Whether an event of `event_type` must say its `usageType`: only an `Updated` event's tells
/// a conversion to Contact Center from a reassignment away.
pub fn usage_type_required(event_type: EventType) -> bool {
    event_type == EventType::Updated
}

/// A `usageType` with nothing to remark on for an event of `event_type`: `Created` and
/// `Deleted` are about Contact Center numbers, `Updated` may move a number to any use.
pub fn usage_type_ok(value: &str, event_type: EventType) -> bool {
    value == CONTACT_CENTER || event_type == EventType::Updated && documented(value, USAGE_TYPES)
}

/// Longest input worth a suggestion, in bytes; every candidate is shorter.
const MAX_GUESS: usize = 64;

/// The candidate a person most likely meant: same letters in another case, a prefix or
/// extension of it (`Create`, `Createdd`), or within a couple of typos. Candidates are ASCII.
/// Nothing here allocates: it runs for every unknown member and value of an invalid payload.
pub fn closest<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let trimmed = input.trim();
    if trimmed.is_empty() || trimmed.len() > MAX_GUESS {
        return None;
    }
    let mut chars = ['\0'; MAX_GUESS];
    let mut n = 0;
    for c in trimmed.chars() {
        chars[n] = c.to_ascii_lowercase();
        n += 1;
    }
    let lower = &chars[..n];
    let buckets = lower.iter().fold(0, |m, &c| m | bucket(u32::from(c)));
    let mut best: Option<(usize, &'c str)> = None;
    for &c in candidates {
        // A score of 0 or 1 needs one to start the other (so the same first letter), and an
        // edit distance within `max` lengths within `max`: most candidates for an unknown
        // member fail both, and are passed over before any letter-by-letter work.
        // The most typos a candidate of its length is allowed.
        let max = (c.len() / 4).clamp(1, 2);
        let far = n.abs_diff(c.len()) > max;
        if far
            && c.as_bytes()
                .first()
                .map(|b| char::from(b.to_ascii_lowercase()))
                != Some(lower[0])
        {
            continue;
        }
        let cl = |i: usize| char::from(c.as_bytes()[i].to_ascii_lowercase());
        let common = lower
            .iter()
            .zip(0..c.len())
            .take_while(|&(&a, i)| a == cl(i))
            .count();
        let score = if common == n && n == c.len() {
            0
        } else if trimmed.len() >= 3 && (common == n || common == c.len()) {
            1
        } else {
            match edit_distance_within(lower, buckets, c, max) {
                Some(d) => 1 + d,
                None => continue,
            }
        };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c).filter(|&c| c != input)
}

/// [`closest`] among a list of the crate's own: the same answer, remembered for the last few
/// inputs. Every notification of a log or a webhook after RingCentral added a field asks it
/// of the same member, and the search took a tenth of such a payload's `validate` call. A
/// `'static` list is never freed and never changes: its address and length name its words
/// for good, so an input seen with it has the same answer.
pub fn closest_in(input: &str, list: &'static [&'static str]) -> Option<&'static str> {
    if input.len() > MAX_GUESS {
        return closest(input, list);
    }
    let list_key = (list.as_ptr() as usize, list.len());
    let seen = |g: &Guess| g.list == list_key && &g.input[..g.len] == input.as_bytes();
    if let Some(answer) =
        RECENT.with_borrow(|r| r.guesses.iter().find(|g| seen(g)).map(|g| g.answer))
    {
        return answer;
    }
    let answer = closest(input, list);
    RECENT.with_borrow_mut(|r| {
        let g = &mut r.guesses[r.next];
        r.next = (r.next + 1) % RECENT_GUESSES;
        g.list = list_key;
        g.len = input.len();
        g.input[..input.len()].copy_from_slice(input.as_bytes());
        g.answer = answer;
    });
    answer
}

/// How many answers [`closest_in`] remembers: the unknown members of one payload.
const RECENT_GUESSES: usize = 4;

/// One answer of [`closest_in`]: for the input of `len` bytes at the start of `input`, among
/// the list at address `list.0` of `list.1` words. No list is at address 0.
#[derive(Clone, Copy)]
struct Guess {
    list: (usize, usize),
    input: [u8; MAX_GUESS],
    len: usize,
    answer: Option<&'static str>,
}

struct Recent {
    guesses: [Guess; RECENT_GUESSES],
    /// The one to replace next.
    next: usize,
}

thread_local! {
    static RECENT: core::cell::RefCell<Recent> = const {
        core::cell::RefCell::new(Recent {
            guesses: [Guess { list: (0, 0), input: [0; MAX_GUESS], len: 0, answer: None }; RECENT_GUESSES],
            next: 0,
        })
    };
}

/// The bit of the bucket of a character (`c`, its code), by its low five bits as
/// [`bag_distance`] counts them.
fn bucket(c: u32) -> u32 {
    1 << (c & 31)
}

/// How many characters of `a` (lower-cased) `b` lacks, or of `b` `a` lacks, whichever is more,
/// counted as multisets of their characters' low five bits: a lower bound of their edit
/// distance (an edit changes each count by one at most, and a character stands for any other
/// with its low bits), and a tenth of its cost. An unknown member is compared with every known
/// one, and most are nothing like it. The low five bits tell the letters apart and take no
/// case: 32 counts to clear and add up, where a table of every ASCII character cost a warned
/// payload's call a tenth of its instructions.
fn bag_distance(a: &[char], b: &[u8]) -> usize {
    // Both are at most `MAX_GUESS` long: the counts stay within an `i8`.
    let mut counts = [0i8; 32];
    for &c in a {
        counts[(u32::from(c) & 31) as usize] += 1;
    }
    // `apart`, the sum of the counts' sizes, kept as `b` takes from them: a character of `b`
    // cancels one of `a`'s left in its bucket, or is one more that `a` lacks. (Adding the 32
    // sizes up afterwards cost more than the rest of the function.)
    let mut apart = a.len();
    for &c in b {
        let n = &mut counts[usize::from(c & 31)];
        apart = apart + 1 - 2 * usize::from(*n > 0);
        *n -= 1;
    }
    // What `a` has over `b` and what it lacks add up to `apart`, and differ by the lengths'.
    (apart + a.len().abs_diff(b.len())) / 2
}

/// Levenshtein distance between `a` (lower-cased) and ASCII `b`, case-insensitively, when it
/// is at most `max`. Lengths further apart than `max` cannot be, and a row whose every cell
/// is over `max` can only grow: both end the work early, which matters because an unknown
/// value is compared with every documented one. Only the cells within `max` of the diagonal
/// are computed (any other is over `max`): for a 19-letter value and `max` 2, 95 cells of 361.
/// `a_buckets`: the buckets of `a`'s characters ([`bucket`]). The buckets that only one of the
/// two has each stand for a character at least that the other lacks: a lower bound of the
/// bag distance that costs no counts, and most known members are passed over by it (an
/// unknown member's `closest` took a tenth of a warned payload's call in WebAssembly).
fn edit_distance_within(a: &[char], a_buckets: u32, b: &str, max: usize) -> Option<usize> {
    let b = b.as_bytes();
    if b.len() > MAX_GUESS || a.len().abs_diff(b.len()) > max {
        return None;
    }
    let b_buckets = b.iter().fold(0, |m, &c| m | bucket(u32::from(c)));
    let only = (a_buckets & !b_buckets)
        .count_ones()
        .max((b_buckets & !a_buckets).count_ones());
    if only as usize > max || bag_distance(a, b) > max {
        return None;
    }
    // Past `max`: what a cell outside the band stands for.
    const FAR: usize = usize::MAX / 2;
    let mut prev = [FAR; MAX_GUESS + 2];
    let mut cur = [FAR; MAX_GUESS + 2];
    for (k, p) in prev.iter_mut().enumerate().take(b.len().min(max) + 1) {
        *p = k;
    }
    for (i, &ca) in a.iter().enumerate() {
        // Row i + 1: the prefixes of `b` within `max` of its length.
        let (lo, hi) = ((i + 1).saturating_sub(max), (i + 1 + max).min(b.len()));
        let mut row_min = FAR;
        if lo == 0 {
            cur[0] = i + 1;
            row_min = cur[0];
        } else {
            cur[lo - 1] = FAR;
        }
        for k in lo.max(1)..=hi {
            let same = ca == char::from(b[k - 1].to_ascii_lowercase());
            cur[k] = (prev[k - 1] + usize::from(!same))
                .min(prev[k] + 1)
                .min(cur[k - 1] + 1);
            row_min = row_min.min(cur[k]);
        }
        // The next row reads this one's cell right of the band.
        cur[hi + 1] = FAR;
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first, allocating version, kept as the reference the stack-only one must match.
    fn reference<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
        let trimmed = input.trim();
        if trimmed.is_empty() || trimmed.len() > 64 {
            return None;
        }
        let lower = trimmed.to_ascii_lowercase();
        let distance = |a: &str, b: &str| {
            let b: Vec<char> = b.chars().collect();
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            let mut cur = vec![0; b.len() + 1];
            for (i, ca) in a.chars().enumerate() {
                cur[0] = i + 1;
                for (j, &cb) in b.iter().enumerate() {
                    cur[j + 1] = (prev[j] + usize::from(ca != cb))
                        .min(prev[j + 1] + 1)
                        .min(cur[j] + 1);
                }
                std::mem::swap(&mut prev, &mut cur);
            }
            prev[b.len()]
        };
        let mut best: Option<(usize, &'c str)> = None;
        for &c in candidates {
            let cl = c.to_ascii_lowercase();
            let score = if cl == lower {
                0
            } else if lower.len() >= 3 && (cl.starts_with(&lower) || lower.starts_with(&cl)) {
                1
            } else {
                let d = distance(&lower, &cl);
                if d > (c.len() / 4).clamp(1, 2) {
                    continue;
                }
                1 + d
            };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, c));
            }
        }
        best.map(|(_, c)| c).filter(|&c| c != input)
    }

    #[test]
    fn suggests_what_the_allocating_reference_suggests() {
        let lists: &[&[&str]] = &[
            EVENT_TYPES,
            USAGE_TYPES,
            PAYMENT_TYPES,
            STATUSES,
            NUMBER_TYPES,
            ENVELOPE_FIELDS,
            INFO_FIELDS,
            PROVIDER_FIELDS,
        ];
        let mut tried = 0;
        for list in lists {
            for &word in *list {
                let mut variants = vec![
                    word.to_string(),
                    word.to_uppercase(),
                    word.to_lowercase(),
                    format!(" {word} "),
                    format!("{word}x"),
                    format!("{word}é"),
                    word.replacen('e', "é", 1),
                    word.chars().skip(1).collect(),
                    word.chars().take(3).collect(),
                    word.chars().take(2).collect(),
                    word.chars().rev().collect(),
                    // Characters the bag distance counts with a letter (same low five bits).
                    word.replace('p', "0"),
                    word.replacen('a', "!", 1),
                    format!("{}{}", word.replace('e', "%"), "12"),
                    "é".repeat(40),
                    "x".repeat(65),
                ];
                for cut in 0..word.len() {
                    let mut v = word.to_string();
                    v.remove(cut);
                    variants.push(v);
                    let mut v = word.to_string();
                    v.insert(cut, 'q');
                    variants.push(v);
                    // Two neighbours swapped, and one letter replaced: the bag distance sees
                    // these as 0 and 1, below the edit distance.
                    let mut v: Vec<char> = word.chars().collect();
                    v.swap(cut, (cut + 1) % word.len());
                    variants.push(v.iter().collect());
                    variants.push(format!("{}z{}", &word[..cut], &word[cut + 1..]));
                }
                for v in &variants {
                    for candidates in lists {
                        assert_eq!(closest(v, candidates), reference(v, candidates), "{v:?}");
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 5000);
    }

    #[test]
    fn remembered_answers_are_closests_for_the_same_input_and_list() {
        let lists: [&'static [&'static str]; 4] =
            [INFO_FIELDS, ENVELOPE_FIELDS, EVENT_TYPES, PROVIDER_FIELDS];
        let inputs = [
            "tollType",
            "phonenumber",
            "created",
            "nme",
            "id",
            "x",
            "Deleted",
            "",
        ];
        let long = "y".repeat(MAX_GUESS + 1);
        // Rounds in other orders, so that answers are found remembered, and replaced.
        for round in 0..3 {
            for (k, input) in inputs.iter().chain([&long.as_str()]).enumerate() {
                for list in lists.iter().cycle().skip(k + round).take(lists.len()) {
                    assert_eq!(closest_in(input, list), closest(input, list), "{input:?}");
                }
            }
        }
        assert_eq!(closest_in("phonenumber", INFO_FIELDS), Some("phoneNumber"));
        assert_eq!(closest_in("phonenumber", ENVELOPE_FIELDS), None);
    }

    #[test]
    fn suggests_the_value_a_person_meant() {
        assert_eq!(closest("created", EVENT_TYPES), Some("Created"));
        assert_eq!(closest("Create", EVENT_TYPES), Some("Created"));
        assert_eq!(closest("Upated", EVENT_TYPES), Some("Updated"));
        assert_eq!(closest("DELETED", EVENT_TYPES), Some("Deleted"));
        assert_eq!(closest("phonenumber", INFO_FIELDS), Some("phoneNumber"));
        assert_eq!(
            closest("ContactCentreNumber", USAGE_TYPES),
            Some("ContactCenterNumber")
        );
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(closest("Frobnicated", EVENT_TYPES), None);
        assert_eq!(closest("", EVENT_TYPES), None);
        assert_eq!(closest("Created", EVENT_TYPES), None);
    }
}
