// Telnyx's Restore: each profile Contain now disabled enabled again, unless it is gone or already back on.
import { containStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { discoverRestore, putBack, type RestoreJudge, staysAsItIs } from '../kit/restore-kit.js';
import { orGone } from '../kit/step-kit.js';
import type { AutomatedStepDefinition } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { type ProfileKind, readProfile, switchProfile, TELNYX_STOPS } from './switch-profile.js';

export const RESTORE_CONTAINED = restoreKeyOf(containStepKey('telnyx'));

function judgeProfile(profile: ProfileKind): RestoreJudge<TelnyxClient> {
  const { noun, restoreKind: kind } = TELNYX_STOPS[profile];
  return async (ctx, change) => {
    const now = await orGone(() => readProfile(ctx.client, profile, change.target));
    const label = `${noun} ${namedWithId(now?.name ?? String(change.params.name ?? ''), change.target)}`;
    if (!now)
      return staysAsItIs(change, `The ${label} is gone`, 'deleted since Contain now: nothing to put back');
    if (now.enabled)
      return staysAsItIs(change, `The ${label} is enabled again`, 'someone enabled it already');
    return putBack(change, `The ${label} is still disabled`, {
      kind,
      params: { name: now.name ?? '' },
      description: `Enable the ${label} again`,
    });
  };
}

export const restoreContainedStep: AutomatedStepDefinition<TelnyxClient> = {
  id: RESTORE_CONTAINED,
  kind: 'automated',
  title: 'Restore the profiles Contain now disabled',
  why: 'Once the clean-up is done, the outbound voice and messaging profiles Contain now disabled can carry the business’s calls and messages again. Each is re-read first and only turned back on if it is still off.',
  risk: 'normal',
  concurrency: 4,
  discover: (ctx) =>
    discoverRestore(ctx, {
      [TELNYX_STOPS.outbound.kind]: judgeProfile('outbound'),
      [TELNYX_STOPS.messaging.kind]: judgeProfile('messaging'),
    }),
  execute: dispatchByKind(RESTORE_CONTAINED, {
    [TELNYX_STOPS.outbound.restoreKind]: switchProfile('outbound', true),
    [TELNYX_STOPS.messaging.restoreKind]: switchProfile('messaging', true),
  }),
};
