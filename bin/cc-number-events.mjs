#!/usr/bin/env node
// `npx cc-number-events check|summarize|reconcile ...`: the native binary's commands (cli/ in the
// crate) on the package's WebAssembly module, with the same output, exit statuses (0 valid,
// 1 invalid, 2 usage or input error) and gzip support. scripts/package.mjs ships this file as
// pkg/bin/cc-number-events.mjs; it uses only the package's public exports.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import * as pkg from '../node/index.mjs';

const NAME = 'cc-number-events';
const SNIFF = 8192;
// The largest log an older package (without createSummarizer) reads at once: its hard limit.
const MAX_LOG_BYTES = 2 ** 30;
// The package's maxItems default (1,000,000) guards pages and services; a command reads the
// whole log it is given unless told otherwise (--max-items).
const ALL_ITEMS = Number.MAX_SAFE_INTEGER;
// The most a payload can be: validate's default maxInputBytes. A larger input is a log.
const PAYLOAD_LIMIT = 16 * 2 ** 20;

const EXAMPLES = `Examples:
  cc-number-events check payload.json            file:line:column: severity code: message
  cc-number-events check --strict hooks/*.json   warnings fail the check too
  curl -s $URL | cc-number-events check -        read standard input
  cc-number-events summarize capture.ndjson.gz   gzip is read as it is
  cc-number-events summarize --format markdown day1.ndjson day2.ndjson > report.md
  cc-number-events summarize --format csv log.ndjson | head -5
  cc-number-events summarize --no-timelines --format json weeks.ndjson.gz
  cc-number-events reconcile --before monday.json --after tuesday.json \\
      --after-time 2023-04-19T08:00:00Z log.ndjson  what the log missed, against the lists

Exit status: 0 when every file is valid, 1 when any is invalid (check) or anything is found
(reconcile), 2 for a usage error or a file that cannot be read (missing, a directory, binary
data).`;

const HELP = `Check and summarize RingCentral Contact Center phone-number event notifications: WebHook
bodies, WebSocket frames and logs of them (NDJSON, JSON arrays, concatenated JSON), plain or
gzip-compressed.

Usage: cc-number-events <COMMAND>

Commands:
  check      Validate payloads and logs; one line per problem, exit status 1 if any is invalid
  summarize  Summarize logs: counts, duplicates, order, net effect per account, each number's
             timeline
  reconcile  Reconcile a log against RingCentral's phone-number lists: missed notifications,
             then drift; exit status 1 if anything is found

check [--strict] [--json] FILE...
  A file that holds one notification (a WebHook body, a WebSocket frame, an APNS wrapper) is
  checked as one payload, every warning listed. Anything else is read as a log (NDJSON, a JSON
  array, concatenated JSON) whose items are each checked: every issue of a broken item is
  listed, located in the file; warnings of valid items are counted in a note.
  --strict   Unknown members and undocumented values are errors, and any warning fails the check
  --json     One JSON object per file and line (NDJSON) instead of the problem lines

summarize [--format text|markdown|csv|json] [--strict] [--no-timelines] [--last N] [--changed-only]
          [--max-items N] FILE...
  Each file on its own. Several files: a \`==> FILE <==\` line before each (json: one line each).
  --strict         Unknown members and undocumented values make an item invalid
  --no-timelines   Leave every timeline out: counts, problems and the net effect stay
  --last N         Keep only the last N entries of each number's timeline
  --changed-only   List only the numbers the log changes (added, removed, changed, transient)
  --max-items N    Stop reading after N items (default: read them all)

reconcile --after FILE [--before FILE] [--after-time TIME] [--before-time TIME]
          [--format text|markdown|csv|json] [--strict] LOG
  The lists are the REST responses of GET /restapi/v1.0/account/~/phone-number?usageType=
  ContactCenterNumber (or of the v2 list), as saved: one page, pages back to back or in an array.
  --after-time   When --after was taken: later notifications are not counted against it
  --before-time  When --before was taken: earlier notifications are already in it

FILE is a path, or \`-\` for standard input; gzip files are read as they are.

${EXAMPLES}
`;

class UsageError extends Error {}
class InputError extends Error {}

// --- output: a closed pipe (`| head -1`) ends the writing, not the verdict -------------------
let closed = false;
process.stdout.on('error', (e) => {
  closed = true;
  if (e.code !== 'EPIPE') {
    process.stderr.write(`${NAME}: cannot write the output: ${e.message}\n`);
    process.exitCode = 2;
  }
});
const write = (text) => {
  if (!closed) process.stdout.write(text);
};

