// The change record of a valid notification, built in JavaScript the way src/checks/change.rs
// builds it, so the ajv and zod contenders produce the same output as `validate(text).change`.

const NORMALISED_TYPE = { Voice: 'Voice', Fax: 'Fax', VoiceFax: 'VoiceFax', VoiceOnly: 'Voice', FaxOnly: 'Fax' };
const FILTER_PREFIX = '/restapi/v1.0/account/';

/** "2023-04-18T20:25:24.611+0000" -> milliseconds since the epoch (UTC). */
function instant(ts) {
  // Date.parse understands Z and +HH:MM; add the colon to +HHMM / expand +HH.
  const m = /([+-])(\d{2})(\d{2})?$/.exec(ts);
  if (m && !ts.endsWith('Z') && ts[ts.length - 3] !== ':') {
    return Date.parse(ts.slice(0, m.index) + `${m[1]}${m[2]}:${m[3] ?? '00'}`);
  }
  return Date.parse(ts);
}

function describeAccount(a) {
  if (a === '~') return "the subscriber's own account";
  if (a === '{accountId}') return 'an unnamed account (the filter holds `{accountId}`)';
  return `account ${a}`;
}

export function effectOf(eventType, usageType) {
  if (eventType === 'Created') return 'added';
  if (eventType === 'Deleted') return 'removed';
  return usageType === 'ContactCenterNumber' ? 'convertedIn' : 'reassignedAway';
}

/** `n` is an already validated notification object (the WebHook envelope). */
export function changeOf(n) {
  const info = n.body.phoneNumberInfo;
  const eventType = n.body.eventType;
  const effect = effectOf(eventType, info.usageType);
  const id = String(info.id);
  const type = info.type === undefined ? undefined : NORMALISED_TYPE[info.type];
  const accountId = n.event.slice(FILTER_PREFIX.length, n.event.indexOf('/phone-number'));
  const iso = new Date(instant(n.timestamp)).toISOString();
  const human = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  const details = [`id ${id}`];
  if (type) details.push(type);
  if (info.location) details.push(info.location);
  const number = `${info.phoneNumber} (${details.join(', ')})`;
  const account = describeAccount(accountId);
  const p = info.contactCenterProvider;
  const pname = p ? (p.name ?? (p.id === undefined ? undefined : String(p.id))) : undefined;
  const provider = pname === undefined ? '' : ` with provider \u201c${pname}\u201d`;
  let what;
  switch (effect) {
    case 'added': what = `Contact Center number ${number} was created on ${account}${provider}`; break;
    case 'removed': what = `Contact Center number ${number} was deleted from ${account}`; break;
    case 'convertedIn': what = `Phone number ${number} was converted to a Contact Center number on ${account}${provider}`; break;
    default: what = `Phone number ${number} was reassigned from Contact Center to ${info.usageType ?? 'another use'} on ${account}`;
  }
  const change = { action: eventType.toLowerCase(), effect, phoneNumber: info.phoneNumber, id };
  if (type !== undefined) change.type = type;
  if (info.usageType !== undefined) change.usageType = info.usageType;
  if (p !== undefined) {
    change.provider = {};
    if (p.id !== undefined) change.provider.id = String(p.id);
    if (p.name !== undefined) change.provider.name = p.name;
  }
  change.accountId = accountId;
  change.time = iso;
  change.sentence = `${what} at ${human}.`;
  return change;
}
