//! ISO 8601 instants as RingCentral writes them.
//!
//! Real payloads use `2023-04-18T20:25:24.611Z`; older ones `2014-04-29T14:29:27.408+0000`.
//! We accept any ISO 8601 extended date-time with seconds, an optional fraction and a zone
//! (`Z`, `±HH:MM`, `±HHMM` or `±HH`), check that the date exists, and normalise to UTC
//! milliseconds so events from different zones order correctly.
//!
//! RFC 3339 allows a leap second, `23:59:60` UTC (at another local time in another zone), and
//! so does this module, on the days one was inserted. It is an instant of its own: after every
//! millisecond of `23:59:59` and before midnight, and written back as `23:59:60`.

/// A checked instant: milliseconds since 1970-01-01T00:00:00Z, as POSIX counts them, and
/// whether it falls in a leap second (which POSIX numbers as the second before it, `23:59:59`).
/// Instants order in time, a leap second between `23:59:59.999` and the next midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instant {
    millis: i64,
    leap: bool,
}

impl Ord for Instant {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Within its second, a leap second comes after the second POSIX gives it the number of.
        let key = |t: &Instant| (t.millis.div_euclid(1000), t.leap, t.millis.rem_euclid(1000));
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Instant {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The days (since 1970-01-01) that ended with a leap second, 23:59:60 UTC: every one IERS
/// has announced (Bulletin C; the IETF's leap-seconds.list), from 1972-06-30 to 2016-12-31.
/// None is scheduled, and the CGPM decided in 2022 to stop adding them by 2035.
const LEAP_SECOND_DAYS: [(i64, u32, u32); 27] = [
    (1972, 6, 30),
    (1972, 12, 31),
    (1973, 12, 31),
    (1974, 12, 31),
    (1975, 12, 31),
    (1976, 12, 31),
    (1977, 12, 31),
    (1978, 12, 31),
    (1979, 12, 31),
    (1981, 6, 30),
    (1982, 6, 30),
    (1983, 6, 30),
    (1985, 6, 30),
    (1987, 12, 31),
    (1989, 12, 31),
    (1990, 12, 31),
    (1992, 6, 30),
    (1993, 6, 30),
    (1994, 6, 30),
    (1995, 12, 31),
    (1997, 6, 30),
    (1998, 12, 31),
    (2005, 12, 31),
    (2008, 12, 31),
    (2012, 6, 30),
    (2015, 6, 30),
    (2016, 12, 31),
];

/// Why a timestamp was refused, with a hint where one helps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError {
    pub detail: String,
    pub hint: Option<&'static str>,
}

impl std::fmt::Display for TimestampError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)?;
        match self.hint {
            Some(hint) => write!(f, " ({hint})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for TimestampError {}

impl std::str::FromStr for Instant {
    type Err = TimestampError;

    /// Reads an ISO 8601 date-time as RingCentral writes them (see the module's note).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse(text)
    }
}

/// A refusal in fixed words. Never inlined: [`parse`] has a dozen, and each was a copy of the
/// allocation and its failure path (the function was 4 KB of the module).
#[cold]
#[inline(never)]
fn err(detail: &'static str, hint: Option<&'static str>) -> TimestampError {
    refused(detail.to_string(), hint)
}

/// A refusal whose words quote the text.
#[cold]
#[inline(never)]
fn refused(detail: String, hint: Option<&'static str>) -> TimestampError {
    TimestampError { detail, hint }
}

const FORM_HINT: &str = "write it like 2023-04-18T20:25:24.611Z";

fn digits(s: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = s.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

pub fn parse(text: &str) -> Result<Instant, TimestampError> {
    let s = text.as_bytes();
    let date_ok = s.len() >= 10 && s[4] == b'-' && s[7] == b'-';
    let (Some(year), Some(month), Some(day)) = (digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2))
    else {
        return Err(err(
            "it does not start with a date YYYY-MM-DD",
            Some(FORM_HINT),
        ));
    };
    if !date_ok {
        return Err(err(
            "it does not start with a date YYYY-MM-DD",
            Some(FORM_HINT),
        ));
    }
    match s.get(10) {
        Some(b'T') => {}
        Some(b' ') | Some(b't') => {
            return Err(err(
                "the date and the time must be separated by `T`",
                Some(FORM_HINT),
            ))
        }
        None => return Err(err("it has a date but no time of day", Some(FORM_HINT))),
        _ => {
            return Err(err(
                "the date must be followed by `T` and the time",
                Some(FORM_HINT),
            ))
        }
    }
    let (Some(hour), Some(minute), Some(second)) =
        (digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2))
    else {
        return Err(err("the time must be HH:MM:SS", Some(FORM_HINT)));
    };
    if s.get(13) != Some(&b':') || s.get(16) != Some(&b':') {
        return Err(err("the time must be HH:MM:SS", Some(FORM_HINT)));
    }
    let mut p = 19;
    let mut millis = 0u32;
    if s.get(p) == Some(&b'.') || s.get(p) == Some(&b',') {
        p += 1;
        let start = p;
        while s.get(p).is_some_and(u8::is_ascii_digit) {
            if p - start < 3 {
                millis = millis * 10 + u32::from(s[p] - b'0');
            }
            p += 1;
        }
        let n = p - start;
        if n == 0 {
            return Err(err(
                "the decimal point must be followed by digits",
                Some(FORM_HINT),
            ));
        }
        if n < 3 {
            millis *= 10u32.pow(3 - n as u32);
        }
    }
    let offset_minutes: i64 = match s.get(p) {
        Some(b'Z') | Some(b'z') if p + 1 == s.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let rest = &s[p + 1..];
            let (h, m) = match rest.len() {
                2 => (digits(rest, 0, 2), Some(0)),
                4 => (digits(rest, 0, 2), digits(rest, 2, 2)),
                5 if rest[2] == b':' => (digits(rest, 0, 2), digits(rest, 3, 2)),
                _ => (None, None),
            };
            let (Some(h), Some(m)) = (h, m) else {
                return Err(err(
                    "the zone offset must be ±HH:MM or ±HHMM",
                    Some(FORM_HINT),
                ));
            };
            if h > 23 || m > 59 {
                return Err(err("the zone offset is out of range", None));
            }
            let v = i64::from(h * 60 + m);
            if sign == b'-' {
                -v
            } else {
                v
            }
        }
        None => {
            return Err(err(
                "it has no time zone, so the instant is ambiguous",
                Some("add `Z` for UTC, as RingCentral does: 2023-04-18T20:25:24.611Z"),
            ))
        }
        _ => return Err(err("unexpected text after the time", Some(FORM_HINT))),
    };
    if !(1..=12).contains(&month) {
        return Err(refused(format!("month {month:02} does not exist"), None));
    }
    if day == 0 || day > days_in_month(i64::from(year), month) {
        return Err(refused(
            format!("{year:04}-{month:02}-{day:02} is not a date that exists"),
            None,
        ));
    }
    let leap = second == 60 && hour <= 23 && minute <= 59;
    if hour > 23 || minute > 59 || second > 59 && !leap {
        return Err(refused(
            format!("{hour:02}:{minute:02}:{second:02} is not a time of day"),
            None,
        ));
    }
    let days = days_from_civil(i64::from(year), month, day);
    // A leap second is numbered as POSIX numbers it, the second before it.
    let second = second.min(59);
    let secs = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    if leap && !is_leap_second(secs) {
        return Err(refused(format!("{hour:02}:{minute:02}:60 is not a leap second"),
            Some("a leap second is 23:59:60 UTC, on the 27 days that had one, 1972-06-30 to 2016-12-31"),
        ));
    }
    Ok(Instant {
        millis: secs * 1000 + i64::from(millis),
        leap,
    })
}

