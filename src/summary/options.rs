//! [`SummarizeOptions`] as callers write them: one flat object, as in JavaScript, where the
//! Rust type keeps `validate`'s options in `item`.
//!
//! `reconcile` takes the same members and a few of its own. serde's `flatten` would share
//! them, but it cannot be combined with `deny_unknown_fields`, which gives the "unknown
//! option" errors; so [`log_given!`] declares the shared members once for both structs.

use crate::summary::SummarizeOptions;

/// Declares a `Given` struct with the members every log-reading call takes (`strict`, the
/// limits, the renderings, `redact`) followed by `$extra`, and `apply_log`, which writes the
/// shared ones that were given into a [`SummarizeOptions`].
macro_rules! log_given {
    ($(#[$doc:meta])* struct Given { $($extra:tt)* }) => {
        $(#[$doc])*
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        pub(crate) struct Given {
            #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
            strict: Option<bool>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { crate::model::HARD_MAX_INPUT_BYTES }>")]
            max_input_bytes: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { crate::json::HARD_MAX_DEPTH }>")]
            max_depth: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { usize::MAX }>")]
            max_issues: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { usize::MAX }>")]
            max_items: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { usize::MAX }>")]
            max_log_issues: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { crate::model::HARD_MAX_OUTPUT_BYTES }>")]
            max_output_bytes: Option<usize>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
            markdown: Option<bool>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
            csv: Option<bool>,
            #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
            redact: Option<bool>,
            $($extra)*
        }

        impl Given {
            /// Writes the shared members that were given into `o`, leaving its defaults for
            /// the rest.
            fn apply_log(&self, o: &mut crate::summary::SummarizeOptions) {
                let item = &mut o.item;
                item.strict = self.strict.unwrap_or(item.strict);
                item.max_input_bytes = self.max_input_bytes.unwrap_or(item.max_input_bytes);
                item.max_depth = self.max_depth.unwrap_or(item.max_depth);
                item.max_issues = self.max_issues.unwrap_or(item.max_issues);
                item.redact = self.redact.unwrap_or(item.redact);
                o.max_items = self.max_items.unwrap_or(o.max_items);
                o.max_log_issues = self.max_log_issues.unwrap_or(o.max_log_issues);
                o.max_output_bytes = self.max_output_bytes.or(o.max_output_bytes);
                o.markdown = self.markdown.unwrap_or(o.markdown);
                o.csv = self.csv.unwrap_or(o.csv);
            }
        }
    };
}
pub(crate) use log_given;

log_given! {
    /// The members a caller may give, each `None` when left out (and then the default).
    /// `text` is not one: a summary always has its text.
    struct Given {
        #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
        timelines: Option<bool>,
        #[serde(default, deserialize_with = "crate::model::serde_impls::given_limit::<_, { usize::MAX }>")]
        last_entries: Option<usize>,
        #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
        changed_only: Option<bool>,
    }
}

impl From<Given> for SummarizeOptions {
    fn from(g: Given) -> Self {
        let mut o = SummarizeOptions::default();
        g.apply_log(&mut o);
        o.timelines = g.timelines.unwrap_or(o.timelines);
        o.last_entries = g.last_entries.or(o.last_entries);
        o.changed_only = g.changed_only.unwrap_or(o.changed_only);
        o
    }
}
