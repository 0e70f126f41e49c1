// Sample payloads for the example buttons. Plain strings: never parsed as HTML.

const FILTER = '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber';
const SUB = '9d38419f-645f-4ee3-a053-8cf1368c21c4';
const URI = 'https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/';

/** A valid WebHook notification: a Contact Center number was created. */
export const valid = `{
  "uuid": "2661273919712564939",
  "event": "${FILTER}",
  "timestamp": "2023-04-18T20:25:24.611Z",
  "subscriptionId": "${SUB}",
  "ownerId": "8475874957",
  "body": {
    "eventType": "Created",
    "phoneNumberInfo": {
      "uri": "${URI}987654321",
      "id": "987654321",
      "phoneNumber": "+12024999741",
      "paymentType": "Local",
      "location": "Washington, DC",
      "type": "VoiceFax",
      "usageType": "ContactCenterNumber",
      "status": "Normal",
      "contactCenterProvider": { "id": "1", "name": "InContact/North America" }
    }
  }
}
`;

/** A notification with several problems: bad timestamp, event type, phone number and more. */
export const invalid = `{
  "uuid": "2661273919712564940",
  "event": "${FILTER}",
  "timestamp": "2023-04-18 20:25:24",
  "subscriptionId": "${SUB}",
  "ownerId": "8475874957",
  "body": {
    "eventType": "created",
    "phoneNumberInfo": {
      "uri": "${URI}987654321",
      "id": "987654321",
      "phoneNumber": "+1 (202) 499-9741",
      "paymentType": "Local",
      "type": "Voice",
      "usageType": "ContactCenterNumber",
      "status": "Normal",
      "region": "US-East"
    }
  }
}
`;

/** A WebSocket frame: [meta, envelope]. */
export const websocket = `[
  { "type": "ServerNotification", "messageId": "5486103219701286912", "status": 200, "headers": {} },
  {
    "uuid": "5486103219701286912",
    "event": "/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber",
    "timestamp": "2023-04-18T21:02:11.093Z",
    "subscriptionId": "0a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
    "ownerId": "2203617004",
    "body": {
      "eventType": "Updated",
      "phoneNumberInfo": {
        "uri": "https://platform.ringcentral.com/restapi/v1.0/account/~/phone-number/1133557799",
        "id": "1133557799",
        "phoneNumber": "+441632960123",
        "paymentType": "TollFree",
        "type": "VoiceOnly",
        "usageType": "DirectNumber",
        "status": "Normal",
        "contactCenterProvider": { "id": "1", "name": "In-Contact NA" }
      }
    }
  }
]
`;

function line(uuid, time, eventType, id, phoneNumber, extra = {}, owner = '8475874957') {
  return JSON.stringify({
    uuid,
    event: FILTER,
    timestamp: time,
    subscriptionId: SUB,
    ownerId: owner,
    body: {
      eventType,
      phoneNumberInfo: { uri: URI + id, id, phoneNumber, usageType: 'ContactCenterNumber', ...extra },
    },
  });
}

const provider = { contactCenterProvider: { id: '1', name: 'InContact/North America' } };
const created1 = line('2661273919712564901', '2023-04-18T09:00:00.000Z', 'Created', '987654321', '+12024999741',
  { paymentType: 'Local', location: 'Washington, DC', type: 'VoiceFax', status: 'Pending', ...provider });

/** An NDJSON log: duplicates, out-of-order items, a renewal reminder and broken lines. */
export const log = [
  created1,
  line('2661273919712564902', '2023-04-18T09:05:00.000Z', 'Updated', '555000111', '+14155550100',
    { paymentType: 'Local', location: 'San Francisco, CA', type: 'Voice', status: 'Normal', ...provider }),
  JSON.stringify({ uuid: '2661273919712564903', event: '/restapi/v1.0/subscription/~?threshold=120&interval=60',
    timestamp: '2023-04-18T09:06:00.000Z', subscriptionId: SUB, ownerId: '8475874957', body: { expiresIn: 119 } }),
  line('2661273919712564904', '2023-04-18T10:00:00.000Z', 'Updated', '987654321', '+12024999741',
    { paymentType: 'Local', location: 'Washington, DC', type: 'VoiceFax', status: 'Normal', ...provider }),
  line('2661273919712564905', '2023-04-18T10:30:00.000Z', 'Created', '313555018', '+13125550188',
    { paymentType: 'TollFree', type: 'Voice', status: 'Normal', ...provider }),
  created1,
  line('2661273919712564906', '2023-04-18T11:00:00.000Z', 'Deleted', '313555018', '+13125550188'),
  line('2661273919712564907', '2023-04-18T10:45:00.000Z', 'Updated', '444000222', '+441632960123',
    { usageType: 'DirectNumber', type: 'VoiceOnly', status: 'Normal' }),
  line('2661273919712564908', '2023-04-18T10:50:00.000Z', 'created', '999000555', '+1 202 555 0143'),
  line('2661273919712564909', '2023-04-18T12:00:00.000Z', 'Updated', '555000111', '+14155550100',
    { paymentType: 'Local', location: 'Oakland, CA', type: 'VoiceFax', status: 'Normal', ...provider }),
  line('2661273919712564911', '2023-04-18T12:10:00.000Z', 'Created', '777000333', '+12125550177',
    { type: 'Voice', status: 'Normal' }),
  line('2661273919712564912', '2023-04-18T12:20:00.000Z', 'Deleted', '888000444', '+12125550199'),
  line('2661273919712564913', '2023-04-18T13:00:00.000Z', 'Updated', '444000222', '+441632960123',
    { type: 'VoiceFax', status: 'Normal', ...provider }),
  line('2661273919712564914', '2023-04-18T13:30:00.000Z', 'Updated', '555000111', '+14155550100',
    { paymentType: 'Local', location: 'Oakland, CA', type: 'VoiceFax', status: 'Porting', ...provider }),
  line('2661273919712564915', '2023-04-18T14:00:00.000Z', 'Deleted', '987654321', '+12024999741').slice(0, 180),
].join('\n') + '\n';

export const EXAMPLES = [
  { id: 'valid', label: 'Valid', text: valid },
  { id: 'invalid', label: 'Invalid', text: invalid },
  { id: 'websocket', label: 'WebSocket frame', text: websocket },
  { id: 'log', label: 'Log', text: log },
];
