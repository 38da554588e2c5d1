import type { TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor, PlannedResource } from '../kit/action-kit.js';
import { judgeResource, unjudgedHosts, untrustedUrls } from '../kit/judge-resource.js';
import { hostOf, type Trust } from '../kit/trust.js';
import { apisFor } from './account-scopes.js';
import { textListParam } from './playbook-error.js';

/** A URL field: its name in answers, its form parameter, and how a card names it. */
export type UrlField = readonly [field: string, param: string, label: string];

export const NUMBER_URL_FIELDS: readonly UrlField[] = [
  ['voice_url', 'VoiceUrl', 'voice URL'],
  ['voice_fallback_url', 'VoiceFallbackUrl', 'voice fallback URL'],
  ['sms_url', 'SmsUrl', 'SMS URL'],
  ['sms_fallback_url', 'SmsFallbackUrl', 'SMS fallback URL'],
  ['status_callback', 'StatusCallback', 'status callback'],
];

export const APP_URL_FIELDS: readonly UrlField[] = [
  ...NUMBER_URL_FIELDS,
  ['sms_status_callback', 'SmsStatusCallback', 'SMS status callback'],
  ['message_status_callback', 'MessageStatusCallback', 'message status callback'],
];

/** Each field with the URL `record` has in it, null when that is not a string. */
function urlsOf(record: object, fields: readonly UrlField[]): [UrlField, string | null][] {
  const values = record as Record<string, unknown>;
  return fields.map((f) => {
    const value = values[f[0]];
    return [f, typeof value === 'string' ? value : null];
  });
}

export interface UrlReview {
  /** The resource's SID. */
  sid: string;
  /** How the card names it, e.g. `Number +13035550142 “(303) 555-0142”`. */
  title: string;
  record: object;
  fields: readonly UrlField[];
  dateUpdated: string | null;
  kind: string;
}

/**
 * The finding for one number or app and, when some of its URLs are on untrusted hosts, the action
 * that clears exactly those. With no trusted hosts configured nothing can be judged by host: a
 * change inside the window, or any URL set at all, is flagged for a person, and nothing is planned.
 */
export function reviewUrls(review: UrlReview, trust: Trust): PlannedResource {
  const urls = urlsOf(review.record, review.fields);
  const bad = untrustedUrls(urls, trust).map(({ key: [, param, label], host }) => ({ param, label, host }));
  const hosts = [...new Set(bad.map((b) => b.host))];
  const changed = trust.hostsConfigured ? undefined : trust.inWindow(review.dateUpdated, 'changed');
  const unjudged = unjudgedHosts(
    trust,
    'calls',
    urls.map(([, url]) => url),
  );
  const reasons = bad.length
    ? bad.map((b) => `${b.label} is on ${b.host}, not a trusted host`)
    : changed
      ? [changed, ...unjudged]
      : unjudged;
  return judgeResource(
    { resource: review.sid, summary: review.title, reasons },
    bad.length > 0 && {
      kind: review.kind,
      target: review.sid,
      params: { fields: bad.map((b) => b.param), hosts },
      description: `Clear the ${bad.map((b) => b.label).join(', ')} of ${review.title} (${hosts.join(', ')}); set the right ones in the Console`,
    },
  );
}

/**
 * Sends each planned field empty, which clears it. With `recheck`, the record is read first and
 * nothing is written when none of those fields still points at a planned host.
 */
export function clearUrls<R extends object>(
  fields: readonly UrlField[],
  fetch: (client: TwilioClient, sid: string) => Promise<R>,
  update: (client: TwilioClient, sid: string, urls: Record<string, null>) => Promise<R>,
): KindExecutor<TwilioClient> {
  return async (ctx, action, recheck) => {
    const params = textListParam(action, 'fields');
    const hosts = new Set(textListParam(action, 'hosts'));
    const apis = apisFor(ctx.client, action);
    if (recheck) {
      const now = (await fetch(apis, action.target)) as Record<string, unknown>;
      const still = fields.filter(([field, param]) => {
        const value = now[field];
        return (
          params.includes(param) && typeof value === 'string' && hosts.has(hostOf(value)?.hostname ?? '')
        );
      });
      if (still.length === 0) return { result: { cleared: params, note: 'already clear' } };
    }
    await update(apis, action.target, Object.fromEntries(params.map((p) => [p, null])));
    return { result: { cleared: params } };
  };
}
