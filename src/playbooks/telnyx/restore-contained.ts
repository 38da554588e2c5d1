// Telnyx's Restore: each profile Contain now disabled enabled again, unless it is gone or already back on.
import { containStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { type KindExecutor, namedWithId } from '../kit/action-kit.js';
import { discoverRestore, putBack, type RestoreJudge, staysAsItIs } from '../kit/restore-kit.js';
import { orGone, writeUnlessDone } from '../kit/step-kit.js';
import type { AutomatedStepDefinition } from '../types.js';
import { dispatchByKind, textParam } from './playbook-error.js';

export const RESTORE_CONTAINED = restoreKeyOf(containStepKey('telnyx'));

type ProfileApi = (client: TelnyxClient) => {
  get(id: string): Promise<{ id: string; name: string | null; enabled: boolean }>;
};

const outbound: ProfileApi = (c) => c.outboundVoiceProfiles;
const messaging: ProfileApi = (c) => c.messagingProfiles;

function judgeProfile(api: ProfileApi, noun: string, kind: string): RestoreJudge<TelnyxClient> {
  return async (ctx, change) => {
    const now = await orGone(() => api(ctx.client).get(change.target));
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

function enable(api: ProfileApi, withName: boolean): KindExecutor<TelnyxClient> {
  return (ctx, action, recheck) => {
    const done = { result: { enabled: true } };
    return writeUnlessDone(
      recheck,
      async () => ((await api(ctx.client).get(action.target)).enabled ? done : undefined),
      async () => {
        if (withName) {
          await ctx.client.outboundVoiceProfiles.update(action.target, {
            name: textParam(action, 'name'),
            enabled: true,
          });
        } else {
          await ctx.client.messagingProfiles.update(action.target, { enabled: true });
        }
        return done;
      },
    );
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
      disable_outbound_voice_profile: judgeProfile(
        outbound,
        'outbound voice profile',
        'enable_outbound_voice_profile',
      ),
      disable_messaging_profile: judgeProfile(messaging, 'messaging profile', 'enable_messaging_profile'),
    }),
  execute: dispatchByKind(RESTORE_CONTAINED, {
    enable_outbound_voice_profile: enable(outbound, true),
    enable_messaging_profile: enable(messaging, false),
  }),
};
