import { listingHas } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { outcomeUnknown, removeUnlessGone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { apisFor } from './account-scopes.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { textParam } from './playbook-error.js';

const KEYS_PAGE = `the Console (${TWILIO_CONSOLE}): Admin › Account management › API keys & tokens`;

async function keyNamed(apis: TwilioClient, name: string) {
  return (await apis.keys.list()).items.find((k) => k.friendly_name === name);
}

/**
 * DELETE the key; one already gone counts as deleted. A key only iam v1 lists (`via: iam`, a
 * restricted key) is deleted and rechecked through iam v1: the 2010 API may not know it, and its
 * 404 would look like "already gone".
 */
export const deleteApiKey: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const iam = action.params.via === 'iam';
  const { keys, iamKeys } = apisFor(ctx.client, action);
  return removeUnlessGone(
    recheck,
    async () => listingHas(await (iam ? iamKeys.list() : keys.list()), action.target, (k) => k.sid),
    () => (iam ? iamKeys.delete(action.target) : keys.delete(action.target)),
    { result: { deleted: true, ...(iam ? { via: 'iam v1' } : {}) } },
  );
};

/**
 * A new Standard key; its SID and secret go only into `secrets`. When the create's outcome is
 * unknown, or a recheck finds a key of that name already made, the secret cannot be had again:
 * the result says so and where to replace the key.
 */
export const createReplacementKey: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const name = textParam(action, 'friendlyName');
  const lost = (sid: string): ActionOutcome => ({
    result: {
      created: true,
      sid,
      secret: `not recoverable: an earlier attempt made the key and its answer was lost. Delete it and make another in ${KEYS_PAGE}.`,
    },
  });
  const apis = apisFor(ctx.client, action);
  if (recheck) {
    const existing = await keyNamed(apis, name);
    if (existing) return lost(existing.sid);
  }
  try {
    const made = await apis.keys.create(name);
    return {
      result: { created: true, sid: made.key.sid },
      secrets: [
        {
          label: `Twilio API key “${name}” (${made.key.sid})${apis === ctx.client ? '' : ` of subaccount ${apis.accountSid}`}`,
          value: `SID ${made.key.sid} / secret ${made.secret}`,
        },
      ],
    };
  } catch (err) {
    if (!outcomeUnknown(err)) throw err;
    const existing = await keyNamed(apis, name).catch(() => undefined);
    if (existing) return lost(existing.sid);
    throw err;
  }
};
