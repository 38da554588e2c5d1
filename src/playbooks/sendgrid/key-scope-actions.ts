// The one write of Contain now and its Restore: a key's scopes set (`PUT /v3/api_keys/{id}`) unless they already are.
import { z } from 'zod';
import type { PlannedAction } from '../../domain/types.js';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { isGone, orGone, writeUnlessDone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { sameScopes } from './contained-scopes.js';
import { paramsOf, SendgridPlaybookError } from './playbook-error.js';

const scopeParams = z.object({
  /** The key's name, sent back unchanged: the PUT requires it. */
  name: z.string().min(1),
  /** The scopes the key is given: at least one (spec UpdateApiKey). */
  scopes: z.array(z.string()).min(1),
});

/**
 * An executor that gives `action.target` the scopes in `params.scopes`; `done` writes its result.
 * Never Reclaim's own key (`sendgrid_own_key`): cutting it down would stop the clean-up. With
 * `recheck` it reads the key first and writes only when its scopes are not those yet. A key gone
 * (404) on the read or the write is done: there is nothing left to change. Only names and scopes
 * travel; the key's value is in no request and no answer.
 */
export function setKeyScopes(
  done: (scopes: string[], action: PlannedAction) => Record<string, unknown>,
): KindExecutor<SendgridClient> {
  return (ctx, action, recheck) => {
    if (action.target === ctx.client.ownApiKeyId) {
      throw new SendgridPlaybookError(
        'sendgrid_own_key',
        'Refusing to change the scopes of the API key Reclaim itself uses: the clean-up needs them; rediscover to get a fresh plan.',
        { details: { target: action.target } },
      );
    }
    const { name, scopes } = paramsOf(action, scopeParams);
    const api = ctx.client.apiKeys;
    const outcome: ActionOutcome = { result: done(scopes, action) };
    const gone: ActionOutcome = { result: { ...outcome.result, note: 'already gone' } };
    return writeUnlessDone(
      recheck,
      async () => {
        const now = await orGone(() => api.get(action.target));
        if (now === null) return gone;
        return sameScopes(now.scopes, scopes) ? outcome : undefined;
      },
      async () => {
        try {
          await api.update(action.target, { name, scopes });
          return outcome;
        } catch (err) {
          if (isGone(err)) return gone;
          throw err;
        }
      },
    );
  };
}
