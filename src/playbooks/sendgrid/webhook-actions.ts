import { z } from 'zod';
import type { ParseSetting, SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { isGone, removeListed, writeUnlessDone } from '../kit/step-kit.js';
import { paramsOf } from './playbook-error.js';

const disableParams = z.object({ url: z.string().min(1) });

/**
 * `PATCH …/event/settings/{id}` `{ enabled: false, url }`: the spec requires `url`, so the one the
 * plan showed is sent back. A recheck reads the webhook first; a 404 means it is gone, which is done.
 */
export const disableEventWebhook: KindExecutor<SendgridClient> = (ctx, action, recheck) => {
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
export const deleteParseSetting = removeListed<SendgridClient, ParseSetting>(
  (client) => client.parseSettings,
  (p) => p.hostname,
  { result: { deleted: true } },
);
