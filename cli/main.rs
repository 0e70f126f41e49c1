//! `cc-number-events`: check, summarize and reconcile RingCentral Contact Center phone-number
//! notifications from the command line. Built on the crate's public API only.

// The command's dependencies are native-only (Cargo.toml): on wasm32, where
// `cargo build --target wasm32-unknown-unknown` still builds every target, it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod out;
#[cfg(not(target_arch = "wasm32"))]
mod parts;
#[cfg(not(target_arch = "wasm32"))]
mod reconcile;
#[cfg(not(target_arch = "wasm32"))]
mod run;
#[cfg(not(target_arch = "wasm32"))]
mod summarize;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    run::main()
}
