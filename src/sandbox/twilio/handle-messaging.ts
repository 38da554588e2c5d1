// Messaging Services (messaging v1) and geo permissions (voice v1 dialing, accounts v1 messaging) of the simulator.
import { isoSeconds, v1ListPage } from './list-page-v1.js';
import type { SimMessagingService } from './routing-state.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, twilioError, twilioErrors } from './sim-http.js';
import { applyReads, readMethod, readText, readUrl } from './validate-form.js';

const MESSAGING = 'https://messaging.twilio.com';

function serviceView(owner: string, s: SimMessagingService) {
  const url = `${MESSAGING}/v1/Services/${s.sid}`;
  return {
    ...structuredClone(s),
    account_sid: owner,
    mms_converter: true,
    smart_encoding: true,
    fallback_to_long_code: true,
    area_code_geomatch: true,
    synchronous_validation: false,
    validity_period: 14400,
    scan_message_content: 'inherit',
    usecase: 'notifications',
    us_app_to_person_registered: false,
    url,
    links: {
      phone_numbers: `${url}/PhoneNumbers`,
      short_codes: `${url}/ShortCodes`,
      alpha_senders: `${url}/AlphaSenders`,
    },
  };
}

const findService = (ctx: SimContext, sid: string) =>
  ctx.state.routing.messagingServices.find((s) => s.sid === sid);

export function listServices(ctx: SimContext, query: URLSearchParams): SimResponse {
  const owner = ctx.state.account.sid;
  const records = ctx.state.routing.messagingServices.map((s) => serviceView(owner, s));
  return v1ListPage(records, { origin: MESSAGING, path: '/v1/Services', key: 'services', query });
}

export function fetchService(ctx: SimContext, sid: string, path: string): SimResponse {
  const service = findService(ctx, sid);
  return service
    ? jsonResponse(200, serviceView(ctx.state.account.sid, service))
    : twilioErrors.notFound(path);
}

/** `POST /v1/Services/{Sid}`: the URLs, their methods and `FriendlyName`; `''` clears a URL. */
export function updateService(
  ctx: SimContext,
  sid: string,
  form: URLSearchParams,
  path: string,
): SimResponse {
  const service = findService(ctx, sid);
  if (!service) return twilioErrors.notFound(path);
  const refused = applyReads(service as unknown as Record<string, unknown>, [
    ['inbound_request_url', readUrl(form, 'InboundRequestUrl')],
    ['inbound_method', readMethod(form, 'InboundMethod')],
    ['fallback_url', readUrl(form, 'FallbackUrl')],
    ['fallback_method', readMethod(form, 'FallbackMethod')],
    ['status_callback', readUrl(form, 'StatusCallback')],
    ['friendly_name', readText(form, 'FriendlyName', 64)],
  ]);
  if (refused) return refused;
  service.date_updated = isoSeconds(ctx.clock());
  ctx.recordWrite(sid);
  return jsonResponse(200, serviceView(ctx.state.account.sid, service));
}

/** `GET /v1/DialingPermissions/Countries`, filtered by `IsoCode` and `Continent`. */
export function listDialingCountries(ctx: SimContext, query: URLSearchParams): SimResponse {
  const iso = query.get('IsoCode');
  const continent = query.get('Continent');
  const records = ctx.state.routing.dialingCountries
    .filter((c) => (iso === null || c.iso_code === iso) && (continent === null || c.continent === continent))
    .map((c) => ({
      ...structuredClone(c),
      url: `https://voice.twilio.com/v1/DialingPermissions/Countries/${c.iso_code}`,
      links: {
        highrisk_special_prefixes: `https://voice.twilio.com/v1/DialingPermissions/Countries/${c.iso_code}/HighRiskSpecialPrefixes`,
      },
    }));
  const path = '/v1/DialingPermissions/Countries';
  return v1ListPage(records, {
    origin: 'https://voice.twilio.com',
    path,
    key: 'content',
    query,
    filters: ['IsoCode', 'Continent'],
  });
}

const FLAGS = [
  'low_risk_numbers_enabled',
  'high_risk_special_numbers_enabled',
  'high_risk_tollfraud_numbers_enabled',
] as const;

/** A JSON value of `raw`, or undefined when it is not JSON. */
function json(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** `POST /v1/DialingPermissions/BulkCountryUpdates` (201): `UpdateRequest`, a JSON array of `{ iso_code, <flag>: "true"|"false" }`. */
export function bulkUpdateCountries(ctx: SimContext, form: URLSearchParams): SimResponse {
  const raw = form.get('UpdateRequest');
  const updates = raw === null ? undefined : json(raw);
  if (!Array.isArray(updates))
    return twilioErrors.badParameter('UpdateRequest must be a JSON array of updates');
  const countries = ctx.state.routing.dialingCountries;
  for (const u of updates) {
    const iso = (u as { iso_code?: unknown })?.iso_code;
    if (!countries.some((c) => c.iso_code === iso))
      return twilioErrors.badParameter(`Unknown iso_code ${String(iso)}`);
    for (const flag of FLAGS) {
      const v = (u as Record<string, unknown>)[flag];
      if (v !== undefined && !['true', 'false', true, false].includes(v as string)) {
        return twilioErrors.badParameter(`${flag} must be true or false`);
      }
    }
  }
  for (const u of updates as Record<string, unknown>[]) {
    const country = countries.find((c) => c.iso_code === u.iso_code);
    if (!country) continue;
    for (const flag of FLAGS)
      if (u[flag] !== undefined) country[flag] = u[flag] === true || u[flag] === 'true';
    ctx.recordWrite(`voice:${country.iso_code}`);
  }
  return jsonResponse(201, { update_count: updates.length, update_request: raw });
}

/** `GET /v1/Messaging/GeoPermissions`, `CountryCode` a comma-separated filter. */
export function listMessagingGeo(ctx: SimContext, query: URLSearchParams): SimResponse {
  const codes = query
    .get('CountryCode')
    ?.split(',')
    .map((c) => c.trim());
  const permissions = ctx.state.routing.messagingGeo
    .filter((p) => !codes || codes.includes(p.country_code))
    .map((p) => ({ ...structuredClone(p), type: 'country' }));
  return jsonResponse(200, { permissions });
}

/**
 * `PATCH /v1/Messaging/GeoPermissions`: each `Permissions` value a JSON `{ country_code, type,
 * enabled }`; each answered with `error_code` 0, or 30649 for enabling a high-risk country (which
 * the API may not do, as the spec's example shows).
 */
export function updateMessagingGeo(ctx: SimContext, form: URLSearchParams): SimResponse {
  const asked = form.getAll('Permissions').map(json);
  if (asked.length === 0) return twilioErrors.badParameter('Permissions is required');
  const permissions = [];
  for (const a of asked) {
    const code = (a as { country_code?: unknown })?.country_code;
    const enabled = (a as { enabled?: unknown })?.enabled;
    const found = ctx.state.routing.messagingGeo.find((p) => p.country_code === code);
    if (!found || typeof enabled !== 'boolean')
      return twilioError(400, 20001, 'Each permission needs a known country_code and a boolean enabled');
    const refused = enabled && found.message !== '';
    if (!refused) {
      found.enabled = enabled;
      ctx.recordWrite(`messaging:${found.country_code}`);
    }
    permissions.push({
      country_code: found.country_code,
      type: 'country',
      enabled: found.enabled,
      error_code: refused ? 30649 : 0,
      error_messages: refused ? ['High risk country permission cannot be updated'] : [],
    });
  }
  return jsonResponse(200, { permissions });
}
