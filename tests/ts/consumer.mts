// A TypeScript consumer of the npm package, type-checked (never run) by
// `tsc --noEmit -p tests/ts`. It uses the declared types exactly as an application would;
// each `@ts-expect-error` line proves a type is exact: if the declarations ever loosen
// (say, `kind: string` or `input: any`), that line stops being an error and tsc fails.
import pkg, {
  InvalidEventError as InvalidEventErrorClass,
  isInvalidEventError,
  memoryBytes,
  parse,
  reportJson,
  summarize,
  summaryJson,
  validate,
} from 'cc-number-events';
import type {
  Change,
  Delivery,
  Effect,
  ContactCenterEvent,
  InvalidEventError,
  Issue,
  IssueCode,
  Kind,
  NumberType,
  Report,
  Severity,
  Summary,
  ValidateOptions,
} from 'cc-number-events';

const payload: string = '{"uuid": "2661273919712564939"}';
// (ASCII, so char codes are the UTF-8 bytes; no DOM or @types/node lib needed.)
const bytes: Uint8Array = Uint8Array.from(payload, (c) => c.charCodeAt(0));

// --- validate: inputs and options ----------------------------------------------------
const options: ValidateOptions = { strict: true, maxIssues: 10 };
const report: Report = validate(payload, options);
const fromBytes: Report = validate(bytes);
const viaDefault: Report = pkg.validate(payload, { maxDepth: 32, maxInputBytes: 1 << 20 });
// The default export is also `init`, as in the web build: one `await init()` serves both.
const ready: Promise<void> = pkg();
// The diagnostics are typed.
const diagnostics: [string, string, number] = [reportJson(payload), summaryJson(payload, { maxItems: 10 }), memoryBytes()];
void [ready, diagnostics];

// An ArrayBuffer is its bytes; an already-parsed body (`express.json()`) is an input too.
const fromBuffer: Report = validate(bytes.buffer as ArrayBuffer);
const fromObject: Report = validate({ uuid: '2661273919712564939', body: { eventType: 'Created' } });
const fromLog = summarize([{ uuid: '1' }, { uuid: '2' }]);
// @ts-expect-error a number is not an input
validate(42);
// @ts-expect-error nor is a value JSON has no form for
validate({ id: 10n });
// @ts-expect-error nor null
validate(null);
// @ts-expect-error a misspelt option is caught at compile time too
validate(payload, { stict: true });
// @ts-expect-error `strict` is a boolean
validate(payload, { strict: 'yes' });

