/** Options of `parse`, shared by every function. */
export interface ParseOptions {
  /** Unknown members and undocumented paymentType/usageType/status values become errors. */
  strict?: boolean;
  /** Largest input accepted, in bytes (default 16777216 for validate/parse, 268435456 for summarize; at most 1073741824). */
  maxInputBytes?: number;
  /** Deepest nesting of objects and arrays (default 64, at most 2000). */
  maxDepth?: number;
  /** Most issues listed per payload (default 100). */
  maxIssues?: number;
  /** Mask phone numbers (`+1202•••9741`) in messages, hints, the change sentence and the
   * renderings, for a report pasted into a ticket; structured values keep them whole. */
  redact?: boolean;
}

/** Options of `validate`: those of `parse`, and renderings of the report. */
export interface ValidateOptions extends ParseOptions {
  /** Also render the report as plain text in `text`. */
  text?: boolean;
  /** Also render the report as Markdown in `markdown`. */
  markdown?: boolean;
  /** Also render the report's issues as CSV in `csv`. */
  csv?: boolean;
}

export type Severity = "error" | "warning";

export type IssueCode =
  | "invalid-utf8" | "utf16-encoding" | "byte-order-mark" | "input-too-large"
  | "json-unexpected-end" | "json-unexpected-character" | "json-trailing-comma" | "json-comment"
  | "json-control-character" | "json-invalid-escape" | "json-lone-surrogate" | "json-invalid-number"
  | "json-trailing-content" | "json-too-deep" | "json-duplicate-key"
  | "duplicate-keys-unseen" | "number-not-exact"
  | "validation-request" | "not-a-notification" | "other-event" | "subscription-renewal"
  | "envelope-missing" | "websocket-frame" | "websocket-not-notification" | "websocket-control-frame"
  | "websocket-message-id"
  | "missing-field" | "wrong-type" | "unknown-field" | "invalid-uuid" | "invalid-event-filter"
  | "event-filter-placeholder" | "invalid-timestamp" | "subscription-id-format" | "invalid-id"
  | "numeric-id" | "invalid-event-type" | "invalid-phone-number" | "unassigned-country-code"
  | "invalid-area-code" | "invalid-uri" | "empty-uri"
  | "uri-mismatch" | "unknown-payment-type" | "invalid-number-type" | "unknown-usage-type"
  | "usage-type-mismatch" | "unknown-status" | "too-many-issues" | "too-many-items"
  | "log-truncated"
  | "snapshot-not-a-list"
  | "snapshot-record"
  | "snapshot-incomplete"
  | "snapshot-duplicate-record"
  | "snapshot-direct-numbers-only";

/** One located problem. Positions count UTF-16 code units, as JavaScript strings do. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  hint?: string;
  /** RFC 6901 JSON Pointer into the pasted document (a WebSocket frame's starts with /1). */
  path: string;
  /** 1-based line; null (as are the other three) when the input was an already-parsed value. */
  line: number | null;
  /** 1-based column, in UTF-16 code units. */
  column: number | null;
  /** 0-based offset from the start of the input, in UTF-16 code units. */
  offset: number | null;
  /** Length of the offending text, in UTF-16 code units. */
  length: number | null;
}

/**
 * What `validate` and `parse` read: the raw body (a string, or UTF-8 bytes as a Uint8Array or
 * an ArrayBuffer), or a value already parsed from it (`express.json()`'s `req.body`), read as
 * JSON.stringify would read it; its issues then have no position, and it cannot show
 * duplicate keys.
 */
export type Input = string | Uint8Array | ArrayBuffer | JsonObject | JsonValue[];

/** A value already parsed from JSON: an object or an array of them for a log. */
export interface JsonObject {
  [key: string]: JsonValue;
}
export type JsonValue = string | number | boolean | null | JsonObject | JsonValue[];

export type Kind =
  | "contactCenterPhoneNumber" | "subscriptionRenewal" | "otherEvent" | "websocketControl"
  | "validationRequest" | "notANotification" | "malformed";

/** The `meta.type` of a WebSocket frame that carries no notification. */
export type FrameType = "ConnectionDetails" | "Heartbeat" | "ClientRequest" | "Error";

/** What a WebSocket control frame says (a report of kind "websocketControl"). */
export interface ControlFrame {
  type: FrameType;
  /**
   * What it means, for a person: the session's limits (ConnectionDetails), whether RingCentral
   * answered a heartbeat, the subscription a ClientRequest answer created or the error it met,
   * an Error frame's code and message. Quoted values are clipped and escaped as in messages.
   */
  sentence: string;
}

