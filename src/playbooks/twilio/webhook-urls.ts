import type { Finding, PlannedAction } from '../../domain/types.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { hostOf, hostsOf, type Trust, unjudgedReason } from '../kit/trust.js';
import { type TwilioExecutor, textListParam } from './step-kit.js';

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

interface Untrusted {
  param: string;
  label: string;
  host: string;
}

/** The fields of `record` whose URL is on a host the operator does not trust. */
export function untrustedUrls(record: object, fields: readonly UrlField[], trust: Trust): Untrusted[] {
  const values = record as Record<string, unknown>;
  return fields.flatMap(([field, param, label]) => {
    const value = values[field];
    const host = typeof value === 'string' ? trust.untrustedHost([value]) : undefined;
    return host ? [{ param, label, host }] : [];
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

/** The hosts the URL fields of `record` that are set point at. */
function hostsCalled(record: object, fields: readonly UrlField[]): string[] {
  const values = record as Record<string, unknown>;
  return hostsOf(fields.map(([field]) => (typeof values[field] === 'string' ? values[field] : null)));
}

/**
 * The finding for one number or app and, when some of its URLs are on untrusted hosts, the action
 * that clears exactly those. With no trusted hosts configured nothing can be judged by host: a
 * change inside the window, or any URL set at all, is flagged for a person, and nothing is planned.
 */
export function reviewUrls(review: UrlReview, trust: Trust): { finding: Finding; action?: PlannedAction } {
  const bad = untrustedUrls(review.record, review.fields, trust);
  const hosts = [...new Set(bad.map((b) => b.host))];
  const changed = trust.hostsConfigured ? undefined : trust.inWindow(review.dateUpdated, 'changed');
  const called = trust.hostsConfigured ? [] : hostsCalled(review.record, review.fields);
  const unjudged =
    called.length > 0 ? [unjudgedReason('calls', called, 'RECLAIM_TRUSTED_HOSTS is not set', 'host')] : [];
  const reasons = bad.length
    ? bad.map((b) => `${b.label} is on ${b.host}, not a trusted host`)
    : changed
      ? [changed, ...unjudged]
      : unjudged;
  const finding: Finding = {
    resource: review.sid,
    summary: review.title,
    suspicious: reasons.length > 0,
    reasons,
  };
  if (bad.length === 0) return { finding };
  return {
    finding,
    action: {
      kind: review.kind,
      target: review.sid,
      params: { fields: bad.map((b) => b.param), hosts },
      description: `Clear the ${bad.map((b) => b.label).join(', ')} of ${review.title} (${hosts.join(', ')}); set the right ones in the Console`,
    },
  };
}

/**
 * Sends each planned field empty, which clears it. With `recheck`, the record is read first and
 * nothing is written when none of those fields still points at a planned host.
 */
export function clearUrls<R extends object>(
  fields: readonly UrlField[],
  fetch: (client: TwilioClient, sid: string) => Promise<R>,
  update: (client: TwilioClient, sid: string, urls: Record<string, null>) => Promise<R>,
): TwilioExecutor {
  return async (ctx, action, recheck) => {
    const params = textListParam(action, 'fields');
    const hosts = new Set(textListParam(action, 'hosts'));
    if (recheck) {
      const now = (await fetch(ctx.client, action.target)) as Record<string, unknown>;
      const still = fields.filter(([field, param]) => {
        const value = now[field];
        return (
          params.includes(param) && typeof value === 'string' && hosts.has(hostOf(value)?.hostname ?? '')
        );
      });
      if (still.length === 0) return { result: { cleared: params, note: 'already clear' } };
    }
    await update(ctx.client, action.target, Object.fromEntries(params.map((p) => [p, null])));
    return { result: { cleared: params } };
  };
}
