// Geo permissions: high-risk voice destinations and messaging countries left open, closed again.
import type { Finding } from '../../domain/types.js';
import { type Listing, ProviderError } from '../../providers/http/index.js';
import type { DialingCountry, MessagingGeoPermission, TwilioClient } from '../../providers/twilio/index.js';
import { discoveryOf, type KindExecutor, type PlannedResource } from '../kit/action-kit.js';
import { findingOf, judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { countryName, dialingClosure } from './dialing-rule.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { dispatchByKind, TwilioPlaybookError, textParam } from './playbook-error.js';

export const CLOSE_GEO_PERMISSIONS = 'twilio.close-geo-permissions';

const VOICE_PAGE = 'Voice › Settings › Geo permissions';
const MESSAGING_PAGE = 'Messaging › Settings › Geo permissions';

/** Toll-fraud and special-services ranges open anywhere, or any dialing to an international premium network. */
function planDialing(c: DialingCountry): PlannedResource | undefined {
  const closure = dialingClosure(c);
  if (!closure) return undefined;
  const { reasons } = closure;
  const keepLowRisk = closure.lowRisk === 'keep';
  return judgeResource(
    { resource: `voice:${c.iso_code}`, summary: `Voice dialing to ${countryName(c)}`, reasons },
    {
      kind: 'close_dialing_country',
      target: c.iso_code,
      params: { isoCode: c.iso_code, lowRisk: keepLowRisk ? 'keep' : 'close' },
      description: `Close voice dialing to ${countryName(c)}: ${keepLowRisk ? 'high-risk numbers off, low-risk numbers stay allowed' : 'every category off'}`,
    },
  );
}

function planMessaging(p: MessagingGeoPermission): PlannedResource | undefined {
  if (p.enabled !== true || !/high.?risk/i.test(p.message ?? '')) return undefined;
  const name = `${p.country_code}${p.prefix ? ` (${p.prefix})` : ''}`;
  return judgeResource(
    {
      resource: `messaging:${p.country_code}`,
      summary: `Messaging to ${name}`,
      reasons: [`sending messages there is allowed, and Twilio marks it “${p.message}”`],
    },
    {
      kind: 'close_messaging_country',
      target: p.country_code,
      params: { countryCode: p.country_code },
      description: `Close messaging to ${name} (a high-risk country)`,
    },
  );
}

/** The countries open that Reclaim leaves open, for a person: one line, never a change. */
function others(resource: string, what: string, names: string[], page: string): PlannedResource[] {
  if (names.length === 0) return [];
  const shown =
    names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', ');
  return [
    {
      finding: findingOf({
        resource,
        summary: `${what} also allowed to ${plural(names.length, 'country', 'countries')}: ${shown} (review them in the Console, ${page})`,
        reasons: [],
      }),
    },
  ];
}

