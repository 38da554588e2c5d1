import type { PlannedAction } from '../../domain/types.js';
import { ProviderError } from '../../providers/http/index.js';
import type { ActionOutcome } from '../types.js';
import { type ActionExecutor, stringParam, writeUnlessDone } from './step-kit.js';

const ALREADY_GONE: ActionOutcome = { result: { removed: true, note: 'already gone' } };

/**
 * One DELETE; a recheck first lists the connection's addresses and skips the DELETE when the
 * address is no longer there. A 404 on the DELETE means someone removed it first: done as well.
 */
async function removeAddress(
  recheck: boolean,
  action: PlannedAction,
  list: (connectionId: string) => Promise<{ id: string }[]>,
  remove: (id: string) => Promise<unknown>,
): Promise<ActionOutcome> {
  const connectionId = stringParam(action, 'connectionId');
  return writeUnlessDone(
    recheck,
    async () => ((await list(connectionId)).some((a) => a.id === action.target) ? undefined : ALREADY_GONE),
    async () => {
      try {
        await remove(action.target);
        return { result: { removed: true } };
      } catch (err) {
        if (err instanceof ProviderError && err.code === 'provider_not_found') return ALREADY_GONE;
        throw err;
      }
    },
  );
}

export const removeIp: ActionExecutor = (ctx, action, recheck) =>
  removeAddress(
    recheck,
    action,
    (connectionId) => ctx.client.ips.list(connectionId === '' ? {} : { connectionId }),
    (id) => ctx.client.ips.delete(id),
  );

export const removeFqdn: ActionExecutor = (ctx, action, recheck) =>
  removeAddress(
    recheck,
    action,
    (connectionId) => ctx.client.fqdns.list(connectionId === '' ? {} : { connectionId }),
    (id) => ctx.client.fqdns.delete(id),
  );

export const deactivateIpConnection: ActionExecutor = (ctx, action, recheck) => {
  const api = ctx.client.ipConnections;
  return writeUnlessDone(
    recheck,
    async () => ((await api.get(action.target)).active ? undefined : { result: { active: false } }),
    async () => ({ result: { active: (await api.update(action.target, { active: false })).active } }),
  );
};