// --- input -----------------------------------------------------------------------------------
const ARCHIVES = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x1f, 0x9d], 'compress(1)-compressed'],
];
const startsWith = (bytes, magic) => magic.every((b, i) => bytes[i] === b);

/** Reads `iterable` (of byte chunks) up to `limit` bytes: { head, ended, rest }. */
async function take(iterator, limit) {
  const chunks = [];
  let size = 0;
  while (size < limit) {
    const { value, done } = await iterator.next();
    if (done) return { head: Buffer.concat(chunks), ended: true };
    chunks.push(value);
    size += value.length;
  }
  return { head: Buffer.concat(chunks), ended: false };
}

/** `head`, then what `iterator` still holds. */
async function* chain(head, iterator) {
  if (head.length) yield head;
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
}

/** The raw bytes of `file` (`-`: stdin) as chunks; a missing file or a directory refused. */
function raw(file) {
  if (file === '-') return process.stdin;
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new InputError(e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message);
  }
  if (stat.isDirectory()) throw new InputError('is a directory, not a file');
  return createReadStream(file, { highWaterMark: 1 << 20 });
}

/** The chunks of `iterable`, each counted by `onBytes`; read errors as the user is told them. */
async function* reading(iterable, gzip, onBytes = () => {}) {
  try {
    for await (const chunk of iterable) {
      onBytes(chunk.length);
      yield chunk;
    }
  } catch (e) {
    if (gzip && (e.code?.startsWith('Z_') || e.code === 'ERR_STREAM_PREMATURE_CLOSE')) {
      throw new InputError('is not a readable gzip file (truncated or corrupt)');
    }
    throw new InputError(e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory, not a file' : e.message);
  }
}

/**
 * The text of `file` as an async iterator of byte chunks, gunzipped when it starts with gzip's
 * magic bytes (whatever its name); refuses another archive format or binary data. `onBytes`
 * counts the bytes read from disk.
 */
async function openText(file, onBytes) {
  const rawIt = reading(raw(file), false, onBytes)[Symbol.asyncIterator]();
  const first = await take(rawIt, SNIFF);
  const gzip = first.head[0] === 0x1f && first.head[1] === 0x8b;
  let text = chain(first.head, rawIt);
  if (gzip) {
    const gunzip = createGunzip();
    Readable.from(text).on('error', (e) => gunzip.destroy(e)).pipe(gunzip);
    text = reading(gunzip, true);
  }
  const it = text[Symbol.asyncIterator]();
  const { head } = await take(it, SNIFF);
  const start = head.subarray(0, SNIFF);
  const inner = gzip ? ' inside the gzip file' : '';
  const archive = ARCHIVES.find(([magic]) => startsWith(start, magic));
  if (archive) {
    throw new InputError(`is ${archive[1]}${inner}, not a log or a payload; unpack it first (only gzip is read as it is)`);
  }
  const bom = startsWith(start, [0xff, 0xfe]) || startsWith(start, [0xfe, 0xff]);
  const nul = start.indexOf(0);
  if (!bom && nul >= 0) throw new InputError(`is binary data${inner} (a NUL byte at offset ${nul}), not a log or a payload`);
  return chain(head, it)[Symbol.asyncIterator]();
}

/**
 * The summary of a log given as chunks: through the package's incremental summarizer, which
 * holds only what the summary needs, when this version of the package has it; otherwise read
 * whole (at most 1 GiB).
 */
async function summarizeChunks(iterator, options) {
  if (typeof pkg.createSummarizer === 'function') {
    const s = pkg.createSummarizer(options);
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) s.push(r.value);
    return s.finish();
  }
  const chunks = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) chunks.push(r.value);
  return pkg.summarize(Buffer.concat(chunks), { ...options, maxInputBytes: MAX_LOG_BYTES });
}

// --- check -----------------------------------------------------------------------------------
const problem = (index, issue) => ({
  index,
  line: issue.line ?? 1,
  column: issue.column ?? 1,
  severity: issue.severity,
  code: issue.code,
  message: issue.message,
  hint: issue.hint ?? null,
  path: issue.path,
});

/** Judges one input: its whole text if it ends within PAYLOAD_LIMIT, else as a log. */
async function checkText(file, iterator, strict) {
  const { head, ended } = await take(iterator, PAYLOAD_LIMIT + 1);
  if (!ended) {
    const options = { strict, maxItems: ALL_ITEMS };
    return asLog(file, await summarizeChunks(chain(head, iterator)[Symbol.asyncIterator](), options), strict);
  }
  return check(file, head, strict);
}