export type Delivery = "webhook" | "websocket" | "apns" | "bodyOnly" | "unknown";

export type EventType = "Created" | "Updated" | "Deleted";

/** `VoiceOnly` and `FaxOnly` from the REST vocabulary are normalised to `Voice` and `Fax`. */
export type NumberType = "Voice" | "Fax" | "VoiceFax";

export interface ContactCenterProvider {
  id?: string;
  name?: string;
}

export interface PhoneNumberInfo {
  uri?: string;
  /** Always a string, even when the payload held a number. */
  id: string;
  phoneNumber: string;
  paymentType?: string;
  location?: string;
  type?: NumberType;
  usageType?: string;
  status?: string;
  contactCenterProvider?: ContactCenterProvider;
}

/** A valid notification, normalised. */
export interface ContactCenterEvent {
  uuid: string;
  event: string;
  /** Account from the event filter: digits, "~" or the documentation's "{accountId}". */
  accountId: string;
  /** As sent. */
  timestamp: string;
  /** The same instant in UTC, e.g. "2023-04-18T20:25:24.611Z". */
  time: string;
  subscriptionId: string;
  /** Always a string, even when the payload held a number. */
  ownerId: string;
  body: {
    eventType: EventType;
    phoneNumberInfo: PhoneNumberInfo;
  };
}

/**
 * What an event did to the account's Contact Center numbers. "updated" (fields of a number
 * that is already a Contact Center number changed) appears only in `summarize` timelines:
 * a single `Updated` event cannot tell it from "convertedIn".
 */
export type Effect = "added" | "removed" | "convertedIn" | "reassignedAway" | "updated";

/** What one valid event did to the account's Contact Center numbers. */
export interface Change {
  action: "created" | "updated" | "deleted";
  effect: Effect;
  phoneNumber: string;
  id: string;
  type?: NumberType;
  usageType?: string;
  provider?: ContactCenterProvider;
  accountId: string;
  time: string;
  /** One plain-English sentence. */
  sentence: string;
}

/** The verdict on one payload: `event` and `change` are present exactly when `valid`. */
export type Report = ValidReport | InvalidReport;

/** Renderings of a report, present when `validate`'s options ask for them. */
export interface ReportRenderings {
  text?: string;
  markdown?: string;
  csv?: string;
}

export interface ValidReport extends ReportRenderings {
  valid: true;
  kind: "contactCenterPhoneNumber";
  delivery: Delivery;
  errors: [];
  warnings: Issue[];
  frame?: never;
  event: ContactCenterEvent;
  change: Change;
}

export interface InvalidReport extends ReportRenderings {
  valid: false;
  kind: Kind;
  delivery: Delivery;
  /** At least one error says why. */
  errors: [Issue, ...Issue[]];
  warnings: Issue[];
  /** Present exactly when `kind` is "websocketControl". */
  frame?: ControlFrame;
  event?: never;
  change?: never;
}

/**
 * Thrown by `parse` for an invalid payload. A class: `e instanceof InvalidEventError` works,
 * and `isInvalidEventError(e)` does too for an error from another copy of the package (the
 * Node and browser builds, or two installed versions).
 */
export class InvalidEventError extends Error {
  constructor(message: string, details: { kind: Kind; issues: Issue[] });
  readonly name: "InvalidEventError";
  /** The kind of payload it was (`contactCenterPhoneNumber` when it is one, but broken). */
  readonly kind: Kind;
  /** Errors, then warnings: the same issues `validate` reports. */
  readonly issues: Issue[];
}

/** Whether `value` is an `InvalidEventError` thrown by `parse` (of any copy of this package). */
export function isInvalidEventError(value: unknown): value is InvalidEventError;

/**
 * Validates one notification (WebHook body, WebSocket frame or bare body). Never throws for
 * a bad payload; throws TypeError/RangeError only for bad arguments.
 */
export function validate(input: Input, options?: ValidateOptions): Report;

/** The normalised event; throws an `InvalidEventError` whose `issues` say why not. */
export function parse(input: Input, options?: ParseOptions): ContactCenterEvent;

/**
 * Diagnostic, not part of the API: `validate`'s report as JSON text (tests compare it with the
 * report's objects).
 */