/** The messaging listing, or a finding for a person when accounts v1 refuses it (403, 404). */
async function messagingGeo(client: TwilioClient): Promise<Listing<MessagingGeoPermission> | Finding> {
  try {
    return await client.geoPermissions.messaging();
  } catch (err) {
    if (!(err instanceof ProviderError) || ![403, 404].includes(err.status ?? 0)) throw err;
    return findingOf({
      resource: 'messaging:geo-permissions',
      summary: `accounts v1 /v1/Messaging/GeoPermissions answered ${err.status}: messaging geo permissions could not be read`,
      reasons: [`review them in the Console (${TWILIO_CONSOLE}): ${MESSAGING_PAGE}`],
    });
  }
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const [voice, messaging] = await Promise.all([
    ctx.client.geoPermissions.dialingCountries(),
    messagingGeo(ctx.client),
  ]);
  const msgs = 'items' in messaging ? messaging : { items: [], unreadable: [] };
  const dialing = voice.items.map((c) => ({ c, plan: planDialing(c) }));
  const texting = msgs.items.map((p) => ({ p, plan: planMessaging(p) }));
  const planned: PlannedResource[] = [
    ...dialing.flatMap((d) => d.plan ?? []),
    ...others(
      'voice:others',
      'Voice dialing',
      dialing.filter((d) => !d.plan && d.c.low_risk_numbers_enabled).map((d) => countryName(d.c)),
      VOICE_PAGE,
    ),
    ...texting.flatMap((t) => t.plan ?? []),
    ...others(
      'messaging:others',
      'Messaging',
      texting.filter((t) => !t.plan && t.p.enabled).map((t) => t.p.country_code),
      MESSAGING_PAGE,
    ),
    ...('items' in messaging ? [] : [{ finding: messaging }]),
  ];
  const discovery = discoveryOf(planned, (actions) => {
    const note = `Geo permissions carry no dates, so Reclaim cannot tell which countries were opened after the incident began: it closes the high-risk ones that are open and leaves the rest to you (${VOICE_PAGE}; ${MESSAGING_PAGE}).`;
    if (actions.length === 0)
      return nothingFound(`no high-risk voice destination or messaging country is open. ${note}`);
    const v = actions.filter((a) => a.kind === 'close_dialing_country').length;
    return `Close ${plural(v, 'high-risk voice destination')} and ${plural(actions.length - v, 'high-risk messaging country', 'high-risk messaging countries')}. ${note}`;
  });
  return withUnreadable(discovery, unreadableOf(voice, msgs));
}

const notApplied = (what: string, why: string, page: string) =>
  new TwilioPlaybookError(
    'twilio_change_not_applied',
    `Twilio did not close ${what}: ${why}. Close it in the Console (${TWILIO_CONSOLE}): ${page}.`,
    { details: { what } },
  );

const closeDialing: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const iso = textParam(action, 'isoCode');
  const low = textParam(action, 'lowRisk');
  const allowLow = low === 'keep';
  if (recheck) {
    const [now] = (await ctx.client.geoPermissions.dialingCountries(iso)).items;
    const closed = now && !now.high_risk_special_numbers_enabled && !now.high_risk_tollfraud_numbers_enabled;
    if (!now || (closed && (allowLow || !now.low_risk_numbers_enabled)))
      return { result: { closed: iso, note: 'already closed' } };
  }
  const updated = await ctx.client.geoPermissions.updateDialingCountries([
    {
      iso_code: iso,
      low_risk_numbers_enabled: allowLow,
      high_risk_special_numbers_enabled: false,
      high_risk_tollfraud_numbers_enabled: false,
    },
  ]);
  if (updated < 1) throw notApplied(`voice dialing to ${iso}`, 'it updated no country', VOICE_PAGE);
  return { result: { closed: iso, lowRisk: allowLow ? 'kept' : 'closed' } };
};

const closeMessaging: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const code = textParam(action, 'countryCode');
  if (recheck) {
    const now = (await ctx.client.geoPermissions.messaging(code)).items.find((p) => p.country_code === code);
    if (now?.enabled !== true) return { result: { closed: code, note: 'already closed' } };
  }
  const answer = (await ctx.client.geoPermissions.updateMessaging(code, false)).items.find(
    (p) => p.country_code === code,
  );
  if (answer && (answer.error_code ?? 0) !== 0) {
    throw notApplied(
      `messaging to ${code}`,
      `error ${answer.error_code} (${answer.error_messages.join('; ') || 'no message'})`,
      MESSAGING_PAGE,
    );
  }
  return { result: { closed: code } };
};

export const closeGeoPermissionsStep: AutomatedStepDefinition<TwilioClient> = {
  id: CLOSE_GEO_PERMISSIONS,
  kind: 'automated',
  title: 'Close high-risk countries in voice and messaging geo permissions',
  why: 'Toll fraud needs the destinations open: an attacker turns on high-risk and premium ranges so that the calls and messages they pump earn them money. Closing them stops the bill; a country you really need can be opened again in the Console.',
  risk: 'high',
  discover,
  execute: dispatchByKind(CLOSE_GEO_PERMISSIONS, {
    close_dialing_country: closeDialing,
    close_messaging_country: closeMessaging,
  }),
};
