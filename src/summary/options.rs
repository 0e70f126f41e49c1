//! [`SummarizeOptions`] as callers write them: one flat object, as in JavaScript, where the
//! Rust type keeps `validate`'s options in `item`.

use crate::json::HARD_MAX_DEPTH;
use crate::model::serde_impls::{given, given_limit};
use crate::model::{HARD_MAX_INPUT_BYTES, HARD_MAX_OUTPUT_BYTES};
use crate::summary::SummarizeOptions;

/// The members a caller may give, each `None` when left out (and then the default). `text`
/// is not one: a summary always has its text.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Given {
    #[serde(default, deserialize_with = "given")]
    strict: Option<bool>,
    #[serde(default, deserialize_with = "given_limit::<_, HARD_MAX_INPUT_BYTES>")]
    max_input_bytes: Option<usize>,
    #[serde(default, deserialize_with = "given_limit::<_, HARD_MAX_DEPTH>")]
    max_depth: Option<usize>,
    #[serde(default, deserialize_with = "given_limit::<_, { usize::MAX }>")]
    max_issues: Option<usize>,
    #[serde(default, deserialize_with = "given_limit::<_, { usize::MAX }>")]
    max_items: Option<usize>,
    #[serde(default, deserialize_with = "given_limit::<_, { usize::MAX }>")]
    max_log_issues: Option<usize>,
    #[serde(default, deserialize_with = "given_limit::<_, HARD_MAX_OUTPUT_BYTES>")]
    max_output_bytes: Option<usize>,
    #[serde(default, deserialize_with = "given")]
    markdown: Option<bool>,
    #[serde(default, deserialize_with = "given")]
    csv: Option<bool>,
    #[serde(default, deserialize_with = "given")]
    timelines: Option<bool>,
    #[serde(default, deserialize_with = "given_limit::<_, { usize::MAX }>")]
    last_entries: Option<usize>,
    #[serde(default, deserialize_with = "given")]
    changed_only: Option<bool>,
}

impl From<Given> for SummarizeOptions {
    fn from(g: Given) -> Self {
        let mut o = SummarizeOptions::default();
        let item = &mut o.item;
        item.strict = g.strict.unwrap_or(item.strict);
        item.max_input_bytes = g.max_input_bytes.unwrap_or(item.max_input_bytes);
        item.max_depth = g.max_depth.unwrap_or(item.max_depth);
        item.max_issues = g.max_issues.unwrap_or(item.max_issues);
        o.max_items = g.max_items.unwrap_or(o.max_items);
        o.max_log_issues = g.max_log_issues.unwrap_or(o.max_log_issues);
        o.max_output_bytes = g.max_output_bytes.or(o.max_output_bytes);
        o.markdown = g.markdown.unwrap_or(o.markdown);
        o.csv = g.csv.unwrap_or(o.csv);
        o.timelines = g.timelines.unwrap_or(o.timelines);
        o.last_entries = g.last_entries.or(o.last_entries);
        o.changed_only = g.changed_only.unwrap_or(o.changed_only);
        o
    }
}
