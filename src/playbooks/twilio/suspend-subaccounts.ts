import type { TwilioAccount, TwilioClient } from '../../providers/twilio/index.js';
import { type KindExecutor, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { windowOf } from '../kit/incident-window.js';
import { judgeEach, judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural, shownTime } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { suspendsSubaccount } from './account-scopes.js';
import { dispatchByKind } from './playbook-error.js';

export const SUSPEND_SUBACCOUNTS = 'twilio.suspend-subaccounts';

function planSubaccount(a: TwilioAccount, trust: Trust): PlannedResource {
  const label = namedWithId(a.friendly_name, a.sid);
  const created = trust.inWindow(a.date_created, 'created');
  const active = a.status === 'active';
  return judgeResource(
    {
      resource: a.sid,
      summary: `Subaccount ${label}, ${a.status ?? 'status unknown'}, created ${shownTime(a.date_created)}`,
      reasons: created && active ? [created, 'still active: it has its own Auth Token and API access'] : [],
    },
    suspendsSubaccount(a, trust) && {
      kind: 'suspend_subaccount',
      target: a.sid,
      params: { friendlyName: a.friendly_name ?? '' },
      description: `Suspend subaccount ${label}, created after the incident began (Status=suspended; reversible, unlike closing it)`,
    },
  );
}

function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const since = windowOf(ctx).defaulted ? 'in the default window' : 'after the incident began';
  return judgeEach(
    ctx,
    (client) => client.accounts.listSubaccounts(),
    planSubaccount,
    ({ planned, actions }) =>
      actions.length === 0
        ? nothingFound(`${plural(planned.length, 'subaccount')}, none active and created ${since}.`)
        : `Of ${plural(planned.length, 'subaccount')}, suspend ${actions.length} created ${since} and still active.`,
  );
}

/**
 * `Status=suspended`; a subaccount no longer active counts as done (never reopened). One Contain now
 * stopped (its plan was drawn before) is read first, so it is not suspended a second time.
 */
const suspendSubaccount: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const contained = ctx.contained?.some((c) => c.target === action.target) ?? false;
  if (recheck || contained) {
    const now = await ctx.client.accounts.fetch(action.target);
    if (now.status !== 'active') return { result: { status: now.status, note: 'already not active' } };
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
  execute: dispatchByKind(SUSPEND_SUBACCOUNTS, { suspend_subaccount: suspendSubaccount }),
};
