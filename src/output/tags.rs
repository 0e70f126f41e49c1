//! The tags that start each value of the tokens (see [`super::write::Tokens`]), which
//! `assemble` in src/js/assemble.js reads (tests/js_layout.rs holds the two sides equal).

pub const NULL: u32 = 0;
pub const FALSE: u32 = 1;
pub const TRUE: u32 = 2;
pub const NUMBER: u32 = 3;
pub const STRING: u32 = 4;
pub const OBJECT: u32 = 5;
pub const ARRAY: u32 = 6;
pub const END: u32 = 7;
pub const NEW_KEY: u32 = 8;
pub const KEY: u32 = 9;
pub const SHAPE: u32 = 10;