/// [`LEAP_SECOND_DAYS`] as days since 1970-01-01, counted once, when compiling.
const LEAP_SECOND_DAY_NUMBERS: [i64; 27] = {
    let mut days = [0; 27];
    let mut i = 0;
    while i < days.len() {
        let (y, m, d) = LEAP_SECOND_DAYS[i];
        days[i] = days_from_civil(y, m, d);
        i += 1;
    }
    days
};

/// Whether the second `secs` (since the epoch, POSIX-numbered) is 23:59:59 UTC of a day that
/// ended with a leap second.
#[cold]
fn is_leap_second(secs: i64) -> bool {
    secs.rem_euclid(86_400) == 86_399 && LEAP_SECOND_DAY_NUMBERS.contains(&secs.div_euclid(86_400))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
const fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = ((m + 9) % 12) as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
pub(super) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// [`Instant::to_iso`]'s text for a year outside 0000-9999 (which it writes with as many
/// digits as it needs, and a `-` when negative): `-1-12-31T23:00:00.000Z`. A year in that
/// range is [`parse`]'s.
fn parse_wide_year(text: &str) -> Option<Instant> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    // Nine digits reach past the ±292 million years an `i64` of milliseconds holds.
    if n == 0 || n > 9 {
        return None;
    }
    let year = i64::from(digits(rest.as_bytes(), 0, n)?);
    let year = if negative { -year } else { year };
    let t = &rest.as_bytes()[n..];
    let form = t.len() == 20
        && t.iter()
            .zip(b"-00-00T00:00:00.000Z")
            .all(|(c, f)| (f.is_ascii_digit() && c.is_ascii_digit()) || c == f);
    if (0..=9999).contains(&year) || !form {
        return None;
    }
    let [month, day, hour, minute, second] = [1, 4, 7, 10, 13].map(|at| digits(t, at, 2));
    let (month, day, hour, minute, second) = (month?, day?, hour?, minute?, second?);
    let millis = digits(t, 16, 3)?;
    let exists = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    if !exists {
        return None;
    }
    // In i128: the earliest instant's seconds times 1000 are past i64 before its
    // milliseconds are added.
    let secs = i128::from(days_from_civil(year, month, day)) * 86_400
        + i128::from(hour * 3600 + minute * 60 + second);
    i64::try_from(secs * 1000 + i128::from(millis))
        .ok()
        .map(Instant::from_millis)
}

