// Turns off spam or bounce forwarding, or removes an alert; each re-reads first on a recheck.
import { z } from 'zod';
import type { Alert, ForwardKind, SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeListed, writeUnlessDone } from '../kit/step-kit.js';
import { paramsOf } from './playbook-error.js';

const forwardParams = z.object({ email: z.string() });

/**
 * `PATCH /v3/mail_settings/{forward_spam|forward_bounce}` `{ enabled: false, email }`: the address
 * the plan showed is sent back, so the setting keeps it (visible) and only stops forwarding.
 */
export function disableForwarding(kind: ForwardKind): KindExecutor<SendgridClient> {
  return (ctx, action, recheck) => {
    const { email } = paramsOf(action, forwardParams);
    const api = ctx.client.mailSettings;
    return writeUnlessDone(
      recheck,
      async () => ((await api.forwarding(kind)).enabled ? undefined : { result: { enabled: false } }),
      async () => ({
        result: { enabled: (await api.setForwarding(kind, { enabled: false, email })).enabled },
      }),
    );
  };
}

/** `DELETE /v3/alerts/{alert_id}` (204); a recheck lists the alerts first. */
export const deleteAlert: KindExecutor<SendgridClient> = removeListed<SendgridClient, Alert>(
  (client) => ({
    list: () => client.alerts.list(),
    delete: (id: string) => client.alerts.delete(Number(id)),
  }),
  (a) => String(a.id),
  { result: { deleted: true } },
);
