// The declarations of what src/js/receive.js and standard.js add to the package (a custom
// section of its own beside types.d.ts, whose reader in tests/js/types.test.mjs knows a smaller
// subset of TypeScript); tests/ts/receive.mts type-checks them as a consumer would.

/** The headers of a request: a web `Headers`, a `Map`, pairs, or Node's `req.headers`. */
export type RequestHeaders =
  | { forEach(callback: (value: string, name: string) => void): void; get(name: string): string | null }
  | ReadonlyMap<string, string>
  | ReadonlyArray<readonly [string, string]>
  | { readonly [name: string]: string | readonly string[] | undefined };

/** A web `Request` (Fetch API: Hono's `c.req.raw`, Next.js, Cloudflare Workers, Deno, Bun),
 * declared by what `receive` uses of it so that no DOM library is needed to compile. */
export interface WebRequest {
  readonly method: string;
  readonly headers: { get(name: string): string | null; forEach(callback: (value: string, name: string) => void): void };
  readonly body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>; cancel(): Promise<void> };
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A request as Node frameworks hold it (Express with `express.raw`, Fastify with a buffer
 * parser, `node:http` whose stream is read when `body` is absent). */
export interface NodeLikeRequest {
  method?: string;
  headers?: RequestHeaders;
  body?: string | Uint8Array | ArrayBuffer | JsonObject | JsonValue[] | null;
}

/** Remembers the `uuid`s received; both methods may return a Promise (Redis, a database). */
export interface ReplayStore {
  has(uuid: string): boolean | PromiseLike<boolean>;
  add(uuid: string): unknown;
}

export interface ReceiveOptions extends ValidateOptions {
  /** The subscription's `verificationToken`: a notification without it (as
   * `Verification-Token` or `Validation-Token`) is answered 401, its body not read. */
  verificationToken?: string | null;
  /** Where `uuid`s are remembered; `false` for no de-duplication. Default: one in-memory
   * store of the last 10,000, shared by the calls that give none. */
  store?: ReplayStore | false | null;
}

export type ReceiveOutcome =
  | "validation" | "accepted" | "replay" | "ignored" | "invalid"
  | "unauthorized" | "methodNotAllowed" | "badRequest";

export interface ReceiveAnswer {
  /** 200, or 401 (token), 405 (not POST), 400 (a Validation-Token that cannot be echoed, an unreadable body). */
  status: 200 | 400 | 401 | 405;
  headers: { "Validation-Token"?: string; Allow?: "POST" };
  outcome: ReceiveOutcome;
  /** The event's `uuid`, for an accepted event or a replay. */
  uuid: string | null;
  /** The body's report; null when the body was not validated. */
  report: Report | null;
  /** Why the body could not be read (outcome `badRequest`). */
  error?: string;
  /** Why the replay store failed (the event is then answered as accepted). */
  storeError?: string;
}

/** What to answer a RingCentral WebHook request. Never throws for what the request holds. */
export function receive(request: WebRequest | NodeLikeRequest, options?: ReceiveOptions): Promise<ReceiveAnswer>;

/** An in-memory replay store of the last `capacity` uuids (default 10,000), least recently seen evicted first. */
export function createReplayStore(capacity?: number): ReplayStore & { readonly size: number };

/** A Standard Schema v1 issue, with the report's code. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly code?: IssueCode;
}

/** A Standard Schema v1 validator (https://standardschema.dev) of a notification. */
export interface NotificationSchema {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "cc-number-events";
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: ContactCenterEvent; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<StandardIssue> };
    readonly types?: { readonly input: unknown; readonly output: ContactCenterEvent } | undefined;
  };
}

/** A Standard Schema validator with `validate()`'s options (read at its first call). */
export function standardSchema(options?: ParseOptions): NotificationSchema;

/** The Standard Schema validator with the default options. */
export const notificationSchema: NotificationSchema;

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = JsonObject & { $schema: "https://json-schema.org/draft/2020-12/schema" };

/** The JSON Schema of a notification `validate` finds valid (with `strict`, the strict one). */
export function jsonSchema(options?: { strict?: boolean }): JsonSchema;
