// The declarations of the full module's own exports (summarize, the streaming summarizer,
// reconcile, and the tests' `reportJson`): the validate-only module (`cc-number-events/validate`)
// has only types.d.ts's.
/**
 * Diagnostic, not part of the API: `validate`'s report as JSON text (tests compare it with the
 * report's objects).
 */
export function reportJson(input: Input, options?: ValidateOptions): string;
/** Diagnostic, not part of the API: `summarize`'s result as JSON text (for the benchmark). */
export function summaryJson(input: Input, options?: SummarizeOptions): string;
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
