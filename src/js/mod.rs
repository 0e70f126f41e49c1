//! Layer 10, the JavaScript boundary: reading JavaScript's values and options, the encodings
//! that cross, and (compiled only for `wasm32`) every `#[wasm_bindgen]` export and the
//! JavaScript modules they import (`*.js` here). Nothing imports it, and it uses only what the
//! crate root exports, `__private` included (tests/layers.rs checks).

pub mod boundary;
pub mod encode;
pub mod encoded;
pub mod held;
pub mod issues;
pub mod options;
mod spare;
pub mod templates;

#[cfg(target_arch = "wasm32")]
mod assemble;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod lane;
#[cfg(target_arch = "wasm32")]
mod objects;
#[cfg(all(target_arch = "wasm32", feature = "js-summarize"))]
mod reconcile;
#[cfg(target_arch = "wasm32")]
mod snapshot;
#[cfg(all(target_arch = "wasm32", feature = "js-summarize"))]
mod stream;
#[cfg(all(target_arch = "wasm32", feature = "js-summarize"))]
pub mod summarize;
#[cfg(target_arch = "wasm32")]
mod thrown;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The TypeScript declarations of every export of the validate-only module (src/js/types.d.ts;
/// the full module adds summary.d.ts's, src/js/summarize.rs); the codes listed must
/// match [`IssueCode::ALL`](crate::IssueCode::ALL), and tests/js/types.test.mjs checks the names
/// against the Rust types and the objects the package makes.
pub const TYPESCRIPT: &str = include_str!("types.d.ts");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typescript_lists_exactly_the_issue_codes() {
        let start = TYPESCRIPT.find("export type IssueCode").unwrap();
        let end = start + TYPESCRIPT[start..].find(';').unwrap();
        let listed: Vec<&str> = TYPESCRIPT[start..end]
            .split('"')
            .skip(1)
            .step_by(2)
            .collect();
        let codes: Vec<&str> = crate::IssueCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes);
    }
}
