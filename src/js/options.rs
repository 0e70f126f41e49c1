//! The caller's options: which names each function knows, what each value may be, and the
//! `TypeError`/`RangeError` (with a "did you mean") for any other. `readOptions`
//! (src/js/options.js) reads the caller's object into a snapshot, which serde-wasm-bindgen
//! turns into [`GivenOptions`] (src/js/snapshot.rs); tests read options from JSON text.

use super::boundary::ThrownError;
use crate::__private::{
    clip, closest, joined_with, Parser, Value, HARD_MAX_DEPTH, HARD_MAX_INPUT_BYTES,
    HARD_MAX_OUTPUT_BYTES,
};
use crate::{SummarizeOptions, ValidateOptions};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The options of `parse`.
pub const PARSE_OPTION_NAMES: &[&str] =
    &["strict", "maxInputBytes", "maxDepth", "maxIssues", "redact"];
/// The options of `validate`: those of `parse`, and the renderings.
pub const VALIDATE_OPTION_NAMES: &[&str] = &[
    "strict",
    "maxInputBytes",
    "maxDepth",
    "maxIssues",
    "text",
    "markdown",
    "csv",
    "redact",
];
/// The options of `summarize`.
pub const SUMMARY_OPTION_NAMES: &[&str] = &[
    "strict",
    "maxInputBytes",
    "maxDepth",
    "maxIssues",
    "maxItems",
    "maxLogIssues",
    "maxOutputBytes",
    "markdown",
    "csv",
    "redact",
    "timelines",
    "lastEntries",
    "changedOnly",
];

/// Reads options given as JSON text (what `JSON.stringify(options)` makes of the caller's
/// object). Unknown or mistyped options throw: a silently ignored `stict: true` would give
/// the caller a verdict they did not ask for.
pub fn options_from_json(text: &str) -> Result<ValidateOptions, ThrownError> {
    read_item_options(text, VALIDATE_OPTION_NAMES)
}

/// [`options_from_json`] for `parse`, which has no renderings.
pub fn parse_options_from_json(text: &str) -> Result<ValidateOptions, ThrownError> {
    read_item_options(text, PARSE_OPTION_NAMES)
}

fn read_item_options(text: &str, names: &[&str]) -> Result<ValidateOptions, ThrownError> {
    let base = SummarizeOptions {
        item: ValidateOptions::default(),
        ..SummarizeOptions::default()
    };
    read_options(text, base, names, false).map(|o| o.item)
}

/// Reads the options of `summarize`, as [`options_from_json`] does those of `validate`.
pub fn summary_options_from_json(text: &str) -> Result<SummarizeOptions, ThrownError> {
    read_options(
        text,
        SummarizeOptions::default(),
        SUMMARY_OPTION_NAMES,
        true,
    )
}

fn read_options(
    text: &str,
    options: SummarizeOptions,
    names: &[&str],
    for_summary: bool,
) -> Result<SummarizeOptions, ThrownError> {
    let text = text.trim();
    if text.is_empty() || text == "null" {
        return Ok(options);
    }
    let parsed = Parser::new(text, 0, 4)
        .parse_value_at()
        .map_err(|_| ThrownError::type_error("options must be a plain object".into()))?;
    let Some(members) = parsed.root.members() else {
        return Err(ThrownError::type_error(format!(
            "options must be an object, not {}",
            parsed.root.type_name()
        )));
    };
    let given = members.iter().map(|m| {
        let value = match &m.value.value {
            Value::Null => OptionValue::Null,
            Value::Bool(b) => OptionValue::Bool(*b),
            Value::Number(t) => OptionValue::Number(whole_number(t)),
            Value::String(_) => OptionValue::String,
            Value::Array(_) => OptionValue::Array,
            Value::Object(_) => OptionValue::Object,
        };
        (&*m.key, value)
    });
    apply_options(given, options, names, for_summary)
}

/// One option's value as the caller gave it, reduced to what decides whether it is accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum OptionValue {
    /// Not given, or `undefined` (as `JSON.stringify` would drop it): the default.
    #[default]
    Absent,
    Null,
    Bool(bool),
    /// A number: whole and not negative (saturating at `usize::MAX`), or `None`.
    Number(Option<usize>),
    String,
    BigInt,
    Symbol,
    Function,
    Object,
    Array,
    /// Reading it threw (a getter, a Proxy's `get` trap): never read as the default, which
    /// would silently give the caller a verdict they did not ask for.
    Unreadable,
}

