import type { PlannedAction } from '../../domain/types.js';
import type { EventWebhook, ParseSetting, SendgridClient } from '../../providers/sendgrid/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf, unjudgedHosts } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';
import { deleteParseSetting, disableEventWebhook } from './webhook-actions.js';

export const REVIEW_WEBHOOKS = 'sendgrid.review-webhooks';

/** `review`: live, on a host no trusted host list could judge, so left to a person. */
type Planned = PlannedResource & { review?: boolean };

const UNSET = 'RECLAIM_TRUSTED_HOSTS is not set';

/** With no trusted hosts, a live webhook not already flagged is left to a person (no action). */
function forReview(planned: PlannedResource, review: readonly string[]): Planned {
  return review.length > 0 ? { ...planned, review: true } : planned;
}

function planEvent(w: EventWebhook, trust: SendgridTrust): Planned {
  const host = trust.hostNotTrusted(w.url);
  const tokenHost = trust.hostNotTrusted(w.oauth_token_url);
  const reasons = reasonsOf(
    host && `sends every delivery event (recipients included) to ${host}, not a trusted host`,
    tokenHost && `fetches its OAuth token from ${tokenHost}, not a trusted host`,
    trust.inWindow(w.created_date, 'created'),
  );
  const review =
    reasons.length === 0 && w.enabled
      ? unjudgedHosts(trust, w.oauth_token_url ? 'calls' : 'sends delivery events (recipients included) to', [
          w.url,
          w.oauth_token_url,
        ])
      : [];
  const label = namedWithId(w.friendly_name, w.id);
  // The PATCH that disables a webhook requires its `url`: without one in the answer, a person does it.
  const noUrl =
    reasons.length > 0 && w.enabled && w.url === null
      ? ['SendGrid did not return its URL, which disabling it must send back: disable it in the console']
      : [];
  const planned = judgeResource(
    {
      resource: w.id,
      summary: `Event webhook ${label} → ${w.url ?? '(no URL in the answer)'}${w.enabled ? '' : ', disabled'}`,
      reasons: [...reasons, ...noUrl, ...review],
    },
    reasons.length > 0 &&
      w.enabled &&
      w.url !== null && {
        kind: 'disable_event_webhook',
        target: w.id,
        params: { url: w.url },
        description: `Disable event webhook ${label} → ${w.url} (kept, so it can be enabled again)`,
      },
  );
  return forReview(planned, review);
}

function planParse(p: ParseSetting, trust: SendgridTrust): Planned {
  const host = trust.hostNotTrusted(p.url);
  const review = host ? [] : unjudgedHosts(trust, `posts mail sent to ${p.hostname} to`, [p.url]);
  const planned = judgeResource(
    {
      resource: p.hostname,
      summary: `Inbound Parse ${p.hostname} → ${p.url ?? '(no URL in the answer)'}`,
      reasons: host ? [`posts mail sent to ${p.hostname} to ${host}, not a trusted host`] : review,
    },
    host !== undefined && {
      kind: 'delete_parse_setting',
      target: p.hostname,
      params: { url: p.url, spamCheck: p.spam_check, sendRaw: p.send_raw },
      description: `Delete Inbound Parse ${p.hostname} → ${p.url} (Inbound Parse has no off switch)`,
    },
  );
  return forReview(planned, review);
}

function summarise(trust: SendgridTrust, planned: Planned[], actions: PlannedAction[]): string {
  const total = planned.length;
  const review = planned.filter((p) => p.review).length;
  const note = trust.hostsConfigured
    ? ''
    : ' RECLAIM_TRUSTED_HOSTS is not set, so webhooks are judged only by when they were created.';
  const check =
    review === 0
      ? ''
      : `${review}${actions.length > 0 ? ' other' : ''} ${review === 1 ? 'webhook sends' : 'webhooks send'} your mail data to hosts Reclaim cannot judge (${UNSET}): check ${review === 1 ? 'it' : 'them'} below, or set it and rediscover.`;
  if (total === 0) return nothingFound('no Event Webhooks and no Inbound Parse settings.');
  if (actions.length === 0) {
    return check || nothingFound(`${plural(total, 'webhook')}, none pointing at an unknown host.${note}`);
  }
  const disable = actions.filter((a) => a.kind === 'disable_event_webhook').length;
  const parts = [
    disable > 0 && `disable ${plural(disable, 'Event Webhook')}`,
    actions.length - disable > 0 && `delete ${plural(actions.length - disable, 'Inbound Parse setting')}`,
  ].filter((p): p is string => typeof p === 'string');
  return `Of ${plural(total, 'webhook')}: ${parts.join(' and ')} sending your mail data to hosts that are not yours.${check ? ` ${check}` : note}`;
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const trust = sendgridTrustOf(ctx);
  const listings = await Promise.all([ctx.client.eventWebhooks.list(), ctx.client.parseSettings.list()]);
  const [events, parses] = [listings[0].items, listings[1].items];
  const planned = [...events.map((w) => planEvent(w, trust)), ...parses.map((p) => planParse(p, trust))];
  return withUnreadable(
    discoveryOf(planned, (actions) => summarise(trust, planned, actions)),
    unreadableOf(...listings),
  );
}

export const reviewWebhooksStep: AutomatedStepDefinition<SendgridClient> = {
  id: REVIEW_WEBHOOKS,
  kind: 'automated',
  title: 'Stop webhooks that send your mail data to unknown hosts',
  why: 'An Event Webhook or Inbound Parse setting on an attacker’s host hands them every recipient, open and click, or the mail your customers send you, long after they lose the password. Event Webhooks are disabled (reversible); Inbound Parse settings have no off switch and are deleted, their values kept in the plan.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_WEBHOOKS, {
    disable_event_webhook: disableEventWebhook,
    delete_parse_setting: deleteParseSetting,
  }),
};
