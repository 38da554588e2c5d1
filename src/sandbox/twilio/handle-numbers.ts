import type { SimUrlFields } from './account-state.js';
import { listPage } from './list-page.js';
import { nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, twilioErrors } from './sim-http.js';
import { applyReads, type Read, readMethod, readText, readUrl } from './validate-form.js';
import { applicationView, numberView } from './views.js';

/** The form fields numbers and applications share, with the record field each one sets. */
const SHARED_FIELDS: ReadonlyArray<readonly [string, string, 'url' | 'method']> = [
  ['VoiceUrl', 'voice_url', 'url'],
  ['VoiceMethod', 'voice_method', 'method'],
  ['VoiceFallbackUrl', 'voice_fallback_url', 'url'],
  ['VoiceFallbackMethod', 'voice_fallback_method', 'method'],
  ['SmsUrl', 'sms_url', 'url'],
  ['SmsMethod', 'sms_method', 'method'],
  ['SmsFallbackUrl', 'sms_fallback_url', 'url'],
  ['SmsFallbackMethod', 'sms_fallback_method', 'method'],
  ['StatusCallback', 'status_callback', 'url'],
  ['StatusCallbackMethod', 'status_callback_method', 'method'],
];

const APP_ONLY_FIELDS: ReadonlyArray<readonly [string, string, 'url' | 'method']> = [
  ['SmsStatusCallback', 'sms_status_callback', 'url'],
  ['MessageStatusCallback', 'message_status_callback', 'url'],
];

function reads(
  form: URLSearchParams,
  fields: ReadonlyArray<readonly [string, string, 'url' | 'method']>,
): Array<readonly [string, Read<unknown>]> {
  const out: Array<readonly [string, Read<unknown>]> = fields.map(([param, field, kind]) => [
    field,
    kind === 'url' ? readUrl(form, param) : readMethod(form, param),
  ]);
  out.push(['friendly_name', readText(form, 'FriendlyName', 64)]);
  return out;
}

function update<T extends SimUrlFields & { sid: string; date_updated: string }>(
  ctx: SimContext,
  record: T,
  form: URLSearchParams,
  fields: ReadonlyArray<readonly [string, string, 'url' | 'method']>,
): SimResponse | undefined {
  const refused = applyReads(record as unknown as Record<string, unknown>, reads(form, fields));
  if (refused) return refused;
  record.date_updated = nowRfc2822(ctx);
  ctx.recordWrite(record.sid);
  return undefined;
}

/** `GET …/IncomingPhoneNumbers.json`; filters `PhoneNumber` (digits anywhere) and `FriendlyName`. */
export function listNumbers(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const digits = query.get('PhoneNumber')?.replace(/[^0-9]/g, '');
  const name = query.get('FriendlyName');
  const owner = ctx.state.account.sid;
  const records = ctx.state.incomingPhoneNumbers
    .filter((n) => !digits || n.phone_number.replace(/[^0-9]/g, '').includes(digits))
    .filter((n) => name === null || n.friendly_name === name)
    .map((n) => numberView(owner, n));
  return listPage(records, {
    path,
    key: 'incoming_phone_numbers',
    query,
    filters: ['PhoneNumber', 'FriendlyName'],
  });
}

export function fetchNumber(ctx: SimContext, sid: string, path: string): SimResponse {
  const n = ctx.state.incomingPhoneNumbers.find((x) => x.sid === sid);
  return n ? jsonResponse(200, numberView(ctx.state.account.sid, n)) : twilioErrors.notFound(path);
}

/** `POST …/IncomingPhoneNumbers/{Sid}.json`: URLs (empty clears), their methods, `FriendlyName`. */
export function updateNumber(ctx: SimContext, sid: string, form: URLSearchParams, path: string): SimResponse {
  const n = ctx.state.incomingPhoneNumbers.find((x) => x.sid === sid);
  if (!n) return twilioErrors.notFound(path);
  return update(ctx, n, form, SHARED_FIELDS) ?? jsonResponse(200, numberView(ctx.state.account.sid, n));
}

export function listApplications(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const name = query.get('FriendlyName');
  const owner = ctx.state.account.sid;
  const records = ctx.state.applications
    .filter((a) => name === null || a.friendly_name === name)
    .map((a) => applicationView(owner, a));
  return listPage(records, { path, key: 'applications', query, filters: ['FriendlyName'] });
}

export function fetchApplication(ctx: SimContext, sid: string, path: string): SimResponse {
  const a = ctx.state.applications.find((x) => x.sid === sid);
  return a ? jsonResponse(200, applicationView(ctx.state.account.sid, a)) : twilioErrors.notFound(path);
}

/** `POST …/Applications/{Sid}.json`: the number fields plus the two message status callbacks. */
export function updateApplication(
  ctx: SimContext,
  sid: string,
  form: URLSearchParams,
  path: string,
): SimResponse {
  const a = ctx.state.applications.find((x) => x.sid === sid);
  if (!a) return twilioErrors.notFound(path);
  const refused = update(ctx, a, form, [...SHARED_FIELDS, ...APP_ONLY_FIELDS]);
  return refused ?? jsonResponse(200, applicationView(ctx.state.account.sid, a));
}