impl OptionValue {
    /// A value `readOptions` (src/js/options.js) snapshot as the label of its type: its
    /// `typeof`, or `null`, `array` or `unreadable`.
    pub fn of_label(label: &str) -> Option<Self> {
        Some(match label {
            "null" => OptionValue::Null,
            "string" => OptionValue::String,
            "bigint" => OptionValue::BigInt,
            "symbol" => OptionValue::Symbol,
            "function" => OptionValue::Function,
            "object" => OptionValue::Object,
            "array" => OptionValue::Array,
            "unreadable" => OptionValue::Unreadable,
            _ => return None,
        })
    }

    fn type_name(self) -> &'static str {
        match self {
            OptionValue::Absent => "undefined",
            OptionValue::Null => "null",
            OptionValue::Bool(_) => "a boolean",
            OptionValue::Number(_) => "a number",
            OptionValue::String => "a string",
            OptionValue::BigInt => "a bigint",
            OptionValue::Symbol => "a symbol",
            OptionValue::Function => "a function",
            OptionValue::Object => "an object",
            OptionValue::Array => "an array",
            OptionValue::Unreadable => "unreadable",
        }
    }
}

/// A JavaScript number that is whole and at least 0, saturating at `usize::MAX` (2**53 and
/// 1e300 alike); `None` for NaN, infinities, fractions and negatives. Comparisons and one
/// truncating conversion only: no float formatting or parsing enters the module.
pub fn whole_of_f64(v: f64) -> Option<usize> {
    if v.is_nan() || v < 0.0 || v == f64::INFINITY {
        return None;
    }
    // Every f64 from 2**53 up is whole.
    if v >= 9_007_199_254_740_992.0 {
        return Some(usize::MAX);
    }
    let n = v as u64;
    (n as f64 == v).then(|| usize::try_from(n).unwrap_or(usize::MAX))
}

/// Which function's options are read, so which names it knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionsOf {
    Parse,
    Validate,
    Summarize,
}

impl OptionsOf {
    pub fn names(self) -> &'static [&'static str] {
        match self {
            OptionsOf::Parse => PARSE_OPTION_NAMES,
            OptionsOf::Validate => VALIDATE_OPTION_NAMES,
            OptionsOf::Summarize => SUMMARY_OPTION_NAMES,
        }
    }
}

/// What `readOptions` (src/js/options.js) found when the options object itself could not be read
/// as a plain object; `None` for a code it does not send.
pub fn options_object_error(code: f64) -> ThrownError {
    ThrownError::type_error(
        match code as u32 {
            1 => "options must be a plain object such as { strict: true }",
            2 => "options could not be read: asking for its prototype threw (a Proxy trap?)",
            3 => "options could not be read: listing its keys threw (a Proxy trap?)",
            // What `readOptions` made could not be read back: a bug of ours, not the caller's.
            _ => "options could not be read",
        }
        .into(),
    )
}

/// The TypeError for an option name the function does not know, with the closest known name.
pub fn unknown_option(key: &str, names: &[&str]) -> ThrownError {
    let hint = closest(key, names)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_else(|| format!("; known options: {}", joined_with(names, ", ")));
    ThrownError::type_error(format!("unknown option `{}`{hint}", clip(key)))
}

/// The options `readOptions` (src/js/options.js) read from the caller's object, as
/// serde-wasm-bindgen deserializes its snapshot (src/js/snapshot.rs): each known option the
/// caller gave, as a boolean, a number or the label of its type. The caller's own object is
/// never read here, so nothing the caller wrote runs while Rust holds memory.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GivenOptions([OptionValue; ALL_OPTION_NAMES.len()]);

/// Every name some function knows, [`GivenOptions`]'s order: those of `summarize` (which has
/// every other function's but one) and `text`.
const ALL_OPTION_NAMES: [&str; SUMMARY_OPTION_NAMES.len() + 1] = {
    let mut all = [""; SUMMARY_OPTION_NAMES.len() + 1];
    let mut k = 0;
    while k < SUMMARY_OPTION_NAMES.len() {
        all[k] = SUMMARY_OPTION_NAMES[k];
        k += 1;
    }
    all[k] = "text";
    all
};