function check(file, bytes, strict) {
  const report = pkg.validate(bytes, { strict });
  const more = report.errors.some((i) => i.code === 'json-trailing-content');
  const asPayload = () => {
    const issues = [...report.errors, ...report.warnings].map((i) => problem(null, i));
    return {
      file, read: 'payload', kind: report.kind, items: 1,
      valid: report.valid && (!strict || report.warnings.length === 0),
      errors: report.errors.length, warnings: report.warnings.length, issues,
      issuesNotListed: 0, warningsNotListed: 0,
    };
  };
  if (!more && report.kind !== 'malformed' && report.kind !== 'notANotification') return asPayload();
  const summary = pkg.summarize(bytes, { strict, maxItems: ALL_ITEMS });
  if (!(summary.events >= 2 || (summary.events === 1 && summary.invalid === 0))) return asPayload();
  return asLog(file, summary, strict);
}

function asLog(file, summary, strict) {
  const issues = summary.problems.flatMap((p) => p.issues.map((i) => problem(p.index, i)));
  const errors = issues.filter((p) => p.severity === 'error').length;
  const warnings = issues.length - errors + summary.warnings;
  return {
    file, read: 'log', kind: null, items: summary.events,
    valid: summary.invalid === 0 && errors === 0 && (!strict || warnings === 0),
    errors, warnings, issues,
    issuesNotListed: summary.issuesNotListed, warningsNotListed: summary.warnings,
  };
}

function checkLines(c) {
  const out = c.issues.map((p) => `${c.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`);
  if (c.issuesNotListed > 0) {
    out.push(`${c.file}: note: ${c.issuesNotListed} more issues of broken items not listed (the log's limit of listed issues)`);
  }
  const n = c.warningsNotListed;
  if (n > 0) {
    out.push(`${c.file}: note: ${n} ${n === 1 ? 'warning' : 'warnings'} on valid items of the log, not listed (check such an item alone to see ${n === 1 ? 'it' : 'them'})`);
  }
  return out;
}

// --- summarize -------------------------------------------------------------------------------
const FORMATS = ['text', 'markdown', 'csv', 'json'];

async function render(iterator, args) {
  const options = {
    strict: args.strict, markdown: args.format === 'markdown', csv: args.format === 'csv',
    maxItems: args.maxItems ?? ALL_ITEMS,
  };
  // Only when asked: a package without these options refuses them by name.
  if (args.noTimelines) options.timelines = false;
  if (args.last !== undefined) options.lastEntries = args.last;
  if (args.changedOnly) options.changedOnly = true;
  const summary = await summarizeChunks(iterator, options);
  const out = args.format === 'json' ? JSON.stringify(summary) : summary[args.format] ?? '';
  return out.endsWith('\n') ? out : `${out}\n`;
}

// --- reconcile -------------------------------------------------------------------------------
/** All of `file`'s text (gunzipped, binary data refused), as `reconcile` reads each input. */
async function readAll(file, onBytes) {
  const chunks = [];
  const it = await openText(file, onBytes);
  for (let r = await it.next(); !r.done; r = await it.next()) chunks.push(r.value);
  return Buffer.concat(chunks);
}

