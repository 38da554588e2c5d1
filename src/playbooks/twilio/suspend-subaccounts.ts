import type { Finding, PlannedAction } from '../../domain/types.js';
import type { TwilioAccount, TwilioClient } from '../../providers/twilio/index.js';
import { collectPlans } from '../kit/action-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { nothingFound, plural } from '../telnyx/step-kit.js';
import type { AutomatedStepDefinition, Discovery } from '../types.js';
import { dispatchTwilio, shownTime, type TwilioContext, type TwilioExecutor, titled } from './step-kit.js';

export const SUSPEND_SUBACCOUNTS = 'twilio.suspend-subaccounts';

function planSubaccount(a: TwilioAccount, trust: Trust): { finding: Finding; action?: PlannedAction } {
  const label = titled(a.friendly_name, a.sid);
  const created = trust.inWindow(a.date_created, 'created');
  const active = a.status === 'active';
  const finding: Finding = {
    resource: a.sid,
    summary: `Subaccount ${label}, ${a.status}, created ${shownTime(a.date_created)}`,
    suspicious: created !== undefined && active,
    reasons: created && active ? [created, 'still active: it has its own Auth Token and API access'] : [],
  };
  if (!created || !active) return { finding };
  return {
    finding,
    action: {
      kind: 'suspend_subaccount',
      target: a.sid,
      params: { friendlyName: a.friendly_name ?? '' },
      description: `Suspend subaccount ${label}, created after the incident began (Status=suspended; reversible, unlike closing it)`,
    },
  };
}

async function discover(ctx: TwilioContext): Promise<Discovery> {
  const trust = trustOf(ctx);
  const subaccounts = await ctx.client.accounts.listSubaccounts();
  const planned = subaccounts.map((a) => planSubaccount(a, trust));
  const { findings, actions } = collectPlans(planned);
  const noWindow = ctx.since
    ? ''
    : ' Without --since Reclaim cannot tell new subaccounts from old: review them in the Console.';
  return {
    findings,
    actions,
    summary:
      actions.length === 0
        ? nothingFound(
            `${plural(subaccounts.length, 'subaccount')}, none active and created after the incident began.${noWindow}`,
          )
        : `Of ${plural(subaccounts.length, 'subaccount')}, suspend ${actions.length} created after the incident began and still active.`,
  };
}

/** `Status=suspended`; a subaccount no longer active counts as done (never reopened). */
const suspendSubaccount: TwilioExecutor = async (ctx, action, recheck) => {
  if (recheck) {
    const now = await ctx.client.accounts.fetch(action.target);
    if (now.status !== 'active') return { result: { status: now.status } };
  }
  const after = await ctx.client.accounts.updateStatus(action.target, 'suspended');
  return { result: { status: after.status } };
};

export const suspendSubaccountsStep: AutomatedStepDefinition<TwilioClient> = {
  id: SUSPEND_SUBACCOUNTS,
  kind: 'automated',
  title: 'Suspend subaccounts created since the takeover',
  why: 'A subaccount has its own Auth Token, numbers and API access, so one the attacker made keeps working after the main account is cleaned. Suspending stops it and can be undone; closing cannot.',
  risk: 'high',
  discover,
  execute: dispatchTwilio(SUSPEND_SUBACCOUNTS, { suspend_subaccount: suspendSubaccount }),
};