impl GivenOptions {
    /// The value given for `name`, one of the names some function knows. A search of one
    /// table rather than a `match` of one field per name, which was compiled as a chain of
    /// comparisons into each of its callers.
    #[inline(never)]
    pub fn slot(&mut self, name: &str) -> Option<&mut OptionValue> {
        let k = ALL_OPTION_NAMES.iter().position(|n| *n == name)?;
        self.0.get_mut(k)
    }
}

/// The snapshot's entries, each into its slot. By hand rather than derived: the derived
/// visitor (a field enum, then an `Option` per field) was 2.5 KB of the module.
impl<'de> Deserialize<'de> for GivenOptions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = GivenOptions;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("an options snapshot")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<GivenOptions, A::Error> {
                let mut given = GivenOptions::default();
                while let Some(name) = map.next_key::<String>()? {
                    let value = map.next_value()?;
                    // `readOptions` snapshots known names only; another is no option.
                    if let Some(slot) = given.slot(&name) {
                        *slot = value;
                    }
                }
                Ok(given)
            }
        }
        d.deserialize_map(Entries)
    }
}

/// A snapshot's value: what [`OptionValue::of_label`] names, or a boolean or a number.
impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Of;
        impl Visitor<'_> for Of {
            type Value = OptionValue;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("a boolean, a number or the label of a type")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<OptionValue, E> {
                Ok(OptionValue::Bool(b))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(whole_of_f64(v)))
            }
            // serde-wasm-bindgen hands safe integers over as i64.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(
                    u64::try_from(v)
                        .ok()
                        .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
                ))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(Some(
                    usize::try_from(v).unwrap_or(usize::MAX),
                )))
            }
            fn visit_str<E: de::Error>(self, label: &str) -> Result<OptionValue, E> {
                OptionValue::of_label(label)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(label), &self))
            }
        }
        d.deserialize_any(Of)
    }
}

/// The options of function `of` from what the caller gave (`given`), in the order of
/// [`OptionsOf::names`]: the first mistyped or out-of-range value is thrown.
pub fn options_from_js(
    of: OptionsOf,
    given: &GivenOptions,
) -> Result<SummarizeOptions, ThrownError> {
    let names = of.names();
    let mut given = *given;
    // Only the options given: with none (most calls), nothing is compared at all.
    let given = names
        .iter()
        .map(|name| (*name, given.slot(name).map_or(OptionValue::Absent, |v| *v)))
        .filter(|(_, value)| *value != OptionValue::Absent);
    let base = match of {
        OptionsOf::Summarize => SummarizeOptions::default(),
        _ => SummarizeOptions {
            item: ValidateOptions::default(),
            ..SummarizeOptions::default()
        },
    };
    apply_options(given, base, names, of == OptionsOf::Summarize)
}

