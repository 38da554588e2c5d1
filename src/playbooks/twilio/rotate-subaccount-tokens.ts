import type { TwilioAccount, TwilioClient } from '../../providers/twilio/index.js';
import { sha256Hex } from '../../util/hash.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { discoveryOf } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, orGone, outcomeUnknown, plural, shownTime } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { keptSubaccounts, subaccountLabel } from './account-scopes.js';
import { dispatchByKind, textParam } from './playbook-error.js';

export const ROTATE_SUBACCOUNT_TOKENS = 'twilio.rotate-subaccount-tokens';

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const { kept, unreadable } = await keptSubaccounts(ctx);
  const digests = await Promise.all(
    kept.map(async (sub) => sha256Hex(await ctx.client.accounts.authTokenOf(sub.sid))),
  );
  const planned = kept.map((sub, i) => {
    const label = subaccountLabel(sub);
    return judgeResource(
      {
        resource: sub.sid,
        summary: `${label.charAt(0).toUpperCase()}${label.slice(1)}, active, created ${shownTime(sub.date_created)}`,
        reasons: [
          'the parent’s credentials read its Auth Token, so the attacker must be presumed to have it',
        ],
      },
      {
        kind: 'rotate_subaccount_token',
        target: sub.sid,
        // A digest, never the token: enough for a recheck to tell whether it was rotated since.
        params: { friendlyName: sub.friendly_name ?? '', tokenDigest: digests[i] ?? '' },
        description: `Rotate the Auth Token of ${label}: create a secondary token as the subaccount and promote it, so the old one stops working; the new one is sealed for one reveal`,
      },
    );
  });
  const discovery = discoveryOf(planned, (actions) =>
    actions.length === 0
      ? nothingFound('no active subaccount is kept (the ones created since the takeover are suspended).')
      : `The Auth Token of each kept subaccount opens its API, and the attacker could read ${actions.length === 1 ? 'it' : 'them'} with the main account’s: rotate ${plural(actions.length, 'token')}. Integrations that use ${actions.length === 1 ? 'it' : 'them'} need the new one (revealed once here).`,
  );
  return withUnreadable(discovery, unreadable);
}

/** The sealed secret of a subaccount's new token. */
function sealed(sub: TwilioAccount, token: string) {
  return [{ label: `New Auth Token of Twilio ${subaccountLabel(sub)}`, value: token }];
}

/**
 * Accounts v1 acts on the account that authenticates, and has no path for a subaccount: the parent
 * reads the subaccount's current token (`GET /2010-04-01/Accounts/{SubSid}.json`, `auth_token`),
 * then, as the subaccount, deletes any secondary, creates one and promotes it. A subaccount no
 * longer active (suspended since the plan) is left as it is. With `recheck`, a token other than
 * the planned one means an earlier attempt promoted and its answer was lost: the parent reads the
 * new token, so it is sealed now and nothing is written.
 */
const rotateSubaccountToken: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const { accounts } = ctx.client;
  const sub = await accounts.fetch(action.target);
  if (sub.status !== 'active') {
    return { result: { rotated: false, status: sub.status, note: 'no longer active: left as it is' } };
  }
  const current = await accounts.authTokenOf(sub.sid);
  if (recheck && sha256Hex(current) !== textParam(action, 'tokenDigest')) {
    return {
      result: { rotated: true, note: 'already rotated since the plan; its token is sealed now' },
      secrets: sealed(sub, current),
    };
  }
  const tokens = ctx.client.authTokensAs({ accountSid: sub.sid, authToken: current });
  await orGone(() => tokens.deleteSecondary());
  const secondary = await tokens.createSecondary();
  let promoted: string | null;
  try {
    promoted = await tokens.promote();
  } catch (err) {
    // The parent reads which token is primary now: the secondary means the promotion landed.
    if (!outcomeUnknown(err) || (await accounts.authTokenOf(sub.sid)) !== secondary) throw err;
    promoted = secondary;
  }
  ctx.logger.info({ subaccountSid: sub.sid }, 'Twilio subaccount Auth Token rotated');
  return {
    result: { rotated: true, nextStep: 'give the revealed token to the integrations of this subaccount' },
    secrets: sealed(sub, promoted ?? secondary),
  };
};

export const rotateSubaccountTokensStep: AutomatedStepDefinition<TwilioClient> = {
  id: ROTATE_SUBACCOUNT_TOKENS,
  kind: 'automated',
  title: 'Rotate the Auth Tokens of the subaccounts you keep',
  why: 'The main account reads every subaccount’s Auth Token, so whoever held it holds theirs too, and a subaccount’s token keeps working after the main one is rotated. The ones created since the takeover are suspended instead.',
  risk: 'high',
  discover,
  execute: dispatchByKind(ROTATE_SUBACCOUNT_TOKENS, { rotate_subaccount_token: rotateSubaccountToken }),
};
