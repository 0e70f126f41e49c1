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