// --- Report: narrowing the kind --------------------------------------------------------
/** Exhaustive over `Kind`: adding a kind without handling it here is a compile error. */
function describeKind(kind: Kind): string {
  switch (kind) {
    case 'contactCenterPhoneNumber':
      return 'a Contact Center phone-number event';
    case 'subscriptionRenewal':
      return 'a renewal reminder';
    case 'otherEvent':
      return 'another event';
    case 'validationRequest':
      return 'the validation request';
    case 'notANotification':
      return 'not a notification';
    case 'malformed':
      return 'not JSON';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

if (report.kind === 'contactCenterPhoneNumber') {
  const narrowed: 'contactCenterPhoneNumber' = report.kind;
  describeKind(narrowed);
} else {
  // @ts-expect-error narrowed: it can no longer be 'contactCenterPhoneNumber'
  const impossible: 'contactCenterPhoneNumber' = report.kind;
  void impossible;
}

// @ts-expect-error Kind is a closed union
const wrongKind: Kind = 'contactCenter';
// @ts-expect-error Delivery is a closed union
const wrongDelivery: Delivery = 'websockets';
const delivery: Delivery = report.delivery;
const valid: boolean = report.valid;
// @ts-expect-error Report has no such property
report.isValid;

// --- Issues ---------------------------------------------------------------------------
function isJsonSyntax(code: IssueCode): boolean {
  return code.startsWith('json-');
}

function describeIssue(issue: Issue): string {
  const code: IssueCode = issue.code;
  const severity: Severity = issue.severity;
  const where: string = issue.path === '' ? '(root)' : issue.path;
  // Null, all four, for an already-parsed input (it has no text to point into).
  const position: [number, number, number, number] | null =
    issue.line === null || issue.column === null || issue.offset === null || issue.length === null
      ? null : [issue.line, issue.column, issue.offset, issue.length];
  // `hint` is optional: a string or absent.
  const hint: string | undefined = issue.hint;
  let text = `${severity} ${code} ${where} ${position?.join(':') ?? '-'} ${issue.message}`;
  if (hint !== undefined) text += ` (${hint})`;
  switch (code) {
    case 'unknown-field':
      return `${text} [strict makes this an error]`;
    case 'numeric-id':
    case 'json-duplicate-key':
      return text;
    default:
      return isJsonSyntax(code) ? `${text} [syntax]` : text;
  }
}

const lines: string[] = [...report.errors, ...report.warnings].map(describeIssue);
const firstError: Issue | undefined = report.errors[0];

// @ts-expect-error IssueCode is a closed union of the documented codes
const wrongCode: IssueCode = 'json-error';
// @ts-expect-error Severity is "error" | "warning"
const wrongSeverity: Severity = 'info';
// @ts-expect-error positions are numbers (or null)
const wrongLine: string = report.errors[0]!.line;
// @ts-expect-error positions may be null: not numbers alone
const bareLine: number = report.errors[0]!.line;
// @ts-expect-error with exactOptionalPropertyTypes, an absent hint is not `undefined`-valued
const issueWithUndefinedHint: Issue = { ...report.errors[0]!, hint: undefined };

// --- Change and event ------------------------------------------------------------------
const sentence: string | undefined = report.change?.sentence;
const effect: Effect | undefined = report.change?.effect;
const action: 'created' | 'updated' | 'deleted' | undefined = report.change?.action;
// @ts-expect-error `change` is optional: it is absent unless the report is valid
const sentenceUnchecked: string = report.change.sentence;

function summarise(change: Change): string {
  const type: NumberType | undefined = change.type;
  const provider: string | undefined = change.provider?.name;
  return `${change.phoneNumber} ${type ?? ''} ${provider ?? ''}: ${change.sentence}`;
}
if (report.change) summarise(report.change);

// `valid` discriminates the report: a valid one always has its event and change.
if (report.valid) {
  const certain: string = report.change.sentence;
  const id: string = report.event.body.phoneNumberInfo.id;
  void certain;
  void id;
} else {
  const why: Issue = report.errors[0];
  void why;
  // @ts-expect-error an invalid report has no change
  const none: string = report.change.sentence;
}

const log: Summary = summarize('{}\n{}', { markdown: true, csv: true, maxItems: 10 });
const firstLine: number | undefined = log.problems[0]?.line;
const addedNumbers: string[] = log.net.added;
for (const n of log.numbers) {
  for (const entry of n.timeline) {
    const field: string | undefined = entry.changes[0]?.field;
    void field;
  }
}
void firstLine;
void addedNumbers;
// @ts-expect-error summarize options are checked too
summarize('', { markdwon: true });

// @ts-expect-error `event` is optional too
const uuidUnchecked: string = report.event.uuid;
const uuid: string | undefined = report.event?.uuid;

// --- parse: the normalised event, or an InvalidEventError with issues -----------------------
// The package's own guard and class (imported as values: both exist at run time).
const guard: (e: unknown) => e is InvalidEventError = isInvalidEventError;
function viaInstanceof(e: unknown): Issue[] | undefined {
  return e instanceof InvalidEventErrorClass ? e.issues : undefined;
}
const made = new InvalidEventErrorClass('1:1: broken', { kind: 'malformed', issues: [] });
const madeKind: Kind = made.kind;
// @ts-expect-error the class needs its kind and issues
new InvalidEventErrorClass('1:1: broken');
// @ts-expect-error its fields are read-only
made.issues = [];
void [guard, viaInstanceof, madeKind];

function parseOrExplain(input: string | Uint8Array): ContactCenterEvent | Issue[] {
  try {
    const event: ContactCenterEvent = parse(input, { strict: false });
    // Ids are strings even when the payload held numbers.
    const id: string = event.body.phoneNumberInfo.id;
    const ownerId: string = event.ownerId;
    const eventType: 'Created' | 'Updated' | 'Deleted' = event.body.eventType;
    const time: string = event.time;
    void [id, ownerId, eventType, time];
    // @ts-expect-error ids are never numbers
    const numericId: number = event.body.phoneNumberInfo.id;
    void numericId;
    return event;
  } catch (e) {
    if (!isInvalidEventError(e)) throw e;
    const name: 'InvalidEventError' = e.name;
    const kind: Kind = e.kind;
    const issues: Issue[] = e.issues;
    const codes: IssueCode[] = issues.map((i) => i.code);
    void [name, kind, codes, e.message];
    // @ts-expect-error an InvalidEventError has `issues`, not `errors`
    e.errors;
    return issues;
  }
}

const parsed = parseOrExplain(bytes);
if (Array.isArray(parsed)) {
  const first: Issue | undefined = parsed[0];
  void first;
} else {
  const accountId: string = parsed.accountId;
  void accountId;
}
// @ts-expect-error parse takes the same inputs as validate
parse(null);

void [
  fromBytes, fromBuffer, fromObject, fromLog, viaDefault, wrongKind, wrongDelivery, delivery, valid, lines, firstError,
  wrongCode, wrongSeverity, wrongLine, issueWithUndefinedHint, sentence, effect, action,
  sentenceUnchecked, uuidUnchecked, uuid,
];
