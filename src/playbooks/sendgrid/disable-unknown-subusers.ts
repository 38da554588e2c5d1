import type { SendgridClient, Subuser } from '../../providers/sendgrid/index.js';
import { discoveryOf, type KindExecutor, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural, writeUnlessDone } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { withOwnerFinding } from './owner-anchor.js';
import { readOwnerEmail } from './owner-email.js';
import { dispatchByKind } from './playbook-error.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';

export const DISABLE_UNKNOWN_SUBUSERS = 'sendgrid.disable-unknown-subusers';

function plan(s: Subuser, trust: SendgridTrust): PlannedResource {
  const unknown = trust.domains.length > 0 && !trust.domainKnown(s.email);
  const summary = `Subuser ${s.username} <${s.email ?? 'no address'}>${s.disabled ? ', disabled' : ''}${s.region === 'eu' ? ', EU' : ''}`;
  const reasons = unknown ? [`${s.email ?? 'no address'} is not on your domains`] : [];
  return judgeResource(
    { resource: s.username, summary, reasons },
    unknown &&
      !s.disabled && {
        kind: 'disable_subuser',
        target: s.username,
        params: { email: s.email ?? '' },
        description: `Disable subuser ${s.username} <${s.email ?? 'no address'}> (it can be enabled again)`,
      },
  );
}

/**
 * `PATCH /v3/subusers/{name}` `{ disabled: true }`; a recheck reads the subuser first, by its exact
 * name (`?username=` may answer with others whose names merely start the same way).
 */
const disableSubuser: KindExecutor<SendgridClient> = (ctx, action, recheck) => {
  const api = ctx.client.subusers;
  return writeUnlessDone(
    recheck,
    async () => {
      const found = await api.find(action.target);
      if (!found) return { result: { disabled: true, note: 'no longer exists' } };
      return found.disabled ? { result: { disabled: true } } : undefined;
    },
    async () => {
      await api.setDisabled(action.target, true);
      return { result: { disabled: true } };
    },
  );
};

/**
 * Subusers kept enabled can still sign in to the console unless their website access is off, and
 * the API can turn it off (`PATCH /v3/subusers/{name}/website_access`) but not read it: nothing
 * tells attacker-given access from yours, so the card asks a person to look.
 */
export function websiteAccessNote(kept: readonly string[]): string {
  if (kept.length === 0) return '';
  const names = kept.length <= 5 ? ` (${kept.join(', ')})` : '';
  return ` SendGrid's API cannot read whether a subuser may sign in to the console, so Reclaim cannot tell whether the attacker turned it on: for the ${plural(kept.length, 'enabled subuser')} kept${names}, check Settings › Subuser Management and turn off Website Access where only the API should send.`;
}

function summary(subusers: number, trust: SendgridTrust, actions: number, kept: readonly string[]): string {
  return `${summarise(subusers, trust, actions)}${websiteAccessNote(kept)}`;
}

function summarise(subusers: number, trust: SendgridTrust, actions: number): string {
  if (subusers === 0) return nothingFound('the account has no subusers.');
  if (trust.domains.length === 0) {
    return `Reclaim knows none of your domains (the account email could not be read or is free mail, and RECLAIM_TRUSTED_HOSTS is not set), so no subuser is planned for disabling; check the ${plural(subusers, 'subuser')} in the console.`;
  }
  if (actions === 0)
    return nothingFound(`${plural(subusers, 'subuser')}, none enabled outside your domains.`);
  return `Disable ${actions} of ${plural(subusers, 'subuser')} registered outside your domains: a subuser sends on your account's reputation and bill. Disabling is reversible; its keys, webhooks and mail stay as they are.`;
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const [listing, ownerEmail] = await Promise.all([ctx.client.subusers.list(), readOwnerEmail(ctx)]);
  const subusers = listing.items;
  const trust = sendgridTrustOf(ctx, ownerEmail);
  const discovery = discoveryOf(
    subusers.map((s) => plan(s, trust)),
    (actions) => {
      const disabling = new Set(actions.map((a) => a.target));
      const kept = subusers.filter((s) => !s.disabled && !disabling.has(s.username)).map((s) => s.username);
      return summary(subusers.length, trust, actions.length, kept);
    },
  );
  return withUnreadable(withOwnerFinding(discovery, trust, subusers.length), listing.unreadable);
}

export const disableUnknownSubusersStep: AutomatedStepDefinition<SendgridClient> = {
  id: DISABLE_UNKNOWN_SUBUSERS,
  kind: 'automated',
  title: 'Disable subusers registered outside your domains',
  why: 'Attackers create subusers to send spam on your account, with their own keys and settings that survive the clean-up of the parent. A disabled subuser can neither send nor sign in, and can be enabled again if it turns out to be yours.',
  risk: 'high',
  discover,
  execute: dispatchByKind(DISABLE_UNKNOWN_SUBUSERS, { disable_subuser: disableSubuser }),
};
