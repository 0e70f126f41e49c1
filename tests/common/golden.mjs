// Golden-fixture helpers shared by the JavaScript tests (Node and browser).
//
// `render(report, strict)` turns a Report from the npm package into exactly the text
// tests/golden.rs's `render` makes of the Rust Report, so both sides are checked against
// the same reviewed tests/fixtures/validate/NAME.expected files.
//
// Pure JavaScript: no static Node imports. `listCases(dir)` reads the directory with
// node:fs (imported lazily); a browser test passes its own loader, e.g.
// `listCases('fixtures', memoryLoader({ 'a.json': bytes, 'a.expected': bytes }))`.

/** tests/golden.rs `render_issue`, byte for byte. */
function renderIssue(i) {
  let line =
    `${i.severity} ${i.code} ${i.path === '' ? '(root)' : i.path} ` +
    `${i.line}:${i.column} @${i.offset}+${i.length} | ${i.message}`;
  // Rust: `if let Some(h) = &i.hint`; the JS report omits the key when there is none.
  if (i.hint !== undefined && i.hint !== null) line += ` | hint: ${i.hint}`;
  return line + '\n';
}

/**
 * The verdict as reviewable text, identical to tests/golden.rs's `render`.
 * @param {import('cc-number-events').Report} report
 * @param {boolean} strict
 * @returns {string}
 */
export function render(report, strict) {
  let out = `valid: ${report.valid}\nkind: ${report.kind}\ndelivery: ${report.delivery}\n`;
  if (strict) out = 'options: strict\n' + out;
  for (const i of [...report.errors, ...report.warnings]) out += renderIssue(i);
  const fr = report.frame;
  if (fr !== undefined && fr !== null) out += `frame: ${fr.type} | ${fr.sentence}\n`;
  const c = report.change;
  if (c !== undefined && c !== null) out += `change: ${c.action} ${c.effect} | ${c.sentence}\n`;
  return out;
}

/**
 * Rust's `Path::extension` / `Path::file_stem` for a bare file name: no extension when the
 * name has no dot, or its only dot is the first character (".hidden"), or it is "..".
 */
export function splitName(name) {
  const dot = name.lastIndexOf('.');
  if (name === '..' || dot <= 0) return { stem: name, extension: null };
  return { stem: name.slice(0, dot), extension: name.slice(dot + 1) };
}

const utf8 = new TextEncoder();
/** Rust sorts the paths by their bytes; JS's default sort compares UTF-16 code units. */
function byteOrder(a, b) {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}

/**
 * The text a JS caller would paste for these bytes, or null when only bytes can represent
 * them: not valid UTF-8, or a UTF-16 byte-order mark (which the validator reports itself).
 * A UTF-8 BOM is kept (ignoreBOM), so the string encodes back to exactly these bytes.
 * @param {Uint8Array} bytes
 * @returns {string | null}
 */
export function textOf(bytes) {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Loader over files already in memory (e.g. fetched by a browser test).
 * @param {Record<string, Uint8Array | ArrayBuffer | string>} files file name -> contents
 */
export function memoryLoader(files) {
  const toBytes = (v) =>
    typeof v === 'string' ? utf8.encode(v) : v instanceof Uint8Array ? v : new Uint8Array(v);
  return {
    list: () => Object.keys(files),
    read: (_dir, name) => (Object.hasOwn(files, name) ? toBytes(files[name]) : null),
  };
}

/** Default loader: node:fs, imported only when used, so browsers never load it. */
export function nodeLoader() {
  const fs = import('node:fs/promises');
  const path = import('node:path');
  const url = import('node:url');
  const dirPath = async (dir) =>
    dir instanceof URL || String(dir).startsWith('file:') ? (await url).fileURLToPath(dir) : String(dir);
  return {
    async list(dir) {
      const entries = await (await fs).readdir(await dirPath(dir), { withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    },
    async read(dir, name) {
      try {
        return new Uint8Array(await (await fs).readFile((await path).join(await dirPath(dir), name)));
      } catch (e) {
        if (e.code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

/**
 * The fixture cases in `dir`, in tests/golden.rs's order: every file with an extension
 * other than `.expected`, checked in strict mode when its stem contains `.strict`,
 * against `STEM.expected` (null when that file is missing).
 * @param {string | URL} dir
 * @param {{ list(dir): string[] | Promise<string[]>, read(dir, name): Uint8Array | null | Promise<Uint8Array | null> }} [loader]
 * @returns {Promise<Array<{ name: string, file: string, bytes: Uint8Array, strict: boolean, expected: string | null }>>}
 */
export async function listCases(dir, loader = nodeLoader()) {
  const files = (await loader.list(dir))
    .filter((f) => {
      const { extension } = splitName(f);
      return extension !== null && extension !== 'expected';
    })
    .sort(byteOrder);
  const cases = [];
  for (const file of files) {
    const { stem } = splitName(file);
    const bytes = await loader.read(dir, file);
    if (bytes === null) throw new Error(`fixture ${file} vanished while listing ${dir}`);
    const expectedBytes = await loader.read(dir, `${stem}.expected`);
    cases.push({
      name: stem,
      file,
      bytes,
      strict: stem.includes('.strict'),
      // Rust reads it with read_to_string (strict UTF-8); a bad file should fail loudly.
      expected: expectedBytes === null ? null : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(expectedBytes),
    });
  }
  return cases;
}
