import { z } from 'zod';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { orGone, removeOrGone, removeUnlessGone } from '../kit/step-kit.js';
import { paramsOf, SendgridPlaybookError } from './playbook-error.js';

const createParams = z.object({
  name: z.string().min(1),
  scopes: z.array(z.string()),
  replaces: z.string(),
  own: z.boolean().optional(),
});

/**
 * Creates the replacement key (same scopes as the old one) and hands its value to the engine to
 * seal. A recheck lists the keys first: a replacement next to a deleted old key means the pair is
 * done, and so does one Reclaim already signs with; a replacement next to the old key is from an
 * attempt whose answer was lost (nobody holds its value), so it is deleted and a fresh one created
 * before the old key goes. Replacing Reclaim's own key (`own`), the client switches to the new key
 * at once and the engine seals it into the incident's connection with this action (never shown).
 */
export const createReplacementKey: KindExecutor<SendgridClient> = async (ctx, action, recheck) => {
  const { name, scopes, replaces, own } = paramsOf(action, createParams);
  const { client } = ctx;
  const api = client.apiKeys;
  if (own === true && !client.canSwitchKeys) {
    throw new SendgridPlaybookError(
      'sendgrid_cannot_switch_key',
      'This SendGrid client cannot take a new key into use, so Reclaim will not replace its own key.',
      { details: { target: action.target } },
    );
  }
  if (recheck) {
    const listing = await api.list();
    const keys = listing.items;
    const made = keys.filter((k) => k.name === name);
    const first = made[0];
    const inUse = made.find((k) => k.api_key_id === client.ownApiKeyId);
    if (inUse) {
      return {
        result: { apiKeyId: inUse.api_key_id, name, replaces, note: 'already replaced; Reclaim uses it' },
      };
    }
    const oldListed =
      keys.some((k) => k.api_key_id === replaces) || listing.unreadable.some((u) => u.id === replaces);
    if (first && !oldListed) {
      return { result: { apiKeyId: first.api_key_id, name, replaces, note: 'already replaced' } };
    }
    for (const stale of made) await removeOrGone(() => api.delete(stale.api_key_id), { result: {} });
  }
  const created = await api.create({ name, scopes });
  const result = { apiKeyId: created.key.api_key_id, name, scopes: created.key.scopes, replaces };
  if (own === true) {
    await client.useApiKey(created.secret);
    ctx.logger.info({ apiKeyId: created.key.api_key_id }, 'SendGrid key replaced; Reclaim uses the new one');
    return {
      result: { ...result, reclaimUsesNewKey: true },
      rotatedCredential: { provider: 'sendgrid', apiKey: created.secret },
    };
  }
  return { result, secrets: [{ label: `SendGrid API key ${name}`, value: created.secret }] };
};

/** Deletes a key; never Reclaim's own. A recheck reads the key first; a 404 is done. */
export const deleteApiKey: KindExecutor<SendgridClient> = (ctx, action, recheck) => {
  if (action.target === ctx.client.ownApiKeyId) {
    throw new SendgridPlaybookError(
      'sendgrid_own_key',
      'Refusing to delete the API key Reclaim itself uses: its replacement is not in use yet; rediscover to get a fresh plan.',
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
