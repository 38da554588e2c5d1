// Twilio's Restore: each subaccount Contain now suspended set active again, and the voice dialing it closed opened again.
import { containStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { type KindExecutor, namedWithId } from '../kit/action-kit.js';
import { discoverRestore, putBack, type RestoreJudge, staysAsItIs } from '../kit/restore-kit.js';
import { orGone, writeUnlessDone } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import type { AutomatedStepDefinition } from '../types.js';
import { suspendsIfActive } from './account-scopes.js';
import { CONTAIN_DIALING } from './contain-dialing.js';
import { CONTAIN_SUSPEND } from './contain-subaccounts.js';
import { dispatchByKind } from './playbook-error.js';
import { judgeDialing, REOPEN_DIALING, reopenDialing } from './restore-dialing.js';

export const RESTORE_CONTAINED = restoreKeyOf(containStepKey('twilio'));

export const REACTIVATE_SUBACCOUNT = 'reactivate_subaccount';

/**
 * A subaccount Contain now suspended: gone or closed, or active again, stays as it is; one the
 * suspend step's rule suspends too (created in the window) stays suspended; any other is set back
 * to the status it had (active).
 */
const judgeSubaccount: RestoreJudge<TwilioClient> = async (ctx, change) => {
  const now = await orGone(() => ctx.client.accounts.fetch(change.target));
  const name =
    now?.friendly_name ?? (typeof change.params.friendlyName === 'string' ? change.params.friendlyName : '');
  const label = `subaccount ${namedWithId(name, change.target)}`;
  if (!now)
    return staysAsItIs(change, `The ${label} is gone`, 'deleted since Contain now: nothing to put back');
  if (now.status === 'closed')
    return staysAsItIs(change, `The ${label} is closed`, 'a closed account cannot be reopened');
  if (now.status === 'active')
    return staysAsItIs(change, `The ${label} is active again`, 'someone set it active already');
  if (suspendsIfActive(now, trustOf(ctx))) {
    return staysAsItIs(
      change,
      `The ${label} stays suspended`,
      'the checklist suspends it too: created in the incident window',
    );
  }
  return putBack(change, `The ${label} is still ${now.status ?? 'not active'}`, {
    kind: REACTIVATE_SUBACCOUNT,
    params: { friendlyName: now.friendly_name ?? '' },
    description: `Set the ${label} active again, as it was before Contain now`,
  });
};

/** `Status=active`; with recheck, one already active is done, and a closed one is left (it cannot be reopened). */
const reactivate: KindExecutor<TwilioClient> = (ctx, action, recheck) =>
  writeUnlessDone(
    recheck,
    async () => {
      const now = await ctx.client.accounts.fetch(action.target);
      if (now.status === 'active') return { result: { status: 'active', note: 'already active' } };
      return now.status === 'closed'
        ? { result: { status: 'closed', note: 'closed: cannot be reopened' } }
        : undefined;
    },
    async () => {
      const after = await ctx.client.accounts.updateStatus(action.target, 'active');
      return { result: { status: after.status } };
    },
  );

export const restoreContainedStep: AutomatedStepDefinition<TwilioClient> = {
  id: RESTORE_CONTAINED,
  kind: 'automated',
  title: 'Restore the subaccounts and dialing Contain now stopped',
  why: 'Once the clean-up is done, the subaccounts Contain now suspended can work again and the countries it closed can be called again. Each is re-read first and put back only if it is still as Contain now left it and the checklist does not close it itself.',
  risk: 'normal',
  concurrency: 4,
  discover: (ctx) =>
    discoverRestore(ctx, {
      [CONTAIN_SUSPEND]: judgeSubaccount,
      [CONTAIN_DIALING]: judgeDialing,
    }),
  execute: dispatchByKind(RESTORE_CONTAINED, {
    [REACTIVATE_SUBACCOUNT]: reactivate,
    [REOPEN_DIALING]: reopenDialing,
  }),
};
