import type { ApiKey, TwilioClient } from '../../providers/twilio/index.js';
import { collectPlans, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, shownTime } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { createReplacementKey, deleteApiKey } from './key-actions.js';
import { dispatchByKind } from './playbook-error.js';

type TwilioContext = PlaybookContext<TwilioClient>;

export const REVOKE_API_KEYS = 'twilio.revoke-api-keys';

/** The name of the key Reclaim creates to replace deleted ones; rediscovery recognises it. */
export const REPLACEMENT_KEY_PREFIX = 'Reclaim replacement';

export function replacementKeyName(now: Date): string {
  return `${REPLACEMENT_KEY_PREFIX} ${now.toISOString().slice(0, 10)}`;
}

function planKey(key: ApiKey, ctx: TwilioContext): PlannedResource {
  const label = namedWithId(key.friendly_name, key.sid);
  const ours = key.friendly_name?.startsWith(REPLACEMENT_KEY_PREFIX) === true;
  const created = ours ? undefined : trustOf(ctx).inWindow(key.date_created, 'created');
  return judgeResource(
    {
      resource: key.sid,
      summary: `API key ${label}, created ${shownTime(key.date_created)}${ours ? ' by Reclaim' : ''}`,
      reasons: reasonsOf(created),
    },
    created !== undefined && {
      kind: 'delete_api_key',
      target: key.sid,
      params: { friendlyName: key.friendly_name ?? '' },
      description: `Delete API key ${label}, created after the incident began (it stops working at once)`,
    },
  );
}

async function discover(ctx: TwilioContext): Promise<Discovery> {
  const keys = await ctx.client.keys.list();
  const planned = keys.map((k) => planKey(k, ctx));
  const { findings, actions } = collectPlans(planned);
  if (actions.length > 0) {
    const name = replacementKeyName(new Date());
    actions.push({
      kind: 'create_api_key',
      target: ctx.client.accountSid,
      params: { friendlyName: name },
      description: `Create a Standard API key “${name}” for the integrations that used a deleted key; its secret is sealed for one reveal`,
    });
  }
  const noWindow = ctx.since
    ? ''
    : ' Without --since Reclaim cannot tell new keys from old: review them in the Console.';
  const deleting = actions.length - (actions.length > 0 ? 1 : 0);
  return {
    findings,
    actions,
    summary:
      deleting === 0
        ? nothingFound(`${plural(keys.length, 'API key')}, none created after the incident began.${noWindow}`)
        : `Of ${plural(keys.length, 'API key')}, ${deleting} ${deleting === 1 ? 'was' : 'were'} created after the incident began: delete them and create one replacement key.`,
  };
}

export const revokeApiKeysStep: AutomatedStepDefinition<TwilioClient> = {
  id: REVOKE_API_KEYS,
  kind: 'automated',
  title: 'Delete API keys created since the takeover',
  why: 'An API key works without the Console password, 2FA or the Auth Token, so a key the attacker made survives every other change. A key’s secret is shown only when it is made, so keys older than the takeover stay private.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVOKE_API_KEYS, {
    delete_api_key: deleteApiKey,
    create_api_key: createReplacementKey,
  }),
};