export function reportJson(input: Input, options?: ValidateOptions): string;
/** Diagnostic, not part of the API: `summarize`'s result as JSON text (for the benchmark). */
export function summaryJson(input: Input, options?: SummarizeOptions): string;
/** Diagnostic, not part of the API: the size of the module's WebAssembly memory, in bytes. */
export function memoryBytes(): number;
/**
 * Test hook, not part of the API: `__trapForTests(0)` traps at once; `__trapForTests(n)` makes
 * the n-th next call of validate, parse or summarize trap.
 */
export function __trapForTests(calls: number): void;
/**
 * Plumbing, not part of the API: the calls `receive` and `createSummarizer` make into the
 * WebAssembly module (use those). Declared so that every export of the package is typed.
 */
export function receiveDecision(...args: unknown[]): unknown;
/** Plumbing of `createSummarizer`, not part of the API. */
export function __summarizerNew(...args: unknown[]): unknown;
/** Plumbing of `createSummarizer`, not part of the API. */
export function __summarizerPush(...args: unknown[]): unknown;
/** Plumbing of `createSummarizer`, not part of the API. */
export function __summarizerFinish(...args: unknown[]): unknown;
/** Plumbing of `createSummarizer`, not part of the API. */
export function __summarizerFree(...args: unknown[]): unknown;
/** Plumbing of `createSummarizer`, not part of the API. */
export function __summarizerLost(...args: unknown[]): unknown;
/** Options of `summarize`: those of `validate`, plus log limits and extra renderings. */
export interface SummarizeOptions extends ParseOptions {
  /** Most items read from one log (default 1000000). */
  maxItems?: number;
  /** Most issues listed over the whole log (default 10000). */
  maxLogIssues?: number;
  /**
   * Most bytes of the summary's own JSON and of each rendering (`text`, `markdown`, `csv`);
   * past it each is cut and says so (default: the input's size plus 1 MiB; at most 268435456).
   */
  maxOutputBytes?: number;
  /** Also render the summary as Markdown in `markdown`. */
  markdown?: boolean;
  /** Also render every timeline entry as CSV in `csv`. */
  csv?: boolean;
  /**
   * List each number's timeline (default true). `false`: `numbers` lists each number without
   * its entries, all counted in its `entriesNotListed`; counts and `net` are unchanged.
   */
  timelines?: boolean;
  /**
   * List only the last N entries (by time) of each number's timeline; the earlier ones are
   * counted in its `entriesNotListed` (default: every entry).
   */
  lastEntries?: number;
  /**
   * List in `numbers` only the numbers the log changes (those in `net`); the others are
   * counted in `numbersNotListed` (default false).
   */
  changedOnly?: boolean;
}

/** A broken item of a log. `index` is null for a problem with the input as a whole. */
export interface Problem {
  index: number | null;
  /** 1-based line where the item starts (for an array of already-parsed items, `index + 1`). */
  line: number;
  kind: Kind;
  /** Errors, then warnings; positions are in the whole input. */
  issues: Issue[];
}

export interface DuplicateItem {
  index: number;
  line: number;
  uuid: string;
  firstIndex: number;
  firstLine: number;
  /** The text is the same as the first copy's (a plain redelivery). */
  identical: boolean;
}

export interface OutOfOrderItem {
  index: number;
  line: number;
  uuid: string;
  time: string;
  /** The latest time seen before this item, and the item that carried it. */
  after: string;
  afterIndex: number;
}

export interface FieldChange {
  /** "status", "type", "location", "contactCenterProvider.name", ... */
  field: string;
  /** null when the previous event did not carry the field. */
  from: string | null;
  to: string;
}

export interface TimelineEntry {
  time: string;
  uuid: string;
  eventType: EventType;
  effect: Effect;
  index: number;
  line: number;
  /** Fields that differ from this number's previous event. */
  changes: FieldChange[];
}

export interface NumberTimeline {
  /** The key of the group (account or owner) the number belongs to. */
  group: string;
  id: string;
  phoneNumber: string;
  /**
   * Entries left out of `timeline`: later ones by the `maxOutputBytes` limit, earlier ones by
   * `lastEntries`, all of them for `timelines: false`.
   */
  entriesNotListed: number;
  timeline: TimelineEntry[];
}

/** Net effect on Contact Center numbers, as E.164 numbers. */
export interface Net {
  added: string[];
  removed: string[];
  changed: string[];
  /** Added and removed again within the log. */
  transient: string[];
}

