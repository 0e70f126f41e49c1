// `cc-number-events/validate`, the validate-only module, as a TypeScript consumer sees it
// (type-checked, never run, by `tsc --noEmit -p tests/ts`): the same functions and types as
// the full module's for a webhook handler, and no summary.
import init, {
  InvalidEventError,
  isInvalidEventError,
  jsonSchema,
  notificationSchema,
  parse,
  receive,
  validate,
} from 'cc-number-events/validate';
import type { ContactCenterEvent, ReceiveAnswer, Report, ValidateOptions, WebRequest } from 'cc-number-events/validate';
import type * as Full from 'cc-number-events';
import * as Small from 'cc-number-events/validate';

const options: ValidateOptions = { strict: true, text: true };

export async function handle(body: string, request: WebRequest): Promise<[Report, ReceiveAnswer]> {
  await init();
  const report: Report = validate(body, options);
  // The full module's types describe the same reports.
  const same: Full.Report = report;
  return [same, await receive(request, { verificationToken: 'secret' })];
}

export function event(body: Uint8Array): ContactCenterEvent | string {
  try {
    return parse(body);
  } catch (e) {
    if (isInvalidEventError(e) || e instanceof InvalidEventError) return e.issues.map((i) => i.code).join(', ');
    throw e;
  }
}

export const schemas = [notificationSchema, jsonSchema({ strict: true })] as const;

// @ts-expect-error: summarize is the full module's.
export const noSummary = Small.summarize;
