//! [`ReconcileOptions`] as callers write them: one flat object, as in JavaScript: the
//! options of `summarize` (declared once, by the summary's `log_given!`), and when each
//! snapshot was taken.

use crate::model::timestamp::Instant;
use crate::reconcile::ReconcileOptions;
use crate::summary::options::log_given;

log_given! {
    /// The members a caller may give, each `None` when left out (and then the default).
    struct Given {
        #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
        before_time: Option<Instant>,
        #[serde(default, deserialize_with = "crate::model::serde_impls::given")]
        after_time: Option<Instant>,
    }
}

impl From<Given> for ReconcileOptions {
    fn from(g: Given) -> Self {
        let mut o = ReconcileOptions::default();
        g.apply_log(&mut o.log);
        o.before_time = g.before_time;
        o.after_time = g.after_time;
        o
    }
}
