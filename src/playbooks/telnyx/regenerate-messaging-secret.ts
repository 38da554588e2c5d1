import type { MessagingProfile, TelnyxClient } from '../../providers/telnyx/index.js';
import { type KindExecutor, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { changeReasons, judgeEach, judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural, writeUnlessDone } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { TELNYX_PORTAL } from './manual-steps.js';
import { dispatchByKind, optionalTextParam } from './playbook-error.js';

export const REGENERATE_MESSAGING_SECRET = 'telnyx.regenerate-messaging-secret';

const WHERE_TO_READ = `the portal (${TELNYX_PORTAL}): Messaging › Programmable Messaging › the profile`;

function plan(p: MessagingProfile, trust: Trust): PlannedResource {
  const label = namedWithId(p.name, p.id);
  const reasons = [
    'its v1 secret was readable by anyone who held the account',
    ...changeReasons(trust, {
      updatedAt: p.updated_at,
      webhookUrls: [p.webhook_url, p.webhook_failover_url],
    }),
  ];
  return judgeResource(
    { resource: p.id, summary: `Messaging profile ${label}`, reasons },
    {
      kind: 'regenerate_v1_secret',
      target: p.id,
      params: { profileName: p.name ?? '', updatedAt: p.updated_at },
      description: `Regenerate the v1 secret of messaging profile ${label}`,
    },
  );
}

function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  return judgeEach(
    ctx,
    (client) => client.messagingProfiles.list(),
    plan,
    ({ planned }) =>
      planned.length === 0
        ? nothingFound('the account has no messaging profiles.')
        : `Regenerate the v1 secret of ${plural(planned.length, 'messaging profile')}: the API cannot tell which ones still sign requests with it, so all are presumed leaked. Senders that use v1 authentication need the new secret from the portal.`,
  );
}

/**
 * With `recheck`: a profile unchanged since discovery was not regenerated; a changed one was if
 * Telnyx's audit log shows a `v1_secret` change on it since then. When the log cannot tell (it is
 * best-effort), the secret is regenerated once more: a second new secret harms nobody, a leaked
 * one left in place does.
 */
const regenerateV1Secret: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.messagingProfiles;
  const updatedAt = optionalTextParam(action, 'updatedAt');
  const done = { result: { regenerated: true, newSecret: `in ${WHERE_TO_READ}` } };
  return writeUnlessDone(
    recheck,
    async () => {
      const now = await api.get(action.target);
      if (updatedAt === null || now.updated_at === updatedAt) return undefined;
      const events = await ctx.client.auditEvents.list({ createdAfter: new Date(updatedAt) });
      const regenerated = events.items.some(
        (e) => e.resource_id === action.target && e.changes.some((c) => c.field === 'v1_secret'),
      );
      return regenerated ? done : undefined;
    },
    async () => {
      const rotation = await api.regenerateSecret(action.target);
      return rotation.secretRotated
        ? done
        : { result: { regenerated: true, newSecret: `not in Telnyx's answer; check ${WHERE_TO_READ}` } };
    },
  );
};

export const regenerateMessagingSecretStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REGENERATE_MESSAGING_SECRET,
  kind: 'automated',
  title: 'Regenerate the v1 secret of every messaging profile',
  why: 'The v1 messaging secret authenticates API v1 requests on its own, so whoever read it can keep sending messages after the API keys are replaced. Regenerating it makes the old one worthless.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REGENERATE_MESSAGING_SECRET, { regenerate_v1_secret: regenerateV1Secret }),
};
