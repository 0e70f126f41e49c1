// The receiver and the Standard Schema validator as a TypeScript consumer sees them,
// type-checked (never run) by `tsc --noEmit -p tests/ts`, against the Standard Schema spec's
// own published types (@standard-schema/spec): a framework that takes a `StandardSchemaV1`
// (tRPC's .input, Hono's sValidator, TanStack Form) takes `notificationSchema` unchanged.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import {
  createReplayStore,
  jsonSchema,
  notificationSchema,
  receive,
  standardSchema,
} from 'cc-number-events';
import type {
  ContactCenterEvent,
  NotificationSchema,
  ReceiveAnswer,
  ReceiveOutcome,
  ReplayStore,
} from 'cc-number-events';

const schema: StandardSchemaV1<unknown, ContactCenterEvent> = notificationSchema;
const strict: StandardSchemaV1 = standardSchema({ strict: true, maxDepth: 10 });
// What the spec infers from the declared types is the event.
type Output = StandardSchemaV1.InferOutput<NotificationSchema>;
const sameOutput: Output extends ContactCenterEvent ? (ContactCenterEvent extends Output ? true : false) : false = true;

export async function useSchema(value: unknown): Promise<string> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) {
    const first = result.issues[0];
    return `${first?.message} at ${(first?.path ?? []).map(String).join('.')}`;
  }
  return result.value.body.phoneNumberInfo.phoneNumber;
}

// A store of one's own (Redis, a database): async methods are fine.
const redisLike: ReplayStore = {
  has: async (uuid: string) => uuid.length === 0,
  add: async (_uuid: string) => undefined,
};

export async function handle(headers: Record<string, string>, body: Uint8Array): Promise<number> {
  const answer: ReceiveAnswer = await receive(
    { method: 'POST', headers, body },
    { verificationToken: 's3cret', store: redisLike, strict: true },
  );
  const outcome: ReceiveOutcome = answer.outcome;
  // @ts-expect-error outcomes are a closed union
  const wrong: ReceiveOutcome = 'ok';
  // @ts-expect-error the token is a string
  await receive({ method: 'POST' }, { verificationToken: 42 });
  const echo: string | undefined = answer.headers['Validation-Token'];
  if (answer.report && !answer.report.valid) return answer.report.errors.length;
  void [outcome, wrong, echo, strict, sameOutput, createReplayStore(100).size];
  return answer.status;
}

const draft: string = jsonSchema({ strict: true }).$schema;
void draft;