export interface Group {
  /** "account:37439510", or "owner:8475874957" where the filter names no account. */
  key: string;
  accountId?: string;
  ownerId?: string;
  events: number;
  numbers: number;
  net: Net;
}

/** What happened across a log of notifications. */
export interface Summary {
  /** Every item found, duplicates included. */
  events: number;
  valid: number;
  invalid: number;
  other: number;
  duplicates: number;
  outOfOrder: number;
  warnings: number;
  byEventType: { Created: number; Updated: number; Deleted: number };
  otherKinds: { subscriptionRenewal: number; otherEvent: number; websocketFrame: number };
  truncated: boolean;
  limitReached: boolean;
  problems: Problem[];
  issuesNotListed: number;
  duplicateItems: DuplicateItem[];
  outOfOrderItems: OutOfOrderItem[];
  groups: Group[];
  numbers: NumberTimeline[];
  /**
   * Numbers left out of `numbers` by the `maxOutputBytes` limit, or unchanged by the log when
   * `changedOnly` is set (their net effect is still counted).
   */
  numbersNotListed: number;
  /** Some output reached `maxOutputBytes` and was cut: `numbers` and any rendering that says so at its end. */
  outputTruncated: boolean;
  net: Net;
  /** A short plain-English report for a ticket. */
  text: string;
  markdown?: string;
  csv?: string;
}

/**
 * Summarizes a log: one notification, a JSON array, NDJSON, concatenated values, or
 * WebSocket frames in any of those forms. Never throws for bad input.
 */
export function summarize(input: Input, options?: SummarizeOptions): Summary;

/**
 * An incremental summarizer (see `createSummarizer`). Its memory grows with the log's items
 * (uuids, timelines), never with their size; nothing pushed is kept.
 */
export interface Summarizer {
  /**
   * Reads the next chunk of the log, cut anywhere: items, lines, UTF-8 sequences and UTF-16
   * surrogate pairs may straddle chunks. Never throws for what the chunk holds; throws a
   * `TypeError` for a chunk that is not a string, a `Uint8Array` (a `Buffer`) or an
   * `ArrayBuffer`, and an `Error` once the summarizer is finished or freed.
   */
  push(chunk: string | Uint8Array | ArrayBuffer): void;
  /**
   * The summary of everything pushed, exactly `summarize`'s of the whole log; frees the
   * summarizer's WebAssembly memory. Throws only when called twice (or after `free`).
   */
  finish(): Summary;
  /** Frees the summarizer's WebAssembly memory without a summary; later calls do nothing. */
  free(): void;
  /** Bytes read so far (a string chunk's as UTF-8). */
  readonly bytes: number;
}

/**
 * An incremental summarizer with `summarize`'s options, for logs of any size: `maxInputBytes`
 * bounds the text held at once (one item, or a broken stretch reading cannot resume after),
 * not the log. Unknown or mistyped options throw a `TypeError`/`RangeError`.
 */
export function createSummarizer(options?: SummarizeOptions): Summarizer;

/** What `summarizeStream` reports as it reads. */
export interface StreamProgress {
  /** Bytes read so far (a string chunk's as UTF-8). */
  bytes: number;
}

/** Options of `summarizeStream`: those of `summarize`, and a progress callback. */
export interface SummarizeStreamOptions extends SummarizeOptions {
  /** Called after each chunk is read. */
  onProgress?: (progress: StreamProgress) => void;
}

/** Chunks `summarizeStream` reads: strings, `Uint8Array`s (`Buffer`s) or `ArrayBuffer`s. */
export type StreamChunk = string | Uint8Array | ArrayBuffer;

/**
 * A web `ReadableStream` of chunks, as `summarizeStream` reads it (through its reader),
 * declared by its shape so that no DOM types are needed.
 */
export interface ReadableChunks {
  getReader(): {
    read(): Promise<{ done: boolean; value?: StreamChunk | undefined }>;
    releaseLock(): void;
  };
}

/**
 * Summarizes a log read from a Node `Readable`, a web `ReadableStream`, or any iterable or
 * async iterable of chunks (an async generator, an array), as `createSummarizer` does. Rejects
 * only for bad options, a bad source or chunk, or an error of the source itself.
 */
export function summarizeStream(
  source: ReadableChunks | AsyncIterable<StreamChunk> | Iterable<StreamChunk>,
  options?: SummarizeStreamOptions,
): Promise<Summary>;

