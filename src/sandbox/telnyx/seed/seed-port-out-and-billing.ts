// The attacker's footholds among the numbers, connections and billing: a port-out PIN of theirs, an FQDN
// connection, a messaging profile opened to every destination, their own alert channel, a deleted balance alert.
import type { PlantedChange, TelnyxAccountState } from '../account.js';
import type { JsonObject, SimFqdnConnection, SimNotificationChannel } from '../account-state.js';
import { digestOf, type SeedBuilder } from './seed-builder.js';
import { ATTACKER_HOST } from './seed-trusted.js';

/** The owner's own billing address, and the one the attacker added. */
export const OWNER_BILLING_EMAIL = 'billing@acme-voice.example.com';
export const ATTACKER_ALERT_EMAIL = `alerts@${ATTACKER_HOST}`;

/** Telnyx's condition for a balance under an amount, as the simulated account lists it. */
export const BALANCE_CONDITION_NAME = 'Account balance below threshold';

/** The kinds this seed plants, in `PlantedKind` too. */
export const PORT_OUT_BILLING_KINDS = [
  'port_out_pin',
  'fqdn_connection',
  'messaging_destinations',
  'notification_channel',
  'balance_alert',
] as const;

function conditions(b: SeedBuilder): JsonObject[] {
  const at = b.legit().created;
  const condition = (name: string, description: string, type: string, parameter: JsonObject) => ({
    id: b.random.uuid(),
    name,
    description,
    associated_record_type: type,
    enabled: true,
    asynchronous: false,
    allow_multiple_channels: false,
    notification_event_id: b.random.uuid(),
    parameters: [parameter],
    supported_channels: ['email', 'sms', 'webhook'],
    created_at: at,
    updated_at: at,
  });
  return [
    condition(BALANCE_CONDITION_NAME, 'When the account balance falls below an amount', 'account', {
      name: 'amount',
      data_type: 'decimal',
      optional: false,
    }),
    condition('Emergency Number Dialed', 'When emergency number dialed from phone number X', 'phone_number', {
      name: 'phone_number',
      data_type: 'string',
      optional: false,
    }),
  ];
}

function seedNotifications(b: SeedBuilder): void {
  const [balance, ...rest] = conditions(b);
  b.state.notificationConditions.push(balance as JsonObject, ...rest);
  const profile = b.make<JsonObject>('notification_profile', 'uuid', b.legit(), { name: 'Billing' });
  b.state.notificationProfiles.push(profile);
  const channel = (stamps: { created: string; updated: string }, destination: string) =>
    b.make<SimNotificationChannel>('notification_channel', 'uuid', stamps, {
      notification_profile_id: profile.id,
      channel_type_id: 'email',
      channel_destination: destination,
    });
  const own = channel(b.legit(), OWNER_BILLING_EMAIL);
  const at = b.attack();
  const theirs = channel({ created: at, updated: at }, ATTACKER_ALERT_EMAIL);
  b.state.notificationChannels.push(own, theirs);
  b.plant(
    {
      kind: 'notification_channel',
      id: theirs.id,
      summary: `notification channel to ${ATTACKER_ALERT_EMAIL}`,
      value: ATTACKER_ALERT_EMAIL,
    },
    {
      at,
      changeType: 'create',
      changes: [{ field: 'channel_destination', from: null, to: ATTACKER_ALERT_EMAIL }],
    },
  );
  // The owner's balance alert, deleted by the attacker: only the audit log and the plant remember it.
  const deletedAt = b.attack();
  // Planted (and audited) under the condition's id, the one the card names: its setting was removed.
  b.plant(
    { kind: 'balance_alert', id: String(balance?.id), summary: 'the balance alert was deleted' },
    {
      at: deletedAt,
      changeType: 'update',
      changes: [{ field: 'notification_settings', from: [b.random.uuid()], to: [] }],
    },
  );
}

/** Seeds the footholds; `numberId` is the number whose port-out PIN the attacker set. */
export function seedPortOutAndBilling(b: SeedBuilder, options: { profileId: string | undefined }): void {
  const pinned = b.state.phoneNumbers.find((n) => n.voice.call_forwarding.forwards_to === '');
  if (pinned) {
    const at = b.attack();
    const pin = b.random.digits(8);
    pinned.external_pin = pin;
    pinned.updated_at = at;
    b.plant(
      {
        kind: 'port_out_pin',
        id: pinned.id,
        summary: `${pinned.phone_number}: port-out PIN set by the attacker`,
        secretDigest: digestOf(pin),
      },
      {
        at,
        changeType: 'update',
        alternateResourceId: pinned.phone_number,
        changes: [{ field: 'external_pin', from: '[redacted]', to: '[redacted]' }],
      },
    );
  }
  const fqdnAt = b.attack();
  const sbc = b.make<SimFqdnConnection>(
    'fqdn_connection',
    'int64',
    { created: fqdnAt, updated: fqdnAt },
    {
      connection_name: 'sbc-failover',
      outbound: { outbound_voice_profile_id: options.profileId ?? null },
    },
  );
  b.state.fqdnConnections.push(sbc);
  b.plant(
    {
      kind: 'fqdn_connection',
      id: sbc.id,
      summary: 'FQDN connection "sbc-failover" created after the incident began',
    },
    {
      at: fqdnAt,
      changeType: 'create',
      changes: [{ field: 'connection_name', from: null, to: 'sbc-failover' }],
    },
  );
  const notifications = b.state.messagingProfiles[0];
  if (notifications) {
    const openedAt = b.attack();
    const before = notifications.whitelisted_destinations;
    notifications.whitelisted_destinations = ['*'];
    notifications.updated_at = openedAt;
    b.plant(
      {
        kind: 'messaging_destinations',
        id: notifications.id,
        summary: `messaging profile "${notifications.name}" opened to every destination ("*")`,
        value: '*',
      },
      {
        at: openedAt,
        changeType: 'update',
        changes: [{ field: 'whitelisted_destinations', from: before, to: ['*'] }],
      },
    );
  }
  seedNotifications(b);
}

const LIVE = (s: JsonObject) => !String(s.status ?? '').startsWith('delete');

/** Whether one of these plants still has its effect on the account. */
export function portOutBillingPlantInEffect(state: TelnyxAccountState, change: PlantedChange): boolean {
  const byId = (x: { id: string }): boolean => x.id === change.id;
  switch (change.kind) {
    case 'port_out_pin': {
      const pin = state.phoneNumbers.find(byId)?.external_pin;
      return typeof pin === 'string' && digestOf(pin) === change.secretDigest;
    }
    case 'fqdn_connection':
      return state.fqdnConnections.find(byId)?.active === true;
    case 'messaging_destinations':
      return state.messagingProfiles.find(byId)?.whitelisted_destinations.includes('*') === true;
    case 'notification_channel':
      return state.notificationChannels.some(byId);
    case 'balance_alert':
      return !state.notificationSettings.some(
        (s) => LIVE(s) && s.notification_event_condition_id === change.id,
      );
    default:
      return false;
  }
}
