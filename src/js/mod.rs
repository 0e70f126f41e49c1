//! Layer 9, the JavaScript boundary: reading JavaScript's values and options, and (in
//! `wasm`, compiled only for `wasm32`) every `#[wasm_bindgen]` export. Nothing imports it.

pub mod boundary;
#[cfg(all(target_arch = "wasm32", feature = "serde"))]
pub mod wasm;

// On wasm32 this crate is the npm package's module, whose exports send every value through
// the token serializer, a serde `Serializer`.
#[cfg(all(target_arch = "wasm32", not(feature = "serde")))]
compile_error!("the WebAssembly build needs the `serde` feature (on by default)");