/// Applies each given option in turn; the first unknown name, mistyped or out-of-range value
/// is thrown.
fn apply_options<'k>(
    given: impl Iterator<Item = (&'k str, OptionValue)>,
    mut options: SummarizeOptions,
    names: &[&str],
    for_summary: bool,
) -> Result<SummarizeOptions, ThrownError> {
    for (key, value) in given {
        if !names.contains(&key) {
            return Err(unknown_option(key, names));
        }
        let boolean = matches!(
            key,
            "strict" | "text" | "markdown" | "csv" | "redact" | "timelines" | "changedOnly"
        );
        match (key, value) {
            (_, OptionValue::Absent) => {}
            (_, OptionValue::Unreadable) => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} could not be read: reading it threw"
                )))
            }
            ("strict", OptionValue::Bool(b)) => options.item.strict = b,
            ("text", OptionValue::Bool(b)) => options.item.text = b,
            ("redact", OptionValue::Bool(b)) => options.item.redact = b,
            ("markdown", OptionValue::Bool(b)) if for_summary => options.markdown = b,
            ("markdown", OptionValue::Bool(b)) => options.item.markdown = b,
            ("csv", OptionValue::Bool(b)) if for_summary => options.csv = b,
            ("csv", OptionValue::Bool(b)) => options.item.csv = b,
            ("timelines", OptionValue::Bool(b)) => options.timelines = b,
            ("changedOnly", OptionValue::Bool(b)) => options.changed_only = b,
            (_, v) if boolean => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} must be a boolean, not {}",
                    v.type_name()
                )))
            }
            (_, OptionValue::Number(n)) => {
                let n = n.filter(|n| *n >= 1).ok_or_else(|| {
                    ThrownError::range_error(format!(
                        "options.{key} must be a whole number of at least 1"
                    ))
                })?;
                match key {
                    "maxInputBytes" => options.item.max_input_bytes = n.min(HARD_MAX_INPUT_BYTES),
                    "maxOutputBytes" => {
                        options.max_output_bytes = Some(n.min(HARD_MAX_OUTPUT_BYTES))
                    }
                    "maxDepth" => options.item.max_depth = n.min(HARD_MAX_DEPTH),
                    "maxIssues" => options.item.max_issues = n,
                    "maxItems" => options.max_items = n,
                    "lastEntries" => options.last_entries = Some(n),
                    _ => options.max_log_issues = n,
                }
            }
            // A string has always been a RangeError here (as a limit that is not a number),
            // and callers may test for it; every other type is the wrong type.
            (_, OptionValue::String) => {
                return Err(ThrownError::range_error(format!(
                    "options.{key} must be a whole number of at least 1, not a string"
                )))
            }
            (_, v) => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} must be a whole number of at least 1, not {}",
                    v.type_name()
                )))
            }
        }
    }
    Ok(options)
}

