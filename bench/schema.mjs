// The event's rules as a JSON Schema (for ajv 8 + ajv-formats; the zod 4 twin is in
// zod-schema.mjs, kept apart so ajv's start-up time does not include importing zod),
// as faithful to /work/shared/domain.md and src/checks/{envelope,body}.rs as each can be in the default
// (non-strict) mode. What neither can express is listed in bench/README.md ("Caveats"):
//   - `uri` must link to the same phone-number id as `id`, and the same account as `event`
//     (cross-field equality: not in JSON Schema; zod could with superRefine, left out so both
//     JS contenders check the same thing);
//   - duplicate keys (JSON.parse keeps the last one silently);
//   - the located issues (line/column/offset): ajv and zod report paths only;
//   - WebSocket frames / APNS wrappers / bare bodies / other events: only the WebHook envelope.
// Warnings of the package (unknown fields, unknown paymentType/status/usageType values,
// numeric ids, `{accountId}` placeholder, non-UUID subscriptionId, empty uri) are not errors,
// so the schemas accept them.

export const USAGE_TYPES = ['MainCompanyNumber', 'AdditionalCompanyNumber', 'CompanyNumber', 'DirectNumber',
  'CompanyFaxNumber', 'FmcBusinessMobileNumber', 'InventoryFmcBusinessMobileNumber', 'ForwardedNumber',
  'ForwardedCompanyNumber', 'ContactCenterNumber', 'ConferencingNumber', 'MeetingsNumber', 'NumberPool',
  'BusinessMobileNumber', 'ELIN', 'PartnerBusinessMobileNumber', 'NumberPoolPartnerBusinessMobileNumber',
  'NumberStorage', 'IntegrationNumber', 'InventoryMobileNumber'];
export const NUMBER_TYPES = ['Voice', 'Fax', 'VoiceFax', 'VoiceOnly', 'FaxOnly'];
export const EVENT_TYPES = ['Created', 'Updated', 'Deleted'];

// 18-20 digit notification id, or an RFC 4122-shaped UUID.
export const UUID_RE = '^(?:[0-9]{18,20}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$';
export const FILTER_RE = '^/restapi/v1\\.0/account/(?:[0-9]+|~|\\{accountId\\})/phone-number\\?usageType=ContactCenterNumber$';
// ISO 8601 with a colon-less (+0000) or hour-only (+00) zone: RFC 3339 `date-time` refuses
// these, RingCentral's older payloads use them. The date is not checked for existence here.
export const TIMESTAMP_LEGACY_RE = '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?[+-](?:[01][0-9]|2[0-3])(?:[0-5][0-9])?$';
export const E164_RE = '^\\+[1-9][0-9]{6,14}$';
export const URI_RE = '^(?:https://platform(?:\\.devtest)?\\.ringcentral\\.com/restapi/v1\\.0/account/(?:[0-9]+|~)/phone-number/[0-9]+)?$';
export const DIGITS_RE = '^[0-9]+$';

const digitsId = { anyOf: [{ type: 'string', pattern: DIGITS_RE }, { type: 'integer', minimum: 0 }] };
const anyId = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] };

/** JSON Schema (draft-07 vocabulary, as ajv 8 defaults to) of a WebHook notification. */
export const jsonSchema = {
  $id: 'https://example.invalid/cc-number-events/contact-center-phone-number-event.json',
  type: 'object',
  required: ['uuid', 'event', 'timestamp', 'subscriptionId', 'ownerId', 'body'],
  properties: {
    uuid: { type: 'string', pattern: UUID_RE },
    event: { type: 'string', pattern: FILTER_RE },
    timestamp: {
      type: 'string',
      anyOf: [{ format: 'date-time', pattern: '^.{10}T' }, { pattern: TIMESTAMP_LEGACY_RE }],
    },
    subscriptionId: { type: 'string', minLength: 1 },
    ownerId: digitsId,
    body: {
      type: 'object',
      required: ['eventType', 'phoneNumberInfo'],
      properties: {
        eventType: { type: 'string', enum: EVENT_TYPES },
        phoneNumberInfo: {
          type: 'object',
          required: ['id', 'phoneNumber'],
          properties: {
            uri: { type: 'string', pattern: URI_RE },
            id: digitsId,
            phoneNumber: { type: 'string', pattern: E164_RE },
            paymentType: { type: 'string' },
            location: { type: 'string' },
            type: { type: 'string', enum: NUMBER_TYPES },
            usageType: { type: 'string' },
            status: { type: 'string' },
            contactCenterProvider: {
              type: 'object',
              properties: { id: anyId, name: { type: 'string' } },
            },
          },
        },
      },
      allOf: [
        {
          // Created and Deleted are about Contact Center numbers.
          if: { properties: { eventType: { enum: ['Created', 'Deleted'] } }, required: ['eventType'] },
          then: { properties: { phoneNumberInfo: { type: 'object', properties: { usageType: { const: 'ContactCenterNumber' } } } } },
        },
        {
          // Updated needs usageType to tell conversion in from reassignment away.
          if: { properties: { eventType: { const: 'Updated' } }, required: ['eventType'] },
          then: { properties: { phoneNumberInfo: { type: 'object', required: ['usageType'] } } },
        },
      ],
    },
  },
};
