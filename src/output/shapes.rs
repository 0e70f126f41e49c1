//! The structs that cross to JavaScript as values alone, without their keys (see
//! `write::Tokens`).

/// A struct sent without its keys: `assemble` builds it with an object literal of these keys
/// in this order, which V8 makes in one allocation of one hidden class, where an object built
/// key by key (the summary's tens of thousands of timeline entries) went through a keyed
/// store and a change of class per member. `name` and the number of keys pick the shape (a
/// field skipped when empty makes another count); the keys are checked as they come, and a
/// struct whose keys differ from its shape's makes `write::to_tokens` write every struct with its
/// keys instead. tests/js_layout.rs holds each shape to its literal in src/js/assemble.js, and
/// tests/tokens.rs each to the struct it stands for.
pub struct Shape {
    pub name: &'static str,
    pub keys: &'static [&'static str],
}

/// Whether structs of the [`SHAPES`] cross as such. They pay where a summary's thousands of
/// them cross; the validate-only WebAssembly module (without `js-summarize`) sends no summary,
/// and writes every struct with its keys instead (the same objects), without the shapes' code.
pub(super) const SHAPED: bool = cfg!(any(feature = "js-summarize", not(target_arch = "wasm32")));

/// The structs a summary holds by the thousand, numbered by their place here.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "TimelineEntry",
        keys: &[
            "time",
            "uuid",
            "eventType",
            "effect",
            "index",
            "line",
            "changes",
        ],
    },
    Shape {
        name: "FieldChange",
        keys: &["field", "from", "to"],
    },
    Shape {
        name: "NumberTimeline",
        keys: &["group", "id", "phoneNumber", "entriesNotListed", "timeline"],
    },
    Shape {
        name: "DuplicateItem",
        keys: &[
            "index",
            "line",
            "uuid",
            "firstIndex",
            "firstLine",
            "identical",
        ],
    },
    Shape {
        name: "OutOfOrderItem",
        keys: &["index", "line", "uuid", "time", "after", "afterIndex"],
    },
    Shape {
        name: "Problem",
        keys: &["index", "line", "kind", "issues"],
    },
    // With and without its hint.
    Shape {
        name: "Issue",
        keys: &[
            "code", "severity", "message", "hint", "path", "line", "column", "offset", "length",
        ],
    },
    Shape {
        name: "Issue",
        keys: &[
            "code", "severity", "message", "path", "line", "column", "offset", "length",
        ],
    },
];

/// The shape of the struct `name` that has `len` fields, if it has one.
pub(super) fn shape_of(name: &str, len: usize) -> Option<(u32, &'static [&'static str])> {
    let at = SHAPES
        .iter()
        .position(|s| s.keys.len() == len && s.name == name)?;
    Some((at as u32, SHAPES[at].keys))
}
