// What the two .wasm files must not carry: code that buys no speed and only describes a bug.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const modules = ['cc_number_events_bg.wasm', 'cc_number_events_validate_bg.wasm'];
const read = (name) => readFileSync(fileURLToPath(new URL(`../../pkg/web/${name}`, import.meta.url)));

// core's panic for a text sliced off a character boundary prints the character with Debug,
// which links Rust's Unicode tables and Debug formatting (about 4 KB gzip of each module).
// One `&text[a..b]` on a str, or a `str::find` of a str, brings it back: slice with
// text::slice::{sub, split_at, find} instead (src/text/slice.rs).
for (const name of modules) {
  test(`${name} has no char-boundary panic message`, () => {
    assert.equal(read(name).includes('is not a char boundary'), false);
  });
}