/** The reconciliation's rendering, and whether anything was found (cli/reconcile.rs). */
async function reconciled(args, onBytes) {
  const read = async (file) => {
    try {
      return await readAll(file, onBytes);
    } catch (e) {
      if (e instanceof InputError) e.file = file === '-' ? '<stdin>' : file;
      throw e;
    }
  };
  const input = {};
  if (args.before !== undefined) input.before = await read(args.before);
  input.log = await read(args.files[0]);
  input.after = await read(args.after);
  if (args.beforeTime !== undefined) input.beforeTime = args.beforeTime;
  if (args.afterTime !== undefined) input.afterTime = args.afterTime;
  let r;
  try {
    r = pkg.reconcile(input, {
      strict: args.strict,
      maxInputBytes: MAX_LOG_BYTES,
      markdown: args.format === 'markdown',
      csv: args.format === 'csv',
    });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  const c = r.counts;
  const findings = c.missedAdds + c.missedRemovals + c.removedButPresent + c.contradictions
    + c.fieldDrift + c.unexplainedChanges;
  const found = findings > 0 || !r.compared || !r.after.valid || (r.before !== undefined && !r.before.valid);
  const out = args.format === 'json' ? JSON.stringify(r) : r[args.format] ?? '';
  return { text: out.endsWith('\n') ? out : `${out}\n`, found };
}

async function runReconcile(args) {
  let result;
  try {
    result = await reconciled(args, () => {});
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${NAME}: ${e.file}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\nFor more information, try '--help'.\n`);
      return 2;
    }
    throw e;
  }
  write(result.text);
  return result.found ? 1 : 0;
}

// --- arguments -------------------------------------------------------------------------------
function parse(argv) {
  if (argv.length === 0) throw new UsageError('a command is required: check, summarize or reconcile');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { help: true };
  if (command === '-V' || command === '--version') return { version: true };
  const options = command === 'check'
    ? { strict: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
    : command === 'summarize'
      ? {
        format: { type: 'string' }, strict: { type: 'boolean' }, 'no-timelines': { type: 'boolean' },
        last: { type: 'string' }, 'changed-only': { type: 'boolean' }, 'max-items': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      }
      : command === 'reconcile'
        ? {
          after: { type: 'string' }, before: { type: 'string' }, 'after-time': { type: 'string' },
          'before-time': { type: 'string' }, format: { type: 'string' }, strict: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        }
        : null;
  if (!options) throw new UsageError(`unrecognized subcommand '${command}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (command === 'reconcile') {
    if (values.after === undefined) throw new UsageError('the following required arguments were not provided: --after <FILE>');
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'the following required arguments were not provided: <LOG>' : `unexpected argument '${positionals[1]}' found`);
    }
  }
  if (positionals.length === 0) throw new UsageError('the following required arguments were not provided: <FILE>...');
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format)) {
    throw new UsageError(`invalid value '${format}' for '--format <FORMAT>' [possible values: ${FORMATS.join(', ')}]`);
  }
  const count = (name) => {
    const v = values[name];
    if (v === undefined) return undefined;
    if (!/^[0-9]+$/.test(v) || Number(v) < 1) {
      throw new UsageError(`invalid value '${v}' for '--${name} <N>': a whole number of at least 1`);
    }
    return Number(v);
  };
  const last = count('last');
  const maxItems = count('max-items');
  return {
    command, files: positionals, strict: !!values.strict, json: !!values.json, format,
    noTimelines: !!values['no-timelines'], last, changedOnly: !!values['changed-only'], maxItems,
    after: values.after, before: values.before, afterTime: values['after-time'], beforeTime: values['before-time'],
  };
}

/** A progress line on stderr when it is a terminal: bytes read, ten times a second. */
function progress(total) {
  let read = 0;
  if (!process.stderr.isTTY) return { add: () => {}, stop: () => {} };
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const timer = setInterval(() => {
    process.stderr.write(`\r${mb(read)}${total ? ` / ${mb(total)}` : ''} read`);
  }, 100);
  return {
    add: (n) => { read += n; },
    stop: () => {
      clearInterval(timer);
      process.stderr.write('\r\x1b[K');
    },
  };
}

async function main(argv) {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n\nUsage: ${NAME} <check|summarize|reconcile> [OPTIONS] <FILE>...\n\nFor more information, try '--help'.\n`);
    return 2;
  }
  if (args.help) {
    write(HELP);
    return 0;
  }
  if (args.version) {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    write(`${NAME} ${version}\n`);
    return 0;
  }
  if (args.command === 'reconcile') return runReconcile(args);
  let unreadable = false;
  let invalid = false;
  const several = args.files.length > 1 && args.format !== 'json';
  const sizes = args.files.map((f) => {
    try {
      return f === '-' ? NaN : statSync(f).size;
    } catch {
      return 0;
    }
  });
  const bar = progress(sizes.reduce((a, b) => a + b, 0));
  const outputs = [];
  try {
    for (const file of args.files) {
      const name = file === '-' ? '<stdin>' : file;
      try {
        const text = await openText(file, bar.add);
        if (args.command === 'check') {
          const c = await checkText(name, text, args.strict);
          invalid ||= !c.valid;
          outputs.push({ name, text: args.json ? `${JSON.stringify(c)}\n` : checkLines(c).map((l) => `${l}\n`).join('') });
        } else {
          outputs.push({ name, text: await render(text, args) });
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        unreadable = true;
        outputs.push({ name, error: e.message });
      }
    }
  } finally {
    bar.stop();
  }
  // Written once everything is read, as the native binary does (it reads files in parallel).
  outputs.forEach(({ name, text, error }, i) => {
    if (error !== undefined) {
      process.stderr.write(`${NAME}: ${name}: ${error}\n`);
      return;
    }
    if (args.command === 'summarize' && several) write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
    write(text);
  });
  return unreadable ? 2 : invalid ? 1 : 0;
}

// process.exitCode, not process.exit(): exiting at once could cut off output still queued for
// a pipe. The package throws only for options it does not know (an older version, say).
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${NAME}: ${e?.message ?? e}\n`);
  process.exitCode = 2;
}