impl Instant {
    /// The instant `millis` milliseconds after 1970-01-01T00:00:00Z, as POSIX counts them (no
    /// leap second).
    pub const fn from_millis(millis: i64) -> Instant {
        Instant {
            millis,
            leap: false,
        }
    }

    /// The instant [`Instant::millis`] and [`Instant::is_leap_second`] describe: what a
    /// compact copy of an instant gives back (`leap` only ever from an instant that had it).
    pub(crate) const fn from_parts(millis: i64, leap: bool) -> Instant {
        Instant { millis, leap }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, as POSIX counts them: a leap second's are
    /// those of the second before it.
    pub const fn millis(self) -> i64 {
        self.millis
    }

    /// Whether the instant falls in a leap second (`23:59:60` UTC).
    pub const fn is_leap_second(self) -> bool {
        self.leap
    }

    /// An instant from ISO 8601 text: any timestamp a notification may carry (with seconds, an
    /// optional fraction and a zone), and whatever [`Instant::to_iso`] writes (years past 9999 or before 0000 included), so that every
    /// instant reads back from its text.
    pub fn from_iso(text: &str) -> Result<Instant, TimestampError> {
        parse(text).or_else(|e| parse_wide_year(text).ok_or(e))
    }

    /// `2023-04-18T20:25:24.611Z`
    pub fn to_iso(self) -> String {
        let mut out = String::with_capacity(24);
        self.write_iso(&mut out);
        out
    }

    /// Appends `2023-04-18T20:25:24.611Z` to `out`.
    pub fn write_iso(self, out: &mut String) {
        self.write(out, b'T', true);
        out.push('Z');
    }

    /// `2023-04-18 20:25:24 UTC`, for sentences.
    pub fn to_human(self) -> String {
        let mut out = String::with_capacity(23);
        self.write_human(&mut out);
        out
    }

    /// `2023-04-18 20:25:24`, for tables whose header says the zone.
    pub fn to_plain(self) -> String {
        let mut out = String::with_capacity(19);
        self.write(&mut out, b' ', false);
        out
    }

    /// Appends `2023-04-18 20:25:24 UTC` to `out`.
    pub fn write_human(self, out: &mut String) {
        self.write(out, b' ', false);
        out.push_str(" UTC");
    }

    /// Digits written by hand into one buffer: `format!` with padding costs more than the
    /// whole date math, and this runs twice for every valid event.
    fn write(self, out: &mut String, sep: u8, millis: bool) {
        let (four_digits, text) = self.digits(sep);
        let from = if four_digits {
            0
        } else {
            let (y, _, _) = civil_from_days(self.millis.div_euclid(1000).div_euclid(86_400));
            out.push_str(&crate::text::decimal::signed(y));
            4
        };
        let to = if millis { 23 } else { 19 };
        // SAFETY: `text` holds ASCII only: digits, `-`, `:`, `.` and `sep` (`T` or a space).
        out.push_str(unsafe { std::str::from_utf8_unchecked(&text[from..to]) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_display_and_work_as_std_errors() {
        let e = "2023-02-30T00:00:00Z".parse::<Instant>().unwrap_err();
        let boxed: Box<dyn std::error::Error> = Box::new(e.clone());
        assert_eq!(boxed.to_string(), e.to_string());
        assert!(e.to_string().starts_with(&e.detail), "{e}");
        assert_eq!(
            "2023-04-18T20:25:24.611Z"
                .parse::<Instant>()
                .map(Instant::to_iso),
            Ok("2023-04-18T20:25:24.611Z".to_string())
        );
    }

    #[test]
    fn accepts_z_and_colonless_offsets_alike() {
        let a = parse("2023-04-18T20:25:24.611Z").unwrap();
        let b = parse("2023-04-18T22:25:24.611+0200").unwrap();
        let c = parse("2023-04-18T15:25:24.611-05:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a.to_iso(), "2023-04-18T20:25:24.611Z");
        assert_eq!(a.millis(), 1_681_849_524_611);
    }

    #[test]
    fn normalises_old_payload_offsets() {
        let t = parse("2014-04-29T14:29:27.408+0000").unwrap();
        assert_eq!(t.to_iso(), "2014-04-29T14:29:27.408Z");
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert!(parse("2023-02-29T00:00:00Z").is_err());
        assert!(parse("2024-02-29T00:00:00Z").is_ok());
        assert!(parse("2023-13-01T00:00:00Z").is_err());
        assert!(parse("2023-04-18T24:00:00Z").is_err());
    }

    #[test]
    fn explains_a_missing_zone() {
        let e = parse("2023-04-18T20:25:24.611").unwrap_err();
        assert!(e.hint.unwrap().contains("add `Z`"));
    }

    #[test]
    fn every_instant_reads_back_from_its_iso_text() {
        let edges = [
            i64::MIN,
            i64::MIN + 999,
            -62_167_219_200_001, // 0000-01-01T00:00:00Z, less a millisecond: year -1
            -1,
            0,
            1_681_849_524_611,
            253_402_300_800_000, // 10000-01-01T00:00:00Z
            i64::MAX,
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let random = std::iter::repeat_with(|| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as i64
        });
        for t in edges.into_iter().chain(random.take(10_000)) {
            let text = Instant::from_millis(t).to_iso();
            assert_eq!(
                Instant::from_iso(&text),
                Ok(Instant::from_millis(t)),
                "{text}"
            );
            assert_eq!(Instant::from_millis(t).with_iso(str::to_string), text);
        }
        let leap = parse("2016-12-31T23:59:60.250Z").unwrap();
        assert_eq!(leap.with_iso(str::to_string), "2016-12-31T23:59:60.250Z");
        assert_eq!(
            Instant::from_millis(-62_167_219_200_001).to_iso(),
            "-1-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn wide_years_are_only_read_in_to_iso_form() {
        for text in [
            "10000-02-30T00:00:00.000Z",
            "10000-01-01T00:00:00Z",
            "10000-01-01T00:00:00.000+01:00",
            "0123-01-01T00:00:00.000Zx",
            "123-01-01T00:00:00.000Z",
            "-0-01-01T00:00:00.000Z",
            "9999999999-01-01T00:00:00.000Z",
            "-",
            "",
        ] {
            assert!(Instant::from_iso(text).is_err(), "{text}");
        }
        assert_eq!(
            Instant::from_iso("2014-04-29T14:29:27.408+0000"),
            parse("2014-04-29T14:29:27.408Z")
        );
    }

    #[test]
    fn fractions_of_any_length_round_down_to_milliseconds() {
        assert_eq!(parse("1970-01-01T00:00:00.5Z").unwrap().millis(), 500);
        assert_eq!(
            parse("1970-01-01T00:00:00.123456789Z").unwrap().millis(),
            123
        );
        assert_eq!(
            parse("1969-12-31T23:59:59Z").unwrap().to_iso(),
            "1969-12-31T23:59:59.000Z"
        );
    }

    #[test]
    fn a_leap_second_is_an_instant_of_its_own_between_2359_59_and_midnight() {
        let leap = parse("2016-12-31T23:59:60.500Z").unwrap();
        assert!(leap.is_leap_second());
        assert_eq!(leap.to_iso(), "2016-12-31T23:59:60.500Z");
        assert_eq!(leap.to_human(), "2016-12-31 23:59:60 UTC");
        assert_eq!(Instant::from_iso(&leap.to_iso()), Ok(leap));
        let before = parse("2016-12-31T23:59:59.999Z").unwrap();
        let after = parse("2017-01-01T00:00:00Z").unwrap();
        assert!(before < parse("2016-12-31T23:59:60Z").unwrap());
        assert!(parse("2016-12-31T23:59:60Z").unwrap() < leap);
        assert!(before < leap && leap < after);
        assert_eq!(
            leap.millis(),
            before.millis() - 499,
            "POSIX numbers it as 23:59:59"
        );
        // The same leap second in another zone.
        assert_eq!(parse("2016-12-31T18:59:60.500-05:00"), Ok(leap));
        assert_eq!(parse("2017-01-01T00:59:60.500+0100"), Ok(leap));
        assert!(parse("2015-06-30T23:59:60Z").unwrap().is_leap_second());
    }

    #[test]
    fn second_60_is_refused_where_no_leap_second_was() {
        for text in [
            "2023-04-18T20:25:60Z",
            "2016-12-31T22:59:60Z",
            "2017-12-31T23:59:60Z",
            "2016-12-31T23:59:60+01:00",
            "2016-12-31T23:59:61Z",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
        let e = parse("2023-12-31T23:59:60Z").unwrap_err();
        assert!(e.detail.contains("not a leap second"), "{}", e.detail);
        assert!(e.hint.unwrap().contains("2016-12-31"));
    }
}
