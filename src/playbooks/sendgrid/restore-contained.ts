// SendGrid's Restore: each key Contain now cut down given back its scopes, unless the clean-up dealt with it.
import { containStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { ApiKey, SendgridClient } from '../../providers/sendgrid/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { discoverRestore, putBack, type RestoreJudge, staysAsItIs } from '../kit/restore-kit.js';
import { orGone, plural } from '../kit/step-kit.js';
import type { AutomatedStepDefinition, PlaybookContext } from '../types.js';
import { ACCOUNT_CONTROL_SCOPES, replacementName } from './api-key-rules.js';
import {
  CONTAINED_SCOPES,
  isContained,
  REDUCE_KEY_SCOPES,
  RESTORE_KEY_SCOPES,
  scopesBeforeOf,
} from './contained-scopes.js';
import { setKeyScopes } from './key-scope-actions.js';
import { dispatchByKind } from './playbook-error.js';

export const RESTORE_CONTAINED = restoreKeyOf(containStepKey('sendgrid'));

/**
 * Judges one key Contain now cut down: re-read it and put its scopes back only while it still
 * holds just what Contain now left it, and the clean-up does not want it gone. `listed` is the
 * account's keys, read once per discovery, to see whether the clean-up made its replacement.
 */
function judgeKey(listed: () => Promise<readonly ApiKey[]>): RestoreJudge<SendgridClient> {
  return async (ctx, change) => {
    const before = scopesBeforeOf(change);
    const now = await orGone(() => ctx.client.apiKeys.get(change.target));
    const name = now?.name ?? (typeof change.params.name === 'string' ? change.params.name : null);
    const label = `API key ${namedWithId(name, change.target)}`;
    if (!now)
      return staysAsItIs(
        change,
        `${label} is gone`,
        'deleted by the clean-up (or since Contain now): nothing to put back',
      );
    if (!isContained(now)) {
      return staysAsItIs(
        change,
        `${label} has other scopes now (${plural(now.scopes.length, 'scope')})`,
        'someone changed its scopes since Contain now: they are left as they are',
      );
    }
    if (before === null) {
      return staysAsItIs(
        change,
        `${label} is still cut down`,
        'Contain now’s record holds no scopes before: put them back by hand in Settings › API Keys',
      );
    }
    const control = before.filter((s) => ACCOUNT_CONTROL_SCOPES.includes(s));
    if (control.length > 0) {
      return staysAsItIs(
        change,
        `${label} is still cut down`,
        `it could take control of the account (${control.join(', ')}), so the clean-up deletes it: delete it, or put its scopes back by hand if it is yours`,
      );
    }
    const replacement = replacementName(now.name);
    if ((await listed()).some((k) => k.name === replacement && k.api_key_id !== change.target)) {
      return staysAsItIs(
        change,
        `${label} is still cut down`,
        `the clean-up made its replacement “${replacement}”: delete this one in Settings › API Keys`,
      );
    }
    return putBack(change, `${label} is still cut down to ${CONTAINED_SCOPES.join(', ')}`, {
      kind: RESTORE_KEY_SCOPES,
      params: { name: now.name && now.name.trim() !== '' ? now.name : 'Unnamed key', scopes: before },
      description: `Put back the ${plural(before.length, 'scope')} of ${label} it had before Contain now`,
    });
  };
}

function discover(ctx: PlaybookContext<SendgridClient>) {
  let listing: Promise<readonly ApiKey[]> | undefined;
  const listed = () => {
    listing ??= ctx.client.apiKeys.list().then((l) => l.items);
    return listing;
  };
  return discoverRestore(ctx, { [REDUCE_KEY_SCOPES]: judgeKey(listed) });
}

export const restoreContainedStep: AutomatedStepDefinition<SendgridClient> = {
  id: RESTORE_CONTAINED,
  kind: 'automated',
  title: 'Restore the API key scopes Contain now cut down',
  why: 'The clean-up deletes or replaces the keys Contain now cut down, so most are gone by now; a key it left can send the business’s mail again once its scopes are back. Each is re-read first and given back exactly the scopes it had, only while it still holds just the one Contain now left it.',
  risk: 'normal',
  concurrency: 4,
  discover,
  execute: dispatchByKind(RESTORE_CONTAINED, {
    [RESTORE_KEY_SCOPES]: setKeyScopes((scopes) => ({ restored: true, scopes })),
  }),
};