/// A whole, non-negative JSON number (`123`, `1e9`, `1.5e3`), saturating at `usize::MAX`;
/// `None` for fractions and negatives. Integer-only parsing keeps float parsing out of the
/// WebAssembly module.
fn whole_number(text: &str) -> Option<usize> {
    let (mantissa, exp) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let exp: usize = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    if int.is_empty()
        || frac.len() > exp
        || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = int.bytes().chain(frac.bytes());
    let n = digits.fold(0usize, |n, b| {
        n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
    });
    let zeros = exp - frac.len();
    if zeros > 20 {
        // Past any usize: saturate without looping over a hostile exponent.
        return Some(if n == 0 { 0 } else { usize::MAX });
    }
    Some((0..zeros).fold(n, |n, _| n.saturating_mul(10)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_s_options_have_a_slot() {
        for names in [
            PARSE_OPTION_NAMES,
            VALIDATE_OPTION_NAMES,
            SUMMARY_OPTION_NAMES,
        ] {
            for name in names {
                assert!(GivenOptions::default().slot(name).is_some(), "{name}");
            }
        }
        assert!(GivenOptions::default().slot("nope").is_none());
    }

    #[test]
    fn reads_every_option() {
        let o =
            options_from_json(r#"{"strict":true,"maxInputBytes":10,"maxDepth":5,"maxIssues":3}"#)
                .unwrap();
        assert!(o.strict);
        assert_eq!((o.max_input_bytes, o.max_depth, o.max_issues), (10, 5, 3));
    }

    #[test]
    fn treats_missing_options_as_defaults() {
        assert_eq!(options_from_json("").unwrap(), ValidateOptions::default());
        assert_eq!(
            options_from_json("null").unwrap(),
            ValidateOptions::default()
        );
        assert_eq!(options_from_json("{}").unwrap(), ValidateOptions::default());
    }

    #[test]
    fn refuses_misspelt_options_with_a_suggestion() {
        let e = options_from_json(r#"{"stict":true}"#).unwrap_err();
        assert_eq!(e.class, "TypeError");
        assert_eq!(e.message, "unknown option `stict`; did you mean `strict`?");
    }

    #[test]
    fn refuses_mistyped_and_out_of_range_options() {
        assert_eq!(
            options_from_json(r#"{"strict":"yes"}"#).unwrap_err().class,
            "TypeError"
        );
        assert_eq!(
            options_from_json(r#"{"maxDepth":0}"#).unwrap_err().class,
            "RangeError"
        );
        assert_eq!(
            options_from_json(r#"{"maxDepth":1.5}"#).unwrap_err().class,
            "RangeError"
        );
        assert_eq!(options_from_json("[1]").unwrap_err().class, "TypeError");
    }

    #[test]
    fn summary_options_add_log_limits_and_renderings() {
        let o = summary_options_from_json(
            r#"{"maxItems":5,"maxLogIssues":7,"markdown":true,"csv":true,"strict":true}"#,
        )
        .unwrap();
        assert_eq!(
            (
                o.max_items,
                o.max_log_issues,
                o.markdown,
                o.csv,
                o.item.strict
            ),
            (5, 7, true, true, true)
        );
        let e = parse_options_from_json(r#"{"markdown":true}"#).unwrap_err();
        assert!(
            e.message.starts_with("unknown option `markdown`"),
            "{}",
            e.message
        );
        let o = options_from_json(r#"{"markdown":true,"text":true,"csv":true}"#).unwrap();
        assert!(o.markdown && o.text && o.csv);
        let o =
            summary_options_from_json(r#"{"maxOutputBytes":1e12,"maxInputBytes":1e12}"#).unwrap();
        assert_eq!(
            (o.max_output_bytes, o.item.max_input_bytes),
            (Some(HARD_MAX_OUTPUT_BYTES), HARD_MAX_INPUT_BYTES)
        );
    }

    #[test]
    fn reads_whole_numbers_in_any_json_spelling() {
        assert_eq!(whole_number("123"), Some(123));
        assert_eq!(whole_number("1e9"), Some(1_000_000_000));
        assert_eq!(whole_number("1.5e3"), Some(1500));
        assert_eq!(whole_number("1e+400"), Some(usize::MAX));
        assert_eq!(whole_number("1e999999999999"), Some(usize::MAX));
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(whole_number("-1"), None);
        assert_eq!(whole_number("1e-3"), None);
    }

    #[test]
    fn caps_depth_at_the_hard_limit() {
        let o = options_from_json(r#"{"maxDepth":1e9}"#).unwrap();
        assert_eq!(o.max_depth, HARD_MAX_DEPTH);
    }

    /// A value of `readOptions`'s snapshot (src/js/options.js).
    enum Js {
        Bool(bool),
        Num(f64),
        Label(&'static str),
    }

    /// A snapshot's value as serde-wasm-bindgen hands it over.
    fn value_of(v: &Js) -> OptionValue {
        use serde::de::{value::Error, IntoDeserializer};
        match v {
            Js::Bool(b) => {
                OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(*b))
            }
            Js::Num(n) => {
                OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(*n))
            }
            Js::Label(l) => {
                OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(*l))
            }
        }
        .unwrap()
    }

    /// Options as `readOptions` snapshots them, by name.
    fn from_js(of: OptionsOf, given: &[(&str, Js)]) -> Result<SummarizeOptions, ThrownError> {
        let mut snapshot = GivenOptions::default();
        for (name, value) in given {
            *snapshot.slot(name).unwrap() = value_of(value);
        }
        options_from_js(of, &snapshot)
    }

    #[test]
    fn the_snapshot_fields_are_the_option_names() {
        use serde::de::value::{Error, MapDeserializer};
        let mut all = SUMMARY_OPTION_NAMES.to_vec();
        all.extend(VALIDATE_OPTION_NAMES);
        for name in all {
            let map =
                MapDeserializer::<_, Error>::new([(name, "bigint"), ("other", "null")].into_iter());
            let mut given = GivenOptions::deserialize(map).unwrap();
            assert_eq!(
                given.slot(name).copied(),
                Some(OptionValue::BigInt),
                "{name}"
            );
            *given.slot(name).unwrap() = OptionValue::Absent;
            assert_eq!(
                given,
                GivenOptions::default(),
                "{name} sets only its own field"
            );
        }
        for label in ["boolean", "number", "undefined", ""] {
            let v = OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(label));
            assert!(v.is_err(), "{label}");
        }
        use serde::de::IntoDeserializer;
        assert_eq!(
            OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(-3i64)).unwrap(),
            OptionValue::Number(None)
        );
        assert_eq!(
            OptionValue::deserialize(IntoDeserializer::<Error>::into_deserializer(7u64)).unwrap(),
            OptionValue::Number(Some(7))
        );
    }

    #[test]
    fn reads_options_from_javascript_values() {
        let o = from_js(
            OptionsOf::Validate,
            &[
                ("strict", Js::Bool(true)),
                ("maxDepth", Js::Num(5.0)),
                ("csv", Js::Bool(true)),
            ],
        )
        .unwrap();
        assert!(o.item.strict && o.item.csv && !o.item.text);
        assert_eq!(o.item.max_depth, 5);
        let o = from_js(
            OptionsOf::Summarize,
            &[
                ("maxOutputBytes", Js::Num(2f64.powi(53))),
                ("maxInputBytes", Js::Num(1e300)),
            ],
        )
        .unwrap();
        assert_eq!(o.max_output_bytes, Some(HARD_MAX_OUTPUT_BYTES));
        assert_eq!(o.item.max_input_bytes, HARD_MAX_INPUT_BYTES);
        // `undefined` is left out of the snapshot: the default.
        let o = from_js(OptionsOf::Parse, &[]).unwrap();
        assert_eq!(o.item, ValidateOptions::default());
    }

    #[test]
    fn refuses_every_javascript_type_an_option_cannot_have() {
        let labels = [
            "null",
            "string",
            "bigint",
            "symbol",
            "function",
            "object",
            "array",
            "unreadable",
        ];
        for label in labels {
            let e = from_js(OptionsOf::Validate, &[("strict", Js::Label(label))]).unwrap_err();
            assert_eq!(e.class, "TypeError", "{label}: {}", e.message);
            assert!(e.message.starts_with("options.strict "), "{}", e.message);
        }
        let e = from_js(OptionsOf::Validate, &[("strict", Js::Num(1.0))]).unwrap_err();
        assert_eq!(e.message, "options.strict must be a boolean, not a number");
        let e = from_js(OptionsOf::Validate, &[("maxDepth", Js::Label("bigint"))]).unwrap_err();
        assert_eq!(
            (e.class, e.message.as_str()),
            (
                "TypeError",
                "options.maxDepth must be a whole number of at least 1, not a bigint"
            )
        );
        let e = from_js(
            OptionsOf::Validate,
            &[("maxIssues", Js::Label("unreadable"))],
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "options.maxIssues could not be read: reading it threw"
        );
        // A string stays the RangeError it always was.
        let e = from_js(OptionsOf::Validate, &[("maxDepth", Js::Label("string"))]).unwrap_err();
        assert_eq!(e.class, "RangeError");
        for bad in [
            0.0,
            -0.0,
            -1.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let e = from_js(OptionsOf::Validate, &[("maxDepth", Js::Num(bad))]).unwrap_err();
            assert_eq!(e.class, "RangeError", "{bad}");
        }
    }

    #[test]
    fn whole_numbers_of_javascript() {
        assert_eq!(whole_of_f64(0.0), Some(0));
        assert_eq!(whole_of_f64(-0.0), Some(0));
        assert_eq!(whole_of_f64(7.0), Some(7));
        assert_eq!(
            whole_of_f64(2f64.powi(53) - 1.0),
            usize::try_from((1u64 << 53) - 1).ok().or(Some(usize::MAX))
        );
        assert_eq!(whole_of_f64(2f64.powi(53)), Some(usize::MAX));
        assert_eq!(whole_of_f64(1e300), Some(usize::MAX));
        assert_eq!(whole_of_f64(0.5), None);
        assert_eq!(whole_of_f64(-1.0), None);
        assert_eq!(whole_of_f64(f64::NAN), None);
        assert_eq!(whole_of_f64(f64::INFINITY), None);
    }

    #[test]
    fn names_what_could_not_be_read() {
        assert!(options_object_error(1.0).message.contains("plain object"));
        assert!(options_object_error(2.0).message.contains("prototype"));
        assert!(options_object_error(3.0).message.contains("keys"));
        assert_eq!(
            options_object_error(0.0).message,
            "options could not be read"
        );
        let e = unknown_option("maxdepth", VALIDATE_OPTION_NAMES);
        assert_eq!(
            e.message,
            "unknown option `maxdepth`; did you mean `maxDepth`?"
        );
    }
}
