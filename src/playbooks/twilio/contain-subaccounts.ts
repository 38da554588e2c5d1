// Contain now, subaccounts: each one made in the incident window and still active, suspended (reversible).
import type { TwilioAccount, TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor, PlannedResource } from '../kit/action-kit.js';
import { shownTime, writeUnlessDone } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import { subaccountLabel, suspendsSubaccount } from './account-scopes.js';

/** The kind of Contain now's subaccount action, which its Restore judges. */
export const CONTAIN_SUSPEND = 'suspend_subaccount';

/** A subaccount the suspend step would suspend, planned now; the others are left out of this card. */
export function planContainSubaccount(a: TwilioAccount, trust: Trust): PlannedResource | undefined {
  if (!suspendsSubaccount(a, trust)) return undefined;
  const label = subaccountLabel(a);
  const created = trust.inWindow(a.date_created, 'created') ?? `created ${shownTime(a.date_created)}`;
  return {
    finding: {
      resource: a.sid,
      summary: `${label[0]?.toUpperCase()}${label.slice(1)}, active`,
      suspicious: true,
      reasons: [created, 'active: its own Auth Token can place calls and send messages now'],
    },
    action: {
      kind: CONTAIN_SUSPEND,
      target: a.sid,
      // What Restore needs: the status to put back, and the name for its card.
      params: { friendlyName: a.friendly_name ?? '', statusBefore: 'active' },
      description: `Suspend ${label} (Status=suspended; Restore sets it active again)`,
    },
  };
}

/** `Status=suspended`; with recheck, one no longer active counts as done (never reopened). */
export const containSuspend: KindExecutor<TwilioClient> = (ctx, action, recheck) =>
  writeUnlessDone(
    recheck,
    async () => {
      const now = await ctx.client.accounts.fetch(action.target);
      return now.status === 'active'
        ? undefined
        : { result: { status: now.status, note: 'already not active' } };
    },
    async () => {
      const after = await ctx.client.accounts.updateStatus(action.target, 'suspended');
      return { result: { status: after.status, statusBefore: 'active' } };
    },
  );
