// The account-settings card: the Monitor events of the incident window, counted and the notable
// ones listed, and what only the Console shows.
import type { Finding } from '../../domain/types.js';
import { ProviderError } from '../../providers/http/index.js';
import type { MonitorEvent, TwilioClient } from '../../providers/twilio/index.js';
import { windowOf } from '../kit/incident-window.js';
import { findingOf } from '../kit/judge-resource.js';
import { plural, shownTime } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { dispatchByKind } from './playbook-error.js';

export const REVIEW_ACCOUNT_SETTINGS = 'twilio.review-account-settings';

/** Notable events listed one by one on the card; the rest are in the counts. */
const SHOWN_NOTABLE = 40;

const EVENTS_PAGE = `the Console (${TWILIO_CONSOLE}) › Monitor › Logs › Events`;

/**
 * What the Console alone shows: no REST endpoint reads or changes the account's name, owner and
 * contact emails.
 */
const BY_HAND = `Then, in the Console (${TWILIO_CONSOLE}) › Admin › Account management › General settings, check the account name, owner and contact emails.`;

/**
 * The kinds of event an attacker leaves when taking and keeping an account, by their
 * `RESOURCE_TYPE.ACTION` name (the spec does not enumerate the types; these follow Twilio's
 * naming): sign-ins, API keys, Auth Tokens and credentials, users, and account settings.
 */
const NOTABLE: readonly [RegExp, string][] = [
  [/login|log-in|sign-?in/i, 'sign-in'],
  [/auth-?token/i, 'Auth Token change'],
  [/(^|[.-])(api-)?key(s)?([.-]|$)|signing-key/i, 'API key change'],
  [/credential|password|two-factor|2fa|mfa/i, 'credential change'],
  [/(^|[.-])users?([.-]|$)|invit|role/i, 'user change'],
  [/^account[.-]|setting|permission|geo/i, 'settings change'],
];

function notableKind(type: string): string | undefined {
  return NOTABLE.find(([pattern]) => pattern.test(type))?.[1];
}

function reasonsFor(e: MonitorEvent, kind: string, trust: Trust): string[] {
  const ip = e.source_ip_address;
  if (ip && trust.ipsConfigured && trust.ipTrusted(ip)) return [];
  const from = ip
    ? trust.ipsConfigured
      ? `from ${ip}, not in RECLAIM_TRUSTED_IPS`
      : `from ${ip} (RECLAIM_TRUSTED_IPS is not set, so it cannot be told from yours)`
    : `from ${e.source ?? 'an unknown source'}, no address recorded`;
  return [`a ${kind} in the incident window ${from}: check it was yours`];
}

function eventFinding(e: MonitorEvent, kind: string, trust: Trust): Finding {
  const actor = e.actor_sid
    ? `${e.actor_sid}${e.actor_type ? ` (${e.actor_type})` : ''}`
    : 'an unknown actor';
  const via = e.source ? ` via ${e.source}` : '';
  const on = e.resource_sid ? ` on ${e.resource_type ?? 'resource'} ${e.resource_sid}` : '';
  const what = e.description ? `: ${e.description}` : '';
  return findingOf({
    resource: e.sid,
    summary: `${shownTime(e.event_date)} ${e.event_type ?? 'event'} by ${actor} from ${e.source_ip_address ?? 'no address'}${via}${on}${what}`,
    reasons: reasonsFor(e, kind, trust),
  });
}

/** One finding per event type, most frequent first: the counts of the window. */
function countFindings(events: readonly MonitorEvent[]): Finding[] {
  const counts = new Map<string, number>();
  for (const e of events)
    counts.set(e.event_type ?? 'unknown', (counts.get(e.event_type ?? 'unknown') ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) =>
      findingOf({ resource: `events:${type}`, summary: `${type}: ${plural(n, 'event')}`, reasons: [] }),
    );
}

/** The card when Monitor cannot be read (a key without the permission, an account without it). */
function unreadableEvents(err: ProviderError): Discovery {
  return {
    findings: [],
    actions: [],
    summary: `Twilio answered ${err.status} to monitor v1 /v1/Events, so the events of the window could not be read: open them in ${EVENTS_PAGE} for the incident window and note every change you did not make. ${BY_HAND}`,
  };
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const start = windowOf(ctx).since;
  let listing: Awaited<ReturnType<TwilioClient['monitorEvents']['list']>>;
  try {
    listing = await ctx.client.monitorEvents.list({ start, end: new Date() });
  } catch (err) {
    if (err instanceof ProviderError && [401, 403, 404].includes(err.status ?? 0))
      return unreadableEvents(err);
    throw err;
  }
  const events = listing.items;
  const notable = events.flatMap((e) => {
    const kind = notableKind(e.event_type ?? '');
    return kind ? [eventFinding(e, kind, trust)] : [];
  });
  const flagged = notable.filter((f) => f.suspicious);
  const shown = [...flagged, ...notable.filter((f) => !f.suspicious)].slice(
    0,
    Math.max(SHOWN_NOTABLE, flagged.length),
  );
  const types = countFindings(events);
  const from = shownTime(start.toISOString());
  const hidden = notable.length > shown.length ? ` (${notable.length - shown.length} more not listed)` : '';
  const summary =
    events.length === 0
      ? `Nothing found: Monitor recorded no event since ${from}. ${BY_HAND}`
      : `${plural(events.length, 'event')} since ${from}, of ${plural(types.length, 'type')} (counted below); ${plural(notable.length, 'notable one')} (sign-ins, API keys, Auth Tokens, users, settings)${hidden}, ${flagged.length} from addresses Reclaim cannot call yours: check each was you (details in ${EVENTS_PAGE}). ${BY_HAND}`;
  return withUnreadable({ findings: [...shown, ...types], actions: [], summary }, listing.unreadable);
}

export const reviewAccountSettingsStep: AutomatedStepDefinition<TwilioClient> = {
  id: REVIEW_ACCOUNT_SETTINGS,
  kind: 'automated',
  title: 'Review the account’s events and settings',
  why: 'Monitor records every sign-in and change to the account, through the Console or the API, with who made it and from where: what the attacker did, and what the other steps may not have undone. The account’s name, owner and contact emails only the Console shows.',
  risk: 'normal',
  discover,
  execute: dispatchByKind(REVIEW_ACCOUNT_SETTINGS, {}),
};
