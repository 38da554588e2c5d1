import type {
  SimCallControlApplication,
  SimMessagingProfile,
  SimOutboundVoiceProfile,
  SimTexmlApplication,
} from '../account-state.js';
import { digestOf, type SeedBuilder } from './seed-builder.js';
import { ATTACKER_HOST, TRUSTED_HOOKS, WIDE_DESTINATIONS } from './seed-trusted.js';

const EVIL = `https://${ATTACKER_HOST}`;

/** Two outbound voice profiles: one with sane limits, one the attacker opened wide. */
export function seedOutboundProfiles(b: SeedBuilder): { legitId: string; plantedId: string } {
  const main = b.make<SimOutboundVoiceProfile>('outbound_voice_profile', 'int64', b.legit(), {
    name: 'Main outbound',
    daily_spend_limit: '50.00',
    daily_spend_limit_enabled: true,
    max_destination_rate: 0.1,
    whitelisted_destinations: ['US', 'CA'],
    concurrent_call_limit: 10,
  });
  const stamps = b.legit();
  const at = b.attack();
  const loose = b.make<SimOutboundVoiceProfile>(
    'outbound_voice_profile',
    'int64',
    { created: stamps.created, updated: at },
    {
      name: 'Default',
      daily_spend_limit: '100.00',
      daily_spend_limit_enabled: false,
      max_destination_rate: null,
      whitelisted_destinations: WIDE_DESTINATIONS,
      concurrent_call_limit: null,
    },
  );
  b.state.outboundVoiceProfiles.push(main, loose);
  b.plant(
    {
      kind: 'outbound_voice_profile',
      id: loose.id,
      summary: 'outbound voice profile "Default": spend limit off, destinations opened',
    },
    {
      at,
      changeType: 'update',
      changes: [
        { field: 'daily_spend_limit_enabled', from: true, to: false },
        { field: 'max_destination_rate', from: 0.1, to: null },
        { field: 'whitelisted_destinations', from: ['US', 'CA'], to: WIDE_DESTINATIONS },
      ],
    },
  );
  return { legitId: main.id, plantedId: loose.id };
}

/**
 * Voice applications: a legitimate Call Control app and TeXML app on the trusted host; an old Call
 * Control app whose webhook the attacker repointed; a TeXML app the attacker created.
 */
export function seedApplications(b: SeedBuilder, profiles: { legitId: string; plantedId: string }): string[] {
  const ivr = b.make<SimCallControlApplication>('call_control_application', 'int64', b.legit(), {
    application_name: 'IVR main',
    webhook_event_url: `${TRUSTED_HOOKS}/telnyx/call-control`,
    outbound: { outbound_voice_profile_id: profiles.legitId },
  });
  const stamps = b.legit();
  const at = b.attack();
  const oldUrl = `${TRUSTED_HOOKS}/telnyx/support`;
  const newUrl = `${EVIL}/cc/${b.random.token(8)}`;
  const support = b.make<SimCallControlApplication>(
    'call_control_application',
    'int64',
    { created: stamps.created, updated: at },
    {
      application_name: 'Support routing',
      webhook_event_url: newUrl,
      outbound: { outbound_voice_profile_id: profiles.plantedId },
    },
  );
  b.state.callControlApplications.push(ivr, support);
  b.plant(
    {
      kind: 'call_control_application',
      id: support.id,
      summary: `Call Control app "Support routing" posts to ${ATTACKER_HOST}`,
      value: ATTACKER_HOST,
    },
    { at, changeType: 'update', changes: [{ field: 'webhook_event_url', from: oldUrl, to: newUrl }] },
  );

  const menu = b.make<SimTexmlApplication>('texml_application', 'int64', b.legit(), {
    friendly_name: 'After-hours menu',
    voice_url: `${TRUSTED_HOOKS}/texml/after-hours.xml`,
    status_callback: `${TRUSTED_HOOKS}/texml/status`,
    outbound: { outbound_voice_profile_id: profiles.legitId },
  });
  const createdAt = b.attack();
  const voicemail = b.make<SimTexmlApplication>(
    'texml_application',
    'int64',
    { created: createdAt, updated: createdAt },
    {
      friendly_name: 'Voicemail v2',
      voice_url: `${EVIL}/texml/vm.xml`,
      status_callback: `${EVIL}/texml/status`,
      outbound: { outbound_voice_profile_id: profiles.plantedId },
    },
  );
  b.state.texmlApplications.push(menu, voicemail);
  b.plant(
    {
      kind: 'texml_application',
      id: voicemail.id,
      summary: `TeXML app "Voicemail v2" fetches from ${ATTACKER_HOST}`,
      value: ATTACKER_HOST,
    },
    {
      at: createdAt,
      changeType: 'create',
      changes: [{ field: 'voice_url', from: null, to: voicemail.voice_url }],
    },
  );
  return [ivr.id, menu.id];
}

/** One messaging profile whose v1 secret must be presumed leaked with the account. */
export function seedMessagingProfile(b: SeedBuilder): string {
  const profile = b.make<SimMessagingProfile>('messaging_profile', 'uuid', b.legit(), {
    name: 'Customer notifications',
    webhook_url: `${TRUSTED_HOOKS}/telnyx/messaging`,
    whitelisted_destinations: ['US', 'CA'],
    daily_spend_limit: '25.00',
    daily_spend_limit_enabled: true,
  });
  b.state.messagingProfiles.push(profile);
  b.state.planted.push({
    kind: 'messaging_profile_secret',
    id: profile.id,
    summary: 'messaging profile "Customer notifications": v1 secret presumed leaked',
    secretDigest: digestOf(profile.v1_secret),
  });
  return profile.id;
}
