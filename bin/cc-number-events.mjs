#!/usr/bin/env node
// `npx cc-number-events check|summarize|reconcile ...`: the native binary's commands (cli/ in the
// crate) on the package's WebAssembly module, with the same output, exit statuses (0 valid,
// 1 invalid, 2 usage or input error) and gzip support. scripts/package.mjs ships this file as
// pkg/bin/cc-number-events.mjs; it uses only the package's public exports.
import { statSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { reconcile, summarize, validate } from '../node/index.mjs';

const NAME = 'cc-number-events';
const SNIFF = 8192;
// The largest log the package reads at once (its hard limit, 1 GiB), as the native binary.
const MAX_LOG_BYTES = 2 ** 30;

const EXAMPLES = `Examples:
  cc-number-events check payload.json            file:line:column: severity code: message
  cc-number-events check --strict hooks/*.json   warnings fail the check too
  curl -s $URL | cc-number-events check -        read standard input
  cc-number-events summarize capture.ndjson.gz   gzip is read as it is
  cc-number-events summarize --format markdown day1.ndjson day2.ndjson > report.md
  cc-number-events summarize --format csv log.ndjson | head -5
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

summarize [--format text|markdown|csv|json] [--strict] FILE...
  Each file on its own. Several files: a \`==> FILE <==\` line before each (json: one line each).
  --strict   Unknown members and undocumented values make an item invalid

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

function readWhole(file) {
  if (file === '-') return readFileSync(0);
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new InputError(e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message);
  }
  if (stat.isDirectory()) throw new InputError('is a directory, not a file');
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory, not a file' : e.message);
  }
}

/** The text of `file`, gunzipped when it starts with gzip's magic bytes; refuses binary data. */
function readText(file) {
  let bytes = readWhole(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzip) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_LOG_BYTES + 1 });
    } catch (e) {
      if (e.code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(`holds more than ${MAX_LOG_BYTES} bytes once unpacked; the package reads at most that much at once`);
      }
      throw new InputError('is not a readable gzip file (truncated or corrupt)');
    }
  }
  const head = bytes.subarray(0, SNIFF);
  const inner = gzip ? ' inside the gzip file' : '';
  const archive = ARCHIVES.find(([magic]) => startsWith(head, magic));
  if (archive) {
    throw new InputError(`is ${archive[1]}${inner}, not a log or a payload; unpack it first (only gzip is read as it is)`);
  }
  const bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  const nul = head.indexOf(0);
  if (!bom && nul >= 0) throw new InputError(`is binary data${inner} (a NUL byte at offset ${nul}), not a log or a payload`);
  return bytes;
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

function check(file, bytes, strict) {
  const report = validate(bytes, { strict });
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
  const summary = summarize(bytes, { strict, maxInputBytes: MAX_LOG_BYTES });
  if (!(summary.events >= 2 || (summary.events === 1 && summary.invalid === 0))) return asPayload();
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

function render(bytes, format, strict) {
  const summary = summarize(bytes, {
    strict,
    maxInputBytes: MAX_LOG_BYTES,
    markdown: format === 'markdown',
    csv: format === 'csv',
  });
  const out = format === 'json' ? JSON.stringify(summary) : summary[format] ?? '';
  return out.endsWith('\n') ? out : `${out}\n`;
}

// --- reconcile -------------------------------------------------------------------------------
/** The reconciliation's rendering, and whether anything was found (cli/reconcile.rs). */
function reconciled(args, read) {
  const input = {};
  if (args.before !== undefined) input.before = read(args.before);
  input.log = read(args.files[0]);
  input.after = read(args.after);
  if (args.beforeTime !== undefined) input.beforeTime = args.beforeTime;
  if (args.afterTime !== undefined) input.afterTime = args.afterTime;
  let r;
  try {
    r = reconcile(input, {
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

// --- arguments -------------------------------------------------------------------------------
function parse(argv) {
  if (argv.length === 0) throw new UsageError('a command is required: check, summarize or reconcile');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { help: true };
  if (command === '-V' || command === '--version') return { version: true };
  const options = command === 'check'
    ? { strict: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
    : command === 'summarize'
      ? { format: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
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
  return {
    command, files: positionals, strict: !!values.strict, json: !!values.json, format,
    after: values.after, before: values.before, afterTime: values['after-time'], beforeTime: values['before-time'],
  };
}

function main(argv) {
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
  args.files.forEach((file, i) => {
    const name = file === '-' ? '<stdin>' : file;
    let bytes;
    try {
      bytes = readText(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable = true;
      process.stderr.write(`${NAME}: ${name}: ${e.message}\n`);
      return;
    }
    if (args.command === 'check') {
      const c = check(name, bytes, args.strict);
      invalid ||= !c.valid;
      write(args.json ? `${JSON.stringify(c)}\n` : checkLines(c).map((l) => `${l}\n`).join(''));
    } else {
      const text = render(bytes, args.format, args.strict);
      if (several) write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
      write(text);
    }
  });
  return unreadable ? 2 : invalid ? 1 : 0;
}

function runReconcile(args) {
  const read = (file) => {
    try {
      return readText(file);
    } catch (e) {
      if (e instanceof InputError) e.file = file === '-' ? '<stdin>' : file;
      throw e;
    }
  };
  let result;
  try {
    result = reconciled(args, read);
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

// process.exitCode, not process.exit(): exiting at once could cut off output still queued for
// a pipe.
process.exitCode = main(process.argv.slice(2));
