// A JSON Schema (draft 2020-12 subset that ajv 8 compiles) of the WebHook envelope of a
// Contact Center phone-number event, written from /work/shared/domain.md independently of the
// Rust rules, for the differential test. It says what is an *error*: warnings (unknown
// members, undocumented paymentType/usageType/status values, a non-UUID subscriptionId, the
// `{accountId}` placeholder, numeric ids, an empty uri) are allowed here as they are valid there.

const digitsOrInteger = {
  oneOf: [
    { type: 'string', pattern: '^[0-9]+$' },
    { type: 'integer', minimum: 0 },
  ],
};

export const schema = {
  $id: 'cc-phone-number-event',
  type: 'object',
  required: ['uuid', 'event', 'timestamp', 'subscriptionId', 'ownerId', 'body'],
  properties: {
    uuid: {
      type: 'string',
      pattern: '^(?:[0-9]{18,20}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
    },
    event: {
      type: 'string',
      pattern: '^/restapi/v1\\.0/account/(?:[0-9]+|~|\\{accountId\\})/phone-number\\?usageType=ContactCenterNumber$',
    },
    timestamp: {
      type: 'string',
      // Seconds required (60: a leap second), fraction optional, zone Z, ±HH:MM, ±HHMM or ±HH.
      pattern:
        '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)$',
    },
    subscriptionId: { type: 'string', minLength: 1 },
    ownerId: digitsOrInteger,
    body: {
      type: 'object',
      required: ['eventType', 'phoneNumberInfo'],
      properties: {
        eventType: { enum: ['Created', 'Updated', 'Deleted'] },
        phoneNumberInfo: {
          type: 'object',
          required: ['id', 'phoneNumber'],
          properties: {
            uri: {
              type: 'string',
              pattern:
                '^(?:|https://platform(?:\\.devtest)?\\.ringcentral\\.com/restapi/v1\\.0/account/(?:[0-9]+|~)/phone-number/[0-9]+)$',
            },
            id: digitsOrInteger,
            // E.164; a +1 number's area code starts with 2-9 (the assigned country codes are
            // a table: tests/js/differential.test.mjs lists that rule as deliberate).
            phoneNumber: { type: 'string', pattern: '^\\+(?!1[01])[1-9][0-9]{6,14}$' },
            paymentType: { type: 'string' },
            location: { type: 'string' },
            type: { enum: ['Voice', 'Fax', 'VoiceFax', 'VoiceOnly', 'FaxOnly'] },
            usageType: { type: 'string' },
            status: { type: 'string' },
            contactCenterProvider: {
              type: 'object',
              properties: {
                id: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] },
                name: { type: 'string' },
              },
            },
          },
        },
      },
      allOf: [
        {
          // Created and Deleted are about Contact Center numbers.
          if: { properties: { eventType: { enum: ['Created', 'Deleted'] } }, required: ['eventType'] },
          then: { properties: { phoneNumberInfo: { properties: { usageType: { const: 'ContactCenterNumber' } } } } },
        },
        {
          // Updated needs usageType to tell a conversion from a reassignment.
          if: { properties: { eventType: { const: 'Updated' } }, required: ['eventType'] },
          then: { properties: { phoneNumberInfo: { required: ['usageType'] } } },
        },
      ],
    },
  },
};
