//! Layer 9, the JavaScript boundary: reading JavaScript's values and options, and (in
//! `wasm`, compiled only for `wasm32`) every `#[wasm_bindgen]` export. Nothing imports it.

pub mod boundary;
#[cfg(target_arch = "wasm32")]
mod objects;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