/**
 * What `reconcile` compares: the notifications, and RingCentral's phone-number list (the
 * response of `GET /restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber`
 * or `GET /restapi/v2/accounts/{accountId}/phone-numbers`, one page, pages back to back or in
 * an array) as text or bytes exactly as saved, so that what is wrong in it is located.
 */
export interface ReconcileInput {
  /** The list before the log began, if it was saved. */
  before?: string | Uint8Array | ArrayBuffer;
  /** The log, in any form `summarize` reads as text or bytes. */
  log: string | Uint8Array | ArrayBuffer;
  /** The list now (or when the log ends). */
  after: string | Uint8Array | ArrayBuffer;
  /** When `before` was taken (ISO 8601, or a Date): events at or before it are already in it. */
  beforeTime?: string | Date;
  /** When `after` was taken: later events are not counted against it. */
  afterTime?: string | Date;
}

export type FindingKind =
  | "missedAdd" | "missedRemoval" | "removedButPresent" | "contradictsBefore"
  | "fieldDrift" | "unexplainedChange";

/** A record of a phone-number list, as a finding's evidence: values as the list gives them. */
export interface SnapshotRecord {
  /** 1-based line and UTF-16 column of the record's `{` in the snapshot's text. */
  line: number;
  column: number;
  /** Always a string, though v1 lists give an int64 number. */
  id: string;
  phoneNumber: string;
  usageType: string;
  /** As the list gives it: "VoiceOnly", "FaxOnly" or "VoiceFax". */
  type?: string;
  status?: string;
  paymentType?: string;
  location?: string;
  contactCenterProvider?: ContactCenterProvider;
  /** v2 only: "Toll" or "TollFree". */
  tollType?: string;
}

/** One disagreement about one number, with its evidence. */
export interface ReconcileFinding {
  kind: FindingKind;
  id: string;
  phoneNumber: string;
  message: string;
  /** For fieldDrift and unexplainedChange: "status", "type", "location", "paymentType", "contactCenterProvider.id" or "contactCenterProvider.name". */
  field?: string;
  /** The value the log leaves (fieldDrift) or `before` gives (unexplainedChange). */
  expected?: string;
  /** The value in `after`. */
  actual?: string;
  /** Log lines (1-based) of the notifications concerned, at most 10. */
  lines: number[];
  before?: SnapshotRecord;
  after?: SnapshotRecord;
}

/** What was read of one snapshot. */
export interface SnapshotReport {
  valid: boolean;
  version?: "v1" | "v2";
  accountId?: string;
  pages: number;
  records: number;
  contactCenter: number;
  /** Every page and record `paging` announces is there: a number missing from it is gone. */
  complete: boolean;
  /** Only DirectNumber records: taken without admin rights, not compared. */
  directNumbersOnly: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export interface ReconcileCounts {
  numbers: number;
  inAgreement: number;
  missedAdds: number;
  missedRemovals: number;
  removedButPresent: number;
  contradictions: number;
  fieldDrift: number;
  unexplainedChanges: number;
  logEvents: number;
  invalidItems: number;
  eventsBeforeSnapshot: number;
  eventsAfterSnapshot: number;
  otherAccounts: number;
}

/** The log reconciled against the phone-number lists. */
export interface Reconciliation {
  /** Whether `after` could be compared: read, and not taken without admin rights. */
  compared: boolean;
  after: SnapshotReport;
  before?: SnapshotReport;
  beforeTime?: string;
  afterTime?: string;
  counts: ReconcileCounts;
  /** Missed notifications first, then contradictions, then drift. */
  findings: ReconcileFinding[];
  findingsNotListed: number;
  outputTruncated: boolean;
  text: string;
  markdown?: string;
  csv?: string;
}

/**
 * Reconciles a log against RingCentral's phone-number lists. Options are `summarize`'s: its
 * limits apply to the log and to each snapshot; `markdown` and `csv` add those renderings;
 * `redact` masks phone numbers in the findings' messages, the lists' issues and every
 * rendering (`phoneNumber` and the snapshot records stay whole: they are the caller's data).
 * Bad snapshots are reported in `after.errors`/`before.errors`, never thrown; a missing or
 * mistyped member of `input` is a TypeError, an unreadable time a RangeError.
 */
export function reconcile(input: ReconcileInput, options?: SummarizeOptions): Reconciliation;
