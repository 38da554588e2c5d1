import { z } from 'zod';
import type { SendgridExecutor } from './step-kit.js';
import { isGone, paramsOf, removeOrGone, writeUnlessDone } from './step-kit.js';

const disableParams = z.object({ url: z.string().min(1) });

/**
 * `PATCH …/event/settings/{id}` `{ enabled: false, url }`: the spec requires `url`, so the one the
 * plan showed is sent back. A recheck reads the webhook first; a 404 means it is gone, which is done.
 */
export const disableEventWebhook: SendgridExecutor = (ctx, action, recheck) => {
  const { url } = paramsOf(action, disableParams);
  const api = ctx.client.eventWebhooks;
  return writeUnlessDone(
    recheck,
    async () => {
      try {
        return (await api.get(action.target)).enabled ? undefined : { result: { enabled: false } };
      } catch (err) {
        if (isGone(err)) return { result: { enabled: false, note: 'no longer exists' } };
        throw err;
      }
    },
    async () => ({ result: { enabled: (await api.setEnabled(action.target, url, false)).enabled } }),
  );
};

/** Deletes an Inbound Parse setting (it has no off switch); a recheck lists them first. */
export const deleteParseSetting: SendgridExecutor = (ctx, action, recheck) => {
  const api = ctx.client.parseSettings;
  return writeUnlessDone(
    recheck,
    async () =>
      (await api.list()).some((p) => p.hostname === action.target)
        ? undefined
        : { result: { deleted: true, note: 'already gone' } },
    () => removeOrGone(() => api.delete(action.target), { result: { deleted: true } }),
  );
};
