// Twilio's Contain now: subaccounts made in the window suspended, voice dialing narrowed to the countries in use.
import { containStepKey } from '../../domain/containment.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import type { PlannedResource } from '../kit/action-kit.js';
import { collectPlans } from '../kit/action-kit.js';
import { plural } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { suspendsSubaccount } from './account-scopes.js';
import { CONTAIN_DIALING, containDialing, planDialing } from './contain-dialing.js';
import { CONTAIN_SUSPEND, containSuspend, planContainSubaccount } from './contain-subaccounts.js';
import { countriesInUse } from './dialing-in-use.js';
import { dispatchByKind } from './playbook-error.js';
import { restoreContainedStep } from './restore-contained.js';

export const CONTAIN_NOW = containStepKey('twilio');

/** How Reclaim tells the countries in recent use, said on the card (it reads no call logs). */
const IN_USE_NOTE =
  'Recent use is read from the countries of the account’s own numbers (bought before the window, in the main account and the subaccounts it keeps) and of RECLAIM_TRUSTED_NUMBERS: Reclaim lists no calls, so a country you call without a number there is closed too until Restore.';

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const [subaccounts, dialing] = await Promise.all([
    ctx.client.accounts.listSubaccounts(),
    ctx.client.geoPermissions.dialingCountries(),
  ]);
  const kept = subaccounts.items.filter((a) => a.status === 'active' && !suspendsSubaccount(a, trust));
  const inUse = await countriesInUse(ctx, trust, dialing.items, kept);
  const subs = collectPlans(
    subaccounts.items.flatMap((a): PlannedResource[] => {
      const planned = planContainSubaccount(a, trust);
      return planned ? [planned] : [];
    }),
  );
  const voice = planDialing(dialing.items, inUse.isoCodes, inUse.basis);
  const suspending = subs.actions.length;
  const words = [
    suspending > 0 && `suspend ${plural(suspending, 'subaccount')} created in the window`,
    voice.closing > 0 &&
      `close voice dialing to ${plural(voice.closing, 'country', 'countries')} not in recent use (${plural(voice.actions.length, 'request')})`,
  ].filter((w): w is string => typeof w === 'string');
  const summary =
    words.length === 0
      ? `Nothing found: no active subaccount was created in the window and voice dialing is open only to countries in recent use. ${IN_USE_NOTE}`
      : `Now, ahead of the checklist: ${words.join(' and ')}; once the clean-up is done, Restore puts back as it was each one the checklist does not stop itself. ${IN_USE_NOTE}`;
  return withUnreadable(
    {
      findings: [...subs.findings, ...voice.findings],
      actions: [...subs.actions, ...voice.actions],
      summary,
    },
    [...subaccounts.unreadable, ...dialing.unreadable, ...inUse.unreadable],
  );
}

export const containNowStep: AutomatedStepDefinition<TwilioClient> = {
  id: CONTAIN_NOW,
  kind: 'automated',
  title: 'Contain now: suspend new subaccounts and narrow voice dialing',
  why: 'Toll fraud costs money by the minute, and the checklist below takes a while. Suspending the subaccounts made in the window and closing voice dialing to every country the account’s own and trusted numbers are not in stops the pumping at once (Reclaim reads no call logs, so that is its measure of recent use); Restore puts back as it was each one the checklist does not stop itself.',
  risk: 'normal',
  concurrency: 4,
  discover,
  execute: dispatchByKind(CONTAIN_NOW, {
    [CONTAIN_SUSPEND]: containSuspend,
    [CONTAIN_DIALING]: containDialing,
  }),
  restore: restoreContainedStep,
};
