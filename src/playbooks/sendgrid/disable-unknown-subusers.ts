import type { Finding, PlannedAction } from '../../domain/types.js';
import type { SendgridClient, Subuser } from '../../providers/sendgrid/index.js';
import { collectPlans } from '../kit/action-kit.js';
import type { AutomatedStepDefinition, Discovery } from '../types.js';
import {
  executeByKind,
  nothingFound,
  plural,
  readOwnerEmail,
  type SendgridContext,
  type SendgridExecutor,
  writeUnlessDone,
} from './step-kit.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';

export const DISABLE_UNKNOWN_SUBUSERS = 'sendgrid.disable-unknown-subusers';

function plan(s: Subuser, trust: SendgridTrust): { finding: Finding; action?: PlannedAction } {
  const unknown = trust.domains.length > 0 && !trust.domainKnown(s.email);
  const summary = `Subuser ${s.username} <${s.email ?? 'no address'}>${s.disabled ? ', disabled' : ''}${s.region === 'eu' ? ', EU' : ''}`;
  const reasons = unknown ? [`${s.email ?? 'no address'} is not on your domains`] : [];
  const finding = { resource: s.username, summary, suspicious: unknown, reasons };
  if (!unknown || s.disabled) return { finding };
  return {
    finding,
    action: {
      kind: 'disable_subuser',
      target: s.username,
      params: { email: s.email ?? '' },
      description: `Disable subuser ${s.username} <${s.email ?? 'no address'}> (it can be enabled again)`,
    },
  };
}

/** `PATCH /v3/subusers/{name}` `{ disabled: true }`; a recheck reads the subuser first. */
const disableSubuser: SendgridExecutor = (ctx, action, recheck) => {
  const api = ctx.client.subusers;
  return writeUnlessDone(
    recheck,
    async () => {
      const [found] = await api.list({ username: action.target });
      if (!found) return { result: { disabled: true, note: 'no longer exists' } };
      return found.disabled ? { result: { disabled: true } } : undefined;
    },
    async () => {
      await api.setDisabled(action.target, true);
      return { result: { disabled: true } };
    },
  );
};

async function discover(ctx: SendgridContext): Promise<Discovery> {
  const [subusers, ownerEmail] = await Promise.all([ctx.client.subusers.list(), readOwnerEmail(ctx)]);
  const trust = sendgridTrustOf(ctx, ownerEmail);
  const planned = subusers.map((s) => plan(s, trust));
  const { findings, actions } = collectPlans(planned);
  let summary: string;
  if (subusers.length === 0) summary = nothingFound('the account has no subusers.');
  else if (trust.domains.length === 0) {
    summary = `Reclaim knows none of your domains (the account email could not be read and RECLAIM_TRUSTED_HOSTS is not set), so no subuser is planned for disabling; check the ${plural(subusers.length, 'subuser')} in the console.`;
  } else if (actions.length === 0) {
    summary = nothingFound(`${plural(subusers.length, 'subuser')}, none enabled outside your domains.`);
  } else {
    summary = `Disable ${actions.length} of ${plural(subusers.length, 'subuser')} registered outside your domains: a subuser sends on your account's reputation and bill. Disabling is reversible; its keys, webhooks and mail stay as they are.`;
  }
  return { findings, actions, summary };
}

export const disableUnknownSubusersStep: AutomatedStepDefinition<SendgridClient> = {
  id: DISABLE_UNKNOWN_SUBUSERS,
  kind: 'automated',
  title: 'Disable subusers registered outside your domains',
  why: 'Attackers create subusers to send spam on your account, with their own keys and settings that survive the clean-up of the parent. A disabled subuser can neither send nor sign in, and can be enabled again if it turns out to be yours.',
  risk: 'high',
  discover,
  execute: executeByKind(DISABLE_UNKNOWN_SUBUSERS, { disable_subuser: disableSubuser }),
};
