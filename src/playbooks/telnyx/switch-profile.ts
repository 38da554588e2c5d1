// Turning an outbound voice or messaging profile off (Contain now) or on again (Restore), with the recheck rule.
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import { textParam } from './playbook-error.js';

/** The two profile kinds Contain now switches off. */
export type ProfileKind = 'outbound' | 'messaging';

/**
 * Each profile kind Contain now switches off: the card's noun, what it stops, the action kind that
 * stops it and the one Restore plans to turn it on again.
 */
export const TELNYX_STOPS = {
  outbound: {
    noun: 'outbound voice profile',
    stops: 'outbound calls on its connections',
    kind: 'disable_outbound_voice_profile',
    restoreKind: 'enable_outbound_voice_profile',
  },
  messaging: {
    noun: 'messaging profile',
    stops: 'messages sent through it',
    kind: 'disable_messaging_profile',
    restoreKind: 'enable_messaging_profile',
  },
} as const satisfies Record<ProfileKind, { noun: string; stops: string; kind: string; restoreKind: string }>;

/** Reads one profile of `kind` (its name and whether it is enabled). */
export function readProfile(
  client: TelnyxClient,
  kind: ProfileKind,
  id: string,
): Promise<{ id: string; name: string | null; enabled: boolean }> {
  return kind === 'outbound' ? client.outboundVoiceProfiles.get(id) : client.messagingProfiles.get(id);
}

/**
 * Sets `enabled` on the action's profile: one PATCH (an outbound voice profile's carries its `name`,
 * which the spec requires on every update); with `recheck`, read first and write only when the
 * profile is not that way yet.
 */
export function switchProfile(kind: ProfileKind, enabled: boolean): KindExecutor<TelnyxClient> {
  return (ctx, action, recheck) => {
    const done = { result: enabled ? { enabled: true } : { disabled: true, enabledBefore: true } };
    return writeUnlessDone(
      recheck,
      async () =>
        (await readProfile(ctx.client, kind, action.target)).enabled === enabled ? done : undefined,
      async () => {
        if (kind === 'outbound') {
          await ctx.client.outboundVoiceProfiles.update(action.target, {
            name: textParam(action, 'name'),
            enabled,
          });
        } else {
          await ctx.client.messagingProfiles.update(action.target, { enabled });
        }
        return done;
      },
    );
  };
}
