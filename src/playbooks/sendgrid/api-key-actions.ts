import { z } from 'zod';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { orGone, removeOrGone, removeUnlessGone } from '../kit/step-kit.js';
import { paramsOf, SendgridPlaybookError } from './playbook-error.js';

const createParams = z.object({ name: z.string().min(1), scopes: z.array(z.string()), replaces: z.string() });

/**
 * Creates the replacement key (same scopes as the old one) and hands its value to the engine to
 * seal. A recheck lists the keys first: a replacement next to a deleted old key means the pair is
 * done; a replacement next to the old key is from an attempt whose answer was lost (nobody holds
 * its value), so it is deleted and a fresh one created before the old key goes.
 */
export const createReplacementKey: KindExecutor<SendgridClient> = async (ctx, action, recheck) => {
  const { name, scopes, replaces } = paramsOf(action, createParams);
  const api = ctx.client.apiKeys;
  if (recheck) {
    const listing = await api.list();
    const keys = listing.items;
    const made = keys.filter((k) => k.name === name);
    const first = made[0];
    const oldListed =
      keys.some((k) => k.api_key_id === replaces) || listing.unreadable.some((u) => u.id === replaces);
    if (first && !oldListed) {
      return { result: { apiKeyId: first.api_key_id, name, replaces, note: 'already replaced' } };
    }
    for (const stale of made) await removeOrGone(() => api.delete(stale.api_key_id), { result: {} });
  }
  const created = await api.create({ name, scopes });
  return {
    result: { apiKeyId: created.key.api_key_id, name, scopes: created.key.scopes, replaces },
    secrets: [{ label: `SendGrid API key ${name}`, value: created.secret }],
  };
};

/** Deletes a key; never Reclaim's own. A recheck reads the key first; a 404 is done. */
export const deleteApiKey: KindExecutor<SendgridClient> = (ctx, action, recheck) => {
  if (action.target === ctx.client.ownApiKeyId) {
    throw new SendgridPlaybookError(
      'sendgrid_own_key',
      'Refusing to delete the API key Reclaim itself uses; rediscover to get a plan without it.',
      { details: { target: action.target } },
    );
  }
  const api = ctx.client.apiKeys;
  return removeUnlessGone(
    recheck,
    async () => (await orGone(() => api.get(action.target))) !== null,
    () => api.delete(action.target),
    { result: { deleted: true } },
  );
};
