// Telnyx's Contain now: every enabled outbound voice profile and messaging profile switched off at once, reversibly.
import { containStepKey } from '../../domain/containment.js';
import type { MessagingProfile, OutboundVoiceProfile, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { restoreContainedStep } from './restore-contained.js';
import { switchProfile, TELNYX_STOPS } from './switch-profile.js';

export const CONTAIN_NOW = containStepKey('telnyx');

type Profile = Pick<OutboundVoiceProfile | MessagingProfile, 'id' | 'enabled'> & { name: string | null };

function judge(p: Profile, stop: (typeof TELNYX_STOPS)[keyof typeof TELNYX_STOPS]): PlannedResource {
  const label = `${stop.noun} ${namedWithId(p.name, p.id)}`;
  const summary = `${label[0]?.toUpperCase()}${label.slice(1)}`;
  if (!p.enabled) {
    return {
      finding: { resource: p.id, summary: `${summary} is already disabled`, suspicious: false, reasons: [] },
    };
  }
  return {
    finding: {
      resource: p.id,
      summary,
      suspicious: true,
      reasons: [`enabled: ${stop.stops} can go out now`],
    },
    action: {
      kind: stop.kind,
      target: p.id,
      params: { name: p.name ?? '' },
      description: `Disable ${label} (stops ${stop.stops})`,
    },
  };
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const [outbound, messaging] = await Promise.all([
    ctx.client.outboundVoiceProfiles.list(),
    ctx.client.messagingProfiles.list(),
  ]);
  const planned = [
    ...outbound.items.map((p) => judge(p, TELNYX_STOPS.outbound)),
    ...messaging.items.map((p) => judge(p, TELNYX_STOPS.messaging)),
  ];
  const discovery = discoveryOf(planned, (actions) => {
    const voice = actions.filter((a) => a.kind === TELNYX_STOPS.outbound.kind).length;
    const sms = actions.length - voice;
    if (actions.length === 0) {
      return nothingFound('no outbound voice or messaging profile is enabled, so nothing needs containing.');
    }
    return `Disable ${plural(voice, 'outbound voice profile')} and ${plural(sms, 'messaging profile')} now: no call or message leaves the account until the clean-up is done and Restore puts each back as it was.`;
  });
  return withUnreadable(discovery, [...outbound.unreadable, ...messaging.unreadable]);
}

export const containNowStep: AutomatedStepDefinition<TelnyxClient> = {
  id: CONTAIN_NOW,
  kind: 'automated',
  title: 'Contain now: stop outbound calls and messages',
  why: 'Toll fraud costs money by the minute, and the checklist below takes a while. Disabling the outbound voice and messaging profiles stops every call and message at once; Restore turns each back on once the clean-up is done.',
  risk: 'normal',
  concurrency: 4,
  discover,
  execute: dispatchByKind(CONTAIN_NOW, {
    [TELNYX_STOPS.outbound.kind]: switchProfile('outbound', false),
    [TELNYX_STOPS.messaging.kind]: switchProfile('messaging', false),
  }),
  restore: restoreContainedStep,
};
