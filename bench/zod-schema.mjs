// The rules of schema.mjs in zod 4 (same regular expressions, same cross-field rules).
import { z } from 'zod';
import { DIGITS_RE, E164_RE, EVENT_TYPES, FILTER_RE, NUMBER_TYPES, TIMESTAMP_LEGACY_RE, URI_RE, UUID_RE } from './schema.mjs';

/** The same rules in zod 4. Unknown keys pass through (`looseObject`), as they are warnings. */
export function makeZodSchema() {
  const re = (s) => new RegExp(s);
  const zDigitsId = z.union([z.string().regex(re(DIGITS_RE)), z.number().int().nonnegative()]);
  const zAnyId = z.union([z.string().min(1), z.number().int().nonnegative()]);
  const legacy = re(TIMESTAMP_LEGACY_RE);
  const rfc3339 = z.iso.datetime({ offset: true, precision: undefined });
  const zTimestamp = z.string().refine(
    (s) => (legacy.test(s) ? true : rfc3339.safeParse(s).success && !Number.isNaN(Date.parse(s)) && validDate(s)),
    { message: 'invalid timestamp' },
  );
  const info = z.looseObject({
    uri: z.string().regex(re(URI_RE)).optional(),
    id: zDigitsId,
    phoneNumber: z.string().regex(re(E164_RE)),
    paymentType: z.string().optional(),
    location: z.string().optional(),
    type: z.enum(NUMBER_TYPES).optional(),
    usageType: z.string().optional(),
    status: z.string().optional(),
    contactCenterProvider: z.looseObject({ id: zAnyId.optional(), name: z.string().optional() }).optional(),
  });
  const body = z
    .looseObject({ eventType: z.enum(EVENT_TYPES), phoneNumberInfo: info })
    .superRefine((b, ctx) => {
      const u = b.phoneNumberInfo.usageType;
      if (b.eventType === 'Updated' && u === undefined) {
        ctx.addIssue({ code: 'custom', path: ['phoneNumberInfo', 'usageType'], message: 'required for Updated' });
      } else if (b.eventType !== 'Updated' && u !== undefined && u !== 'ContactCenterNumber') {
        ctx.addIssue({ code: 'custom', path: ['phoneNumberInfo', 'usageType'], message: `${b.eventType} needs ContactCenterNumber` });
      }
    });
  return z.looseObject({
    uuid: z.string().regex(re(UUID_RE)),
    event: z.string().regex(re(FILTER_RE)),
    timestamp: zTimestamp,
    subscriptionId: z.string().min(1),
    ownerId: zDigitsId,
    body,
  });
}

// z.iso.datetime checks the shape only; reject dates that do not exist (2023-02-30).
function validDate(s) {
  const y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= dim[m - 1];
}
