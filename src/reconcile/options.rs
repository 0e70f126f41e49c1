//! [`ReconcileOptions`] as callers write them: one flat object, as in JavaScript: the
//! options of `summarize`, and when each snapshot was taken.

use crate::json::HARD_MAX_DEPTH;
use crate::model::serde_impls::{given, given_limit};
use crate::model::timestamp::Instant;
use crate::model::{HARD_MAX_INPUT_BYTES, HARD_MAX_OUTPUT_BYTES};
use crate::reconcile::ReconcileOptions;

/// The members a caller may give, each `None` when left out (and then the default).
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
    redact: Option<bool>,
    #[serde(default, deserialize_with = "given")]
    before_time: Option<Instant>,
    #[serde(default, deserialize_with = "given")]
    after_time: Option<Instant>,
}

impl From<Given> for ReconcileOptions {
    fn from(g: Given) -> Self {
        let mut o = ReconcileOptions::default();
        let log = &mut o.log;
        log.item.strict = g.strict.unwrap_or(log.item.strict);
        log.item.max_input_bytes = g.max_input_bytes.unwrap_or(log.item.max_input_bytes);
        log.item.max_depth = g.max_depth.unwrap_or(log.item.max_depth);
        log.item.max_issues = g.max_issues.unwrap_or(log.item.max_issues);
        log.item.redact = g.redact.unwrap_or(log.item.redact);
        log.max_items = g.max_items.unwrap_or(log.max_items);
        log.max_log_issues = g.max_log_issues.unwrap_or(log.max_log_issues);
        log.max_output_bytes = g.max_output_bytes.or(log.max_output_bytes);
        log.markdown = g.markdown.unwrap_or(log.markdown);
        log.csv = g.csv.unwrap_or(log.csv);
        o.before_time = g.before_time;
        o.after_time = g.after_time;
        o
    }
}
